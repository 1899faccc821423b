// quick-add.js - the Quick add toolbar of the case page (note, task, appointment, deadline) and
// the small forms it opens, each in a side panel posting to its area's API:
// POST /api/v1/cases/{id}/notes (the note form of case-notes.js), .../tasks, .../appointments
// and .../deadlines. After a write the case page reloads the summary (onDone). The Tasks and
// Pending critical deadlines areas (case-work.js) open the same forms from their Add buttons.
import { html, useState } from '/vendor/preact-htm.js';
import { post } from './api.js';
import { Field, Icon, Panel } from './ui.js';
import { useGet } from './hooks.js';
import { useForm, FormProblem, FormActions, setter } from './forms.js';
import { ContactPicker } from './pickers.js';
import { toLocalInput, fromLocalInput } from './format.js';
import { NoteForm } from './case-notes.js';

const KINDS = [
  { id: 'note', label: 'Note', icon: 'note', title: 'Add a note' },
  { id: 'task', label: 'Task', icon: 'check', title: 'Add a task' },
  { id: 'appointment', label: 'Appointment', icon: 'clock', title: 'Add an appointment' },
  { id: 'deadline', label: 'Deadline', icon: 'flag', title: 'Add a deadline or SOL' },
];

/** The toolbar: onPick(kind) opens that kind's form. */
export function QuickAddBar({ onPick }) {
  return html`<div class="quick-add" role="toolbar" aria-label="Quick add">
    <span class="quick-add-label" aria-hidden="true">Quick add</span>
    ${KINDS.map((k) => html`<button type="button" key=${k.id} class="btn btn-secondary btn-sm quick-add-btn"
        title=${k.title} data-kind=${k.id} onClick=${() => onPick(k.id)}>
      <${Icon} name=${k.icon} /><span>${k.label}</span>
    </button>`)}
  </div>`;
}

/**
 * The form of `quick.kind` ('note', 'task', 'appointment', 'deadline'; `quick.preset` is the
 * deadline kind to start with) for the case of `summary`; onDone() after it was saved.
 */
export function QuickAddDialog({ quick, summary, me, lists, onDone, onCancel }) {
  const kase = summary.case;
  switch (quick.kind) {
    case 'note': return html`<${NoteForm} kase=${kase} lists=${lists} note=${null} onSaved=${onDone} onReload=${onDone}
      onCancel=${onCancel} />`;
    case 'task': return html`<${TaskForm} kase=${kase} me=${me} lists=${lists} onDone=${onDone} onCancel=${onCancel} />`;
    case 'appointment': return html`<${AppointmentForm} kase=${kase} lists=${lists} onDone=${onDone} onCancel=${onCancel} />`;
    case 'deadline': return html`<${DeadlineForm} summary=${summary} preset=${quick.preset} onDone=${onDone}
      onCancel=${onCancel} />`;
    default: return null;
  }
}

const TASK_LABELS = { subject: 'Subject', description: 'Description', priority: 'Priority', due_date: 'Due date', assignee_id: 'Assigned to' };
const PRIORITIES = [['critical', 'Critical'], ['high', 'High'], ['normal', 'Normal'], ['low', 'Low']];

