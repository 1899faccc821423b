// case-notes.js - the Last Notes area of the case page (the five newest: type, date, time,
// creator, then the note; Edit and Delete for its creator or an administrator; Add), the note
// form (also opened by the case page's Quick add, quick-add.js), and "All notes": every note,
// searchable, a page at a time. The five newest come with the case summary (case-page.js reloads
// it after every change); writes and All notes go to /api/v1/cases/{id}/notes.
import { html, useState, useEffect } from '/vendor/preact-htm.js';
import { post, patch, del } from './api.js';
import { Alert, Button, Field, Panel, RemoveButtons, Spinner, EmptyState, Icon } from './ui.js';
import { usePaged, useRemoval } from './hooks.js';
import { useForm, FormProblem, FormActions } from './forms.js';
import { fmtDateTime, toLocalInput, fromLocalInput } from './format.js';

const NOTE_MAX = 8000;

/** Last notes: `items` (the summary's five newest notes); onChanged() after a change. */
export function CaseNotes({ kase, me, items, lists, canEdit, rev, onChanged }) {
  const [form, setForm] = useState(null); // null | {note: null | a note}
  const [all, setAll] = useState(false);

  function saved() {
    setForm(null);
    onChanged();
  }

  return html`<section class="card case-card" aria-labelledby="notes-title">
    <div class="card-head">
      <h2 id="notes-title" class="card-title">Last notes</h2>
      <div class="card-actions">
        <${Button} size="sm" kind="ghost" icon="list" onClick=${() => setAll(true)}>All notes<//>
        ${canEdit ? html`<${Button} size="sm" kind="secondary" icon="plus" aria-label="Add a note"
          onClick=${() => setForm({ note: null })}>Add<//>` : null}
      </div>
    </div>
    ${items.length === 0 ? html`<p class="card-empty">No notes yet.</p>`
      : html`<${NoteList} kase=${kase} me=${me} items=${items} canEdit=${canEdit} label="Last notes"
          onEdit=${(note) => setForm({ note })} onDeleted=${onChanged} />`}
    ${form ? html`<${NoteForm} kase=${kase} lists=${lists} note=${form.note} onSaved=${saved}
      onReload=${() => { setForm(null); onChanged(); }} onCancel=${() => setForm(null)} />` : null}
    ${all ? html`<${AllNotes} kase=${kase} me=${me} lists=${lists} canEdit=${canEdit} rev=${rev}
      onChanged=${onChanged} onClose=${() => setAll(false)} />` : null}
  </section>`;
}

/** May the signed-in user change this note? Its creator or an administrator. */
function mayChange(me, note) {
  return note.creator?.id === me.id || (me.rights || []).includes('admin');
}

function NoteList({ kase, me, items, canEdit, label, onEdit, onDeleted }) {
  const removal = useRemoval();

  async function remove(n) {
    const err = await removal.remove(n.id, () => del(`/cases/${kase.id}/notes/${n.id}`), 'The note was not deleted');
    if (!err) onDeleted(n);
  }

  return html`${removal.error ? html`<div class="card-alerts"><${Alert} kind="error" onClose=${removal.clearError}>${removal.error}<//></div>` : null}
    <ul class="note-list" aria-label=${label}>
      ${items.map((n) => {
        const when = fmtDateTime(n.at);
        return html`<li key=${n.id} class="note" data-note-id=${n.id}>
          <div class="note-main">
            <p class="note-meta">
              <span class="note-type">${n.type?.name}</span>
              <time datetime=${n.at}>${when.date} ${when.time}</time>
              <span class="note-creator">${n.creator?.name}</span>
            </p>
            <p class="note-body">${n.body}</p>
          </div>
          ${canEdit && mayChange(me, n) ? html`<div class="row-actions note-actions">
            <${Button} size="sm" kind="ghost" icon="edit" aria-label=${`Edit the note of ${when.date} ${when.time}`}
              onClick=${() => onEdit(n)}>Edit<//>
            <${RemoveButtons} removal=${removal} id=${n.id} label=${`Delete the note of ${when.date} ${when.time}`}
              question="Delete note?" onConfirm=${() => remove(n)} />
          </div>` : null}
        </li>`;
      })}
    </ul>`;
}

const LABELS = { note_type_id: 'Type', at: 'Date and time', body: 'Note' };

/** The add (note null) or edit form of a note, in a side panel; onSaved() after the write. */
export function NoteForm({ kase, lists, note, onSaved, onReload, onCancel }) {
  const editing = !!note;
  const [typeId, setTypeId] = useState(note ? String(note.type.id) : String(lists.noteTypes[0]?.id ?? ''));
  const [at, setAt] = useState(toLocalInput(note?.at));
  const [body, setBody] = useState(note?.body || '');
  const form = useForm('nf-');
  const pp = (k) => form.pp(k);
  const bytes = new TextEncoder().encode(body).length;

  function submit(e) {
    e.preventDefault();
    if (!typeId) return form.fail({ field: 'note_type_id', detail: 'choose a type' });
    if (!body.trim()) return form.fail({ field: 'body', detail: 'write the note' });
    if (bytes > NOTE_MAX) return form.fail({ field: 'body', detail: `is too long (${bytes} of at most ${NOTE_MAX} bytes)` });
    const iso = fromLocalInput(at);
    if (at && !iso) return form.fail({ field: 'at', detail: 'is not a date and time' });
    if (!editing) {
      const req = { note_type_id: Number(typeId), body };
      if (iso) req.at = iso;
      return form.run(async () => { await post(`/cases/${kase.id}/notes`, req); onSaved(); });
    }
    const changes = {};
    if (Number(typeId) !== note.type.id) changes.note_type_id = Number(typeId);
    if (body !== note.body) changes.body = body;
    if (at !== toLocalInput(note.at)) changes.at = iso;
    if (Object.keys(changes).length === 0) return onCancel();
    return form.run(async () => {
      await patch(`/cases/${kase.id}/notes/${note.id}`, changes, { ifMatch: note.version });
      onSaved();
    });
  }

  return html`<${Panel} id="note-form" title=${editing ? 'Edit note' : 'Add a note'} onClose=${onCancel}>
    <form class="panel-form" onSubmit=${submit} novalidate>
      <${FormProblem} form=${form} prefix="nf-" labels=${LABELS} onReload=${onReload} />
      <div class="form-grid form-grid-2">
        <${Field} id="nf-note_type_id" label="Type" required>
          <select id="nf-note_type_id" value=${typeId} onChange=${(e) => setTypeId(e.currentTarget.value)} ...${pp('note_type_id')}>
            <option value="">Choose a type</option>
            ${lists.noteTypes.map((t) => html`<option key=${t.id} value=${String(t.id)}>${t.name}</option>`)}
          </select>
        <//>
        <${Field} id="nf-at" label="Date and time">
          <input id="nf-at" type="datetime-local" value=${at} onChange=${(e) => setAt(e.currentTarget.value)} ...${pp('at')} />
        <//>
      </div>
      <${Field} id="nf-body" label="Note" required hint=${bytes > NOTE_MAX * 0.9 ? `${bytes} of ${NOTE_MAX} bytes` : null}>
        <textarea id="nf-body" rows="8" value=${body} onInput=${(e) => setBody(e.currentTarget.value)} autofocus
          ...${pp('body')}></textarea>
      <//>
      <${FormActions} form=${form} label=${editing ? 'Save' : 'Add note'} onCancel=${onCancel} />
    </form>
  <//>`;
}

