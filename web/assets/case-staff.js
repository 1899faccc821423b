// case-staff.js - the Staff area of the case page: who works on the case in which role (a
// table without headings: role, name, Edit and Delete), adding a person (a user, or a contact
// from outside the firm), changing one (a new person or role starts a new assignment; comments
// alone edit it) and the history of every assignment. The current rows come with the case
// summary (case-page.js reloads it after every change); writes and the history go to
// /api/v1/cases/{id}/staff.
import { html, useState } from '/vendor/preact-htm.js';
import { post, patch, del } from './api.js';
import { Alert, Button, Field, Panel, RemoveButtons } from './ui.js';
import { useRemoval } from './hooks.js';
import { HistoryPanel, FROM, TO, COMMENTS } from './history-panel.js';
import { useForm, FormProblem, FormActions } from './forms.js';
import { ContactPicker } from './pickers.js';
import { todayISO } from './format.js';

/** The Staff area of `rows` (the summary's current staff); onChanged() after a change. */
export function CaseStaff({ kase, rows, lists, canEdit, onChanged }) {
  const [form, setForm] = useState(null); // null | {row: null | a staff row}
  const [history, setHistory] = useState(false);
  const removal = useRemoval();

  function saved() {
    setForm(null);
    onChanged();
  }
  async function remove(row) {
    await removal.remove(row.id, () => del(`/cases/${kase.id}/staff/${row.id}`), `${row.name} was not removed`);
    onChanged();
  }

  return html`<section class="card case-card" aria-labelledby="staff-title">
    <div class="card-head">
      <h2 id="staff-title" class="card-title">Staff</h2>
      <div class="card-actions">
        <${Button} size="sm" kind="ghost" icon="history" onClick=${() => setHistory(true)}>Show history<//>
        ${canEdit ? html`<${Button} size="sm" kind="secondary" icon="plus" aria-label="Add staff"
          onClick=${() => setForm({ row: null })}>Add<//>` : null}
      </div>
    </div>
    ${removal.error ? html`<div class="card-alerts"><${Alert} kind="error" onClose=${removal.clearError}>${removal.error}<//></div>` : null}
    ${rows.length === 0 ? html`<p class="card-empty">Nobody is assigned yet.</p>`
      : html`<table class="plain-table" aria-label="Staff">
        <tbody>
          ${rows.map((r) => html`<tr key=${r.id} data-staff=${r.name}>
            <td class="plain-key">${r.role.name}</td>
            <td>${r.name}${r.contact ? html`<span class="cell-muted"> (contact)</span>` : null}
              ${r.comments ? html`<span class="cell-note">${r.comments}</span>` : null}</td>
            <td class="cell-actions"><div class="row-actions">
              ${canEdit ? html`
                <${Button} size="sm" kind="ghost" icon="edit" aria-label=${`Edit ${r.role.name} ${r.name}`}
                  onClick=${() => setForm({ row: r })}>Edit<//>
                <${RemoveButtons} removal=${removal} id=${r.id} label=${`Remove ${r.role.name} ${r.name}`}
                  question=${`Remove ${r.name}?`} busyLabel="Removing…" onConfirm=${() => remove(r)} />` : null}
            </div></td>
          </tr>`)}
        </tbody>
      </table>`}
    ${form ? html`<${StaffForm} kase=${kase} lists=${lists} row=${form.row} onSaved=${saved}
      onReload=${() => { setForm(null); onChanged(); }} onCancel=${() => setForm(null)} />` : null}
    ${history ? html`<${StaffHistory} kase=${kase} onClose=${() => setHistory(false)} />` : null}
  </section>`;
}

const LABELS = { user_id: 'Staff member', contact_id: 'Contact', role_id: 'Role', comments: 'Comments', date: 'From' };

function StaffForm({ kase, lists, row, onSaved, onReload, onCancel }) {
  const editing = !!row;
  const [who, setWho] = useState(row?.contact ? 'contact' : 'user');
  const [userId, setUserId] = useState(row?.user ? String(row.user.id) : '');
  const [contact, setContact] = useState(row?.contact ? { id: row.contact.id, display_name: row.contact.name } : null);
  const [roleId, setRoleId] = useState(row ? String(row.role.id) : '');
  const [comments, setComments] = useState(row?.comments || '');
  const [date, setDate] = useState(todayISO());
  const form = useForm('stf-');
  const pp = (k) => form.pp(k);
  const problem = form.problem;
  const people = lists.people;

  function submit(e) {
    e.preventDefault();
    if (who === 'user' && !userId) return form.fail({ field: 'user_id', detail: 'choose who' });
    if (who === 'contact' && !contact) return form.fail({ field: 'contact_id', detail: 'choose a contact or add one' });
    if (!roleId) return form.fail({ field: 'role_id', detail: 'choose a role' });
    const person = who === 'user' ? { user_id: Number(userId) } : { contact_id: contact.id };
    if (!editing) {
      const body = { ...person, role_id: Number(roleId) };
      if (comments.trim()) body.comments = comments.trim();
      if (date && date !== todayISO()) body.date = date;
      return form.run(async () => { await post(`/cases/${kase.id}/staff`, body); onSaved(); });
    }
    const body = {};
    const samePerson = who === 'user' ? row.user?.id === person.user_id : row.contact?.id === person.contact_id;
    if (!samePerson) Object.assign(body, person);
    if (Number(roleId) !== row.role.id) body.role_id = Number(roleId);
    if (comments !== (row.comments || '')) body.comments = comments;
    if (Object.keys(body).length === 0) return onCancel();
    return form.run(async () => {
      await patch(`/cases/${kase.id}/staff/${row.id}`, body, { ifMatch: row.version });
      onSaved();
    });
  }

  return html`<${Panel} id="staff-form" title=${editing ? `Edit ${row.role.name}` : 'Add staff'} onClose=${onCancel}>
    <form class="panel-form" onSubmit=${submit} novalidate>
      <${FormProblem} form=${form} prefix="stf-" labels=${LABELS} onReload=${onReload} />
      <fieldset class="choice">
        <legend>Who</legend>
        <label class="check"><input type="radio" name="stf-who" checked=${who === 'user'}
          onChange=${() => setWho('user')} /> Someone at the firm</label>
        <label class="check"><input type="radio" name="stf-who" checked=${who === 'contact'}
          onChange=${() => setWho('contact')} /> A contact (outside the firm)</label>
      </fieldset>
      ${who === 'user' ? html`<${Field} id="stf-user_id" label="Staff member" required>
          <select id="stf-user_id" value=${userId} onChange=${(e) => setUserId(e.currentTarget.value)} ...${pp('user_id')}>
            <option value="">Choose a person</option>
            ${row?.user && !people.some((p) => p.id === row.user.id)
              ? html`<option value=${String(row.user.id)}>${row.user.name}</option>` : null}
            ${people.map((p) => html`<option key=${p.id} value=${String(p.id)}>${p.name}</option>`)}
          </select>
        <//>`
      : html`<div class=${`field ${problem?.field === 'contact_id' ? 'has-error' : ''}`}>
          <div class="field-label"><label for="stf-contact_id">Contact</label><span class="req" aria-hidden="true">*</span></div>
          <${ContactPicker} id="stf-contact_id" label="Contact" value=${contact} onChange=${setContact}
            invalid=${problem?.field === 'contact_id'} />
        </div>`}
      <${Field} id="stf-role_id" label="Role" required>
        <select id="stf-role_id" value=${roleId} onChange=${(e) => setRoleId(e.currentTarget.value)} ...${pp('role_id')}>
          <option value="">Choose a role</option>
          ${lists.roles.map((r) => html`<option key=${r.id} value=${String(r.id)}>${r.name}</option>`)}
        </select>
      <//>
      ${editing ? null : html`<${Field} id="stf-date" label="From">
        <input id="stf-date" type="date" value=${date} onChange=${(e) => setDate(e.currentTarget.value)} ...${pp('date')} /><//>`}
      <${Field} id="stf-comments" label="Comments">
        <textarea id="stf-comments" rows="3" value=${comments} onInput=${(e) => setComments(e.currentTarget.value)}
          ...${pp('comments')}></textarea>
      <//>
      ${editing ? html`<p class="field-hint">A new person or role ends this assignment today and starts a new one; the history keeps both.</p>` : null}
      <${FormActions} form=${form} onCancel=${onCancel} />
    </form>
  <//>`;
}

function StaffHistory({ kase, onClose }) {
  const columns = [{ label: 'Role', cell: (r) => r.role.name }, { label: 'Name', cell: (r) => r.name }, FROM, TO, COMMENTS];
  return html`<${HistoryPanel} id="staff-history" title="Staff history" path=${`/cases/${kase.id}/staff/history`}
    columns=${columns} empty="Nobody has been assigned yet" onClose=${onClose} />`;
}