function TaskForm({ kase, me, lists, onDone, onCancel }) {
  const mine = lists.people.some((p) => p.id === me.id);
  const [v, setV] = useState({ subject: '', description: '', priority: 'normal', due_date: '', assignee_id: mine ? String(me.id) : '' });
  const set = (k) => setter(setV, k);
  const form = useForm('qt-');
  const pp = (k) => form.pp(k);

  function submit(e) {
    e.preventDefault();
    const subject = v.subject.trim();
    if (!subject) return form.fail({ field: 'subject', detail: 'say what is to be done' });
    if (subject.length > 200) return form.fail({ field: 'subject', detail: 'is too long (at most 200 characters)' });
    const body = { subject, priority: v.priority };
    if (v.description.trim()) body.description = v.description.trim();
    if (v.due_date) body.due_date = v.due_date;
    if (v.assignee_id) body.assignee_id = Number(v.assignee_id);
    return form.run(async () => { await post(`/cases/${kase.id}/tasks`, body); onDone(); });
  }

  return html`<${Panel} id="task-form" title="Add a task" onClose=${onCancel}>
    <form class="panel-form" onSubmit=${submit} novalidate aria-label="Add a task">
      <${FormProblem} form=${form} prefix="qt-" labels=${TASK_LABELS} />
      <${Field} id="qt-subject" label="Subject" required>
        <input id="qt-subject" value=${v.subject} onInput=${set('subject')} maxlength="200" autocomplete="off" autofocus
          ...${pp('subject')} />
      <//>
      <${Field} id="qt-description" label="Description">
        <textarea id="qt-description" rows="3" value=${v.description} onInput=${set('description')} ...${pp('description')}></textarea>
      <//>
      <div class="form-grid form-grid-2">
        <${Field} id="qt-priority" label="Priority">
          <select id="qt-priority" value=${v.priority} onChange=${set('priority')} ...${pp('priority')}>
            ${PRIORITIES.map(([id, label]) => html`<option key=${id} value=${id}>${label}</option>`)}
          </select>
        <//>
        <${Field} id="qt-due_date" label="Due date">
          <input id="qt-due_date" type="date" value=${v.due_date} onChange=${set('due_date')} ...${pp('due_date')} />
        <//>
      </div>
      <${Field} id="qt-assignee_id" label="Assigned to">
        <select id="qt-assignee_id" value=${v.assignee_id} onChange=${set('assignee_id')} ...${pp('assignee_id')}>
          <option value="">Nobody yet</option>
          ${lists.people.map((p) => html`<option key=${p.id} value=${String(p.id)}>${p.name}</option>`)}
        </select>
      <//>
      <${FormActions} form=${form} label="Add task" busyLabel="Adding…" onCancel=${onCancel} />
    </form>
  <//>`;
}

const APPOINTMENT_LABELS = { subject: 'Subject', starts_at: 'Starts', ends_at: 'Ends', comments: 'Comments', attendees: 'Attendees' };

/** The next full hour, as a datetime-local value. */
function nextHour() {
  const d = new Date();
  d.setMinutes(0, 0, 0);
  d.setHours(d.getHours() + 1);
  return toLocalInput(d.toISOString());
}