/** Every note of the case, newest first, searchable, with "More". */
function AllNotes({ kase, me, lists, canEdit, rev, onChanged, onClose }) {
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [form, setForm] = useState(null);
  useEffect(() => {
    const t = setTimeout(() => setQuery(q.trim()), 300);
    return () => clearTimeout(t);
  }, [q]);
  const path = `/cases/${kase.id}/notes${query ? `?q=${encodeURIComponent(query)}` : ''}`;
  const { items, error, hasMore, loadingMore, more, reload } = usePaged(path, 20, [rev]);

  return html`<${Panel} id="all-notes" title="All notes" wide onClose=${onClose}>
    <form role="search" class="panel-search" onSubmit=${(e) => { e.preventDefault(); setQuery(q.trim()); }}>
      <div class="search-box">
        <${Icon} name="search" />
        <label for="notes-search" class="visually-hidden">Search notes</label>
        <input id="notes-search" type="search" placeholder="Search the notes" value=${q} autocomplete="off"
          onInput=${(e) => setQ(e.currentTarget.value)} autofocus />
      </div>
    </form>
    ${error ? html`<${Alert} kind="error">${error.detail} <button type="button" class="link-btn" onClick=${reload}>Try again</button><//>`
      : !items ? html`<${Spinner} label="Loading notes…" />`
      : items.length === 0 ? html`<${EmptyState} icon="note" title=${query ? 'No note matches' : 'No notes yet'}><//>`
      : html`<${NoteList} kase=${kase} me=${me} items=${items} canEdit=${canEdit} label="All notes"
          onEdit=${(note) => setForm({ note })} onDeleted=${onChanged} />
        ${hasMore ? html`<div class="more-row"><${Button} kind="secondary" busy=${loadingMore} busyLabel="Loading…"
          onClick=${more}>More<//></div>` : null}`}
    ${form ? html`<${NoteForm} kase=${kase} lists=${lists} note=${form.note}
      onSaved=${() => { setForm(null); onChanged(); }} onReload=${() => { setForm(null); onChanged(); }}
      onCancel=${() => setForm(null)} />` : null}
  <//>`;
}