function AppointmentForm({ kase, lists, onDone, onCancel }) {
  const [v, setV] = useState({ subject: '', starts: nextHour(), ends: '', comments: '' });
  const [attendees, setAttendees] = useState([]); // [{user_id | contact_id, name}]
  const set = (k) => setter(setV, k);
  const form = useForm('qa-');
  const pp = (k) => form.pp(k);
  const same = (a, b) => (a.user_id && a.user_id === b.user_id) || (a.contact_id && a.contact_id === b.contact_id);
  const add = (a) => setAttendees((l) => (l.some((x) => same(x, a)) ? l : [...l, a]));
  const staffLeft = lists.people.filter((p) => !attendees.some((a) => a.user_id === p.id));

  function submit(e) {
    e.preventDefault();
    const subject = v.subject.trim();
    if (!subject) return form.fail({ field: 'subject', detail: 'say what the appointment is' });
    const starts = fromLocalInput(v.starts);
    if (!starts) return form.fail({ field: 'starts_at', detail: 'give the date and time it starts' });
    const ends = fromLocalInput(v.ends);
    if (v.ends && !ends) return form.fail({ field: 'ends_at', detail: 'is not a date and time' });
    if (ends && ends < starts) return form.fail({ field: 'ends_at', detail: 'must not be before the start' });
    const body = { subject, starts_at: starts };
    if (ends) body.ends_at = ends;
    if (v.comments.trim()) body.comments = v.comments.trim();
    if (attendees.length) body.attendees = attendees.map((a) => (a.user_id ? { user_id: a.user_id } : { contact_id: a.contact_id }));
    return form.run(async () => { await post(`/cases/${kase.id}/appointments`, body); onDone(); });
  }

  return html`<${Panel} id="appointment-form" title="Add an appointment" onClose=${onCancel}>
    <form class="panel-form" onSubmit=${submit} novalidate aria-label="Add an appointment">
      <${FormProblem} form=${form} prefix="qa-" labels=${APPOINTMENT_LABELS} />
      <${Field} id="qa-subject" label="Subject" required>
        <input id="qa-subject" value=${v.subject} onInput=${set('subject')} autocomplete="off" autofocus ...${pp('subject')} />
      <//>
      <div class="form-grid form-grid-2">
        <${Field} id="qa-starts_at" label="Starts" required>
          <input id="qa-starts_at" type="datetime-local" value=${v.starts} onChange=${set('starts')} ...${pp('starts_at')} />
        <//>
        <${Field} id="qa-ends_at" label="Ends" hint="An hour after the start when left empty">
          <input id="qa-ends_at" type="datetime-local" value=${v.ends} onChange=${set('ends')} ...${pp('ends_at', 'qa-ends_at-hint')} />
        <//>
      </div>
      <fieldset class="form-section attendee-set" aria-describedby=${form.problem?.field === 'attendees' ? 'qa-error' : undefined}>
        <legend>Attendees</legend>
        ${attendees.length ? html`<ul class="qa-attendees" aria-label="Attendees">
          ${attendees.map((a) => html`<li key=${a.user_id ? `u${a.user_id}` : `c${a.contact_id}`} class="chip qa-attendee">
            <span>${a.name}</span>
            <button type="button" class="chip-remove" aria-label=${`Remove ${a.name}`}
              onClick=${() => setAttendees((l) => l.filter((x) => !same(x, a)))}><${Icon} name="close" /></button>
          </li>`)}
        </ul>` : html`<p class="field-hint">Nobody yet.</p>`}
        <div class="form-grid form-grid-2">
          <${Field} id="qa-staff" label="Add someone from the firm">
            <select id="qa-staff" value="" onChange=${(e) => {
              const p = lists.people.find((x) => x.id === Number(e.currentTarget.value));
              if (p) add({ user_id: p.id, name: p.name });
              e.currentTarget.value = '';
            }}>
              <option value="">Choose a person</option>
              ${staffLeft.map((p) => html`<option key=${p.id} value=${String(p.id)}>${p.name}</option>`)}
            </select>
          <//>
          <div class="field">
            <div class="field-label"><label for="qa-contact">Add a contact</label></div>
            <${ContactPicker} id="qa-contact" label="Attendee contact" value=${null}
              onChange=${(c) => { if (c) add({ contact_id: c.id, name: c.display_name || c.name }); }} />
          </div>
        </div>
      </fieldset>
      <${Field} id="qa-comments" label="Comments">
        <textarea id="qa-comments" rows="3" value=${v.comments} onInput=${set('comments')} ...${pp('comments')}></textarea>
      <//>
      <${FormActions} form=${form} label="Add appointment" busyLabel="Adding…" onCancel=${onCancel} />
    </form>
  <//>`;
}

const DEADLINE_LABELS = { kind: 'Kind', deadline_type_id: 'Type', party_id: 'Party', due_date: 'Due date', comments: 'Comments' };
const DEADLINE_KINDS = [['plaintiff_sol', 'Plaintiff SOL'], ['defendant_sol', 'Defendant SOL'], ['critical', 'Critical deadline']];

/** The parties a deadline of `kind` may name: plaintiffs (any, represented or not), defendants, or all. */
function partiesFor(summary, kind) {
  const plaintiffs = [...(summary.plaintiffs || []), ...(summary.tabs?.other_plaintiffs?.items || [])];
  const defendants = summary.defendants || [];
  if (kind === 'plaintiff_sol') return plaintiffs;
  if (kind === 'defendant_sol') return defendants;
  return [...plaintiffs, ...defendants];
}

function DeadlineForm({ summary, preset, onDone, onCancel }) {
  const kase = summary.case;
  const [v, setV] = useState({ kind: preset || 'critical', deadline_type_id: '', party_id: '', due_date: '', comments: '' });
  const { data: typeData, error: typeError } = useGet('/setup/deadline-types');
  const types = typeData?.items || [];
  const set = (k) => setter(setV, k);
  const form = useForm('qd-');
  const pp = (k) => form.pp(k);
  const critical = v.kind === 'critical';
  const parties = partiesFor(summary, v.kind);

  function chooseKind(e) {
    const kind = e.currentTarget.value;
    setV((x) => ({ ...x, kind, party_id: partiesFor(summary, kind).some((p) => String(p.id) === x.party_id) ? x.party_id : '' }));
  }

  function submit(e) {
    e.preventDefault();
    if (critical && !v.deadline_type_id) return form.fail({ field: 'deadline_type_id', detail: 'choose the kind of deadline' });
    if (!v.due_date) return form.fail({ field: 'due_date', detail: 'is required' });
    const body = { kind: v.kind, due_date: v.due_date };
    if (critical) body.deadline_type_id = Number(v.deadline_type_id);
    if (v.party_id) body.party_id = Number(v.party_id);
    if (v.comments.trim()) body.comments = v.comments.trim();
    return form.run(async () => { await post(`/cases/${kase.id}/deadlines`, body); onDone(); });
  }

  return html`<${Panel} id="deadline-form" title="Add a deadline or SOL" onClose=${onCancel}>
    <form class="panel-form" onSubmit=${submit} novalidate aria-label="Add a deadline or SOL">
      <${FormProblem} form=${form} prefix="qd-" labels=${DEADLINE_LABELS} />
      <${Field} id="qd-kind" label="Kind" required>
        <select id="qd-kind" value=${v.kind} onChange=${chooseKind} ...${pp('kind')}>
          ${DEADLINE_KINDS.map(([id, label]) => html`<option key=${id} value=${id}>${label}</option>`)}
        </select>
      <//>
      ${critical ? html`<${Field} id="qd-deadline_type_id" label="Type" required
          hint=${typeError ? `The deadline types could not be loaded: ${typeError.detail}`
            : typeData && !types.length ? 'No deadline types are set up yet (Setup).' : null}>
        <select id="qd-deadline_type_id" value=${v.deadline_type_id} onChange=${set('deadline_type_id')}
          ...${pp('deadline_type_id', 'qd-deadline_type_id-hint')}>
          <option value="">${typeData ? 'Choose a type' : 'Loading…'}</option>
          ${types.map((t) => html`<option key=${t.id} value=${String(t.id)}>${t.name}</option>`)}
        </select>
      <//>` : null}
      <${Field} id="qd-party_id" label="Party">
        <select id="qd-party_id" value=${v.party_id} onChange=${set('party_id')} ...${pp('party_id')}>
          <option value="">${parties.length ? 'None' : 'No party of this side yet'}</option>
          ${parties.map((p) => html`<option key=${p.id} value=${String(p.id)}>${p.contact.name}</option>`)}
        </select>
      <//>
      <${Field} id="qd-due_date" label="Due date" required>
        <input id="qd-due_date" type="date" value=${v.due_date} onChange=${set('due_date')} ...${pp('due_date')} />
      <//>
      <${Field} id="qd-comments" label="Comments">
        <textarea id="qd-comments" rows="3" value=${v.comments} onInput=${set('comments')} ...${pp('comments')}></textarea>
      <//>
      <${FormActions} form=${form} label="Add" busyLabel="Adding…" onCancel=${onCancel} />
    </form>
  <//>`;
}
