// case-work-edit.js - the editors of the case's tasks, appointments and critical deadlines/SOLs,
// hooked into the summary page's areas (areaActions and rowActions of case-summary.js): Edit and
// Delete on each row of Tasks, Pending appointments and Pending critical deadlines, and "All" in
// each header: every row, done ones too (to reopen a task or a deadline), with add, edit and
// delete. Tasks: subject, description, priority, due date, assignee, completed. Appointments:
// start and end, subject, comments, attendees (people of the firm and contacts), completed.
// Deadlines: kind (plaintiff SOL, defendant SOL, critical), the critical deadline's type (Setup
// > Deadline types), party, due date, comments, done and its date. API: /api/v1/cases/{id}/tasks,
// .../appointments, .../deadlines. The tables are case-work.js, quick add is quick-add.js.
import { html, useState } from '/vendor/preact-htm.js';
import { get } from './api.js';
import { Button, Dash, Icon, Panel } from './ui.js';
import { useGet } from './hooks.js';
import { areaActions, rowActions } from './case-summary.js';
import { ContactPicker } from './pickers.js';
import { loadList } from './lists.js';
import { fmtDateTime } from './format.js';
import { Loading, RecordList, RowEditButton, dateCell, refCell, textCell, useLoaded } from './record-editor.js';

const PRIORITIES = [
  { value: 'critical', label: 'Critical' }, { value: 'high', label: 'High' },
  { value: 'normal', label: 'Normal' }, { value: 'low', label: 'Low' },
];
const DEADLINE_KINDS = [
  { value: 'plaintiff_sol', label: 'Plaintiff SOL' }, { value: 'defendant_sol', label: 'Defendant SOL' },
  { value: 'critical', label: 'Critical deadline' },
];
const MAX_ATTENDEES = 32;

/** The active people of the firm: from the page's lists when it has them, else the directory. */
async function people(p) {
  const list = p.lists?.people || await loadList('directory');
  return list.filter((u) => u.active !== false);
}

const TASK_FIELDS = [
  { k: 'subject', label: 'Subject', type: 'text', required: true, wide: true },
  { k: 'priority', label: 'Priority', type: 'select', options: PRIORITIES, def: 'normal', required: true },
  { k: 'due_date', label: 'Due', type: 'date' },
  { k: 'assignee_id', src: 'assignee', label: 'Assigned to', type: 'select', numeric: true, none: 'Nobody',
    options: (v, ctx) => ctx.people.map((u) => ({ value: u.id, label: u.name })) },
  { k: 'description', label: 'Description', type: 'textarea', wide: true },
  { k: 'completed', label: 'Completed', type: 'bool' },
];
const TASK_COLUMNS = [
  { label: 'Subject', cell: (t) => html`<span class="cell-strong">${t.subject}</span>${t.completed
    ? html` <span class="badge badge-success">Done</span>` : null}` },
  { label: 'Priority', cell: (t) => PRIORITIES.find((x) => x.value === t.priority)?.label || t.priority },
  { label: 'Due', cell: (t) => dateCell(t.due_date) },
  { label: 'Assigned to', cell: (t) => refCell(t.assignee) },
];

/** The attendees of an appointment: people of the firm (a select) and contacts (a picker). */
function AttendeesEditor({ id, value, set, ctx }) {
  const has = (a) => value.some((x) => (a.user_id ? x.user_id === a.user_id : x.contact_id === a.contact_id));
  const add = (a) => { if (!has(a) && value.length < MAX_ATTENDEES) set([...value, a]); };
  const staff = ctx.people.filter((u) => !value.some((x) => x.user_id === u.id));
  return html`<div class="list-editor">
    ${value.length ? html`<ul class="attendee-list">
      ${value.map((a) => html`<li key=${a.user_id ? `u${a.user_id}` : `c${a.contact_id}`} class="attendee">
        <${Icon} name=${a.user_id ? 'users' : 'person'} />
        <span>${a.name}</span><span class="cell-muted">${a.user_id ? 'firm' : 'contact'}</span>
        <button type="button" class="icon-btn attendee-remove" aria-label=${`Remove ${a.name}`}
          onClick=${() => set(value.filter((x) => x !== a))}><${Icon} name="close" /></button>
      </li>`)}
    </ul>` : html`<p class="field-hint">Nobody yet.</p>`}
    <div class="attendee-add">
      <select id=${`${id}-user`} aria-label="Add someone from the firm" value=""
        onChange=${(e) => { const u = ctx.people.find((x) => x.id === Number(e.currentTarget.value)); if (u) add({ user_id: u.id, name: u.name }); }}>
        <option value="">Add someone from the firm…</option>
        ${staff.map((u) => html`<option key=${u.id} value=${String(u.id)}>${u.name}</option>`)}
      </select>
      <${ContactPicker} id=${`${id}-contact`} label="Add a contact" value=${null}
        onChange=${(c) => { if (c) add({ contact_id: c.id, name: c.display_name || c.name }); }} />
    </div>
  </div>`;
}

const APPOINTMENT_FIELDS = [
  { k: 'subject', label: 'Subject', type: 'text', required: true, wide: true },
  { k: 'starts_at', label: 'Starts', type: 'datetime', required: true },
  { k: 'ends_at', label: 'Ends', type: 'datetime', hint: 'An hour after the start when empty' },
  {
    k: 'attendees', label: 'Attendees', type: 'custom', wide: true,
    toForm: (row) => (row?.attendees || []).map((a) => ({ ...a })),
    fromForm: (list) => ({ value: list.map((a) => (a.user_id ? { user_id: a.user_id } : { contact_id: a.contact_id })) }),
    render: (props) => html`<${AttendeesEditor} ...${props} />`,
  },
  { k: 'comments', label: 'Comments', type: 'textarea', wide: true },
  { k: 'completed', label: 'Completed', type: 'bool' },
];
const when = (iso) => { const w = fmtDateTime(iso); return iso ? html`<time datetime=${iso}>${w.date} ${w.time}</time>` : html`<${Dash} />`; };
const APPOINTMENT_COLUMNS = [
  { label: 'Starts', cell: (a) => when(a.starts_at) },
  { label: 'Subject', cell: (a) => html`<span class="cell-strong">${a.subject}</span>${a.completed
    ? html` <span class="badge badge-success">Done</span>` : null}` },
  { label: 'Attendees', cell: (a) => (a.attendees?.length ? a.attendees.map((x) => x.name).join(', ') : html`<${Dash} />`) },
];

const sideOf = { plaintiff_sol: 'plaintiff', defendant_sol: 'defendant' };
const DEADLINE_FIELDS = [
  { k: 'kind', label: 'Kind', type: 'select', options: DEADLINE_KINDS, required: true, def: 'critical' },
  { k: 'deadline_type_id', src: 'deadline_type', label: 'Type', type: 'select', numeric: true, required: true,
    showIf: (v) => v.kind === 'critical', options: (v, ctx) => ctx.deadlineTypes.map((t) => ({ value: t.id, label: t.name })),
    hint: (v, ctx) => (ctx.deadlineTypes.length ? null : 'No deadline types yet: an administrator adds them in Setup') },
  { k: 'party_id', src: 'party', label: 'Party', type: 'select', numeric: true, none: 'No party',
    options: (v, ctx) => ctx.parties.filter((p) => !sideOf[v.kind] || p.kind === sideOf[v.kind])
      .map((p) => ({ value: p.id, label: `${p.contact.name} (${p.kind === 'plaintiff' ? 'plaintiff' : 'defendant'})` })) },
  { k: 'due_date', label: 'Due', type: 'date', required: true },
  { k: 'comments', label: 'Comments', type: 'textarea', wide: true },
  { k: 'done', label: 'Done', type: 'bool' },
  { k: 'done_date', label: 'Done on', type: 'date', showIf: (v) => v.done, hint: 'Today when empty' },
];
const DEADLINE_COLUMNS = [
  { label: 'What', cell: (d) => html`<span class="cell-strong">${d.label}</span>${d.done
    ? html` <span class="badge badge-success">Done</span>` : null}` },
  { label: 'Party', cell: (d) => refCell(d.party) },
  { label: 'Due', cell: (d) => dateCell(d.due_date) },
  { label: 'Comments', cell: (d) => textCell(d.comments) },
];

// Each kind of work: its path, fields, columns, what its form chooses from, how a row is named.
const WORK = {
  tasks: {
    title: 'All tasks', singular: 'task', fields: TASK_FIELDS, columns: TASK_COLUMNS,
    load: async (p) => ({ people: await people(p) }), name: (t) => `task ${t.subject}`,
  },
  appointments: {
    title: 'All appointments', singular: 'appointment', fields: APPOINTMENT_FIELDS, columns: APPOINTMENT_COLUMNS,
    load: async (p) => ({ people: await people(p) }), name: (a) => `appointment ${a.subject}`,
  },
  deadlines: {
    title: 'All deadlines and SOLs', singular: 'deadline', fields: DEADLINE_FIELDS, columns: DEADLINE_COLUMNS,
    load: async (p) => {
      const kase = p.summary?.case || p.kase;
      const [deadlineTypes, parties] = await Promise.all([loadList('deadlineTypes'),
        get(`/cases/${kase.id}/parties`).then((r) => r.items || [])]);
      return { deadlineTypes, parties };
    },
    name: (d) => `${d.label}${d.party ? ` of ${d.party.name}` : ''} due ${d.due_date}`,
  },
};

/** "All" in an area's header: a panel with every row of the kind, done ones too. */
function AllButton({ what, hookProps }) {
  const [open, setOpen] = useState(false);
  const w = WORK[what];
  return html`<${Button} size="sm" kind="ghost" icon="list" aria-label=${w.title} aria-haspopup="dialog"
      onClick=${() => setOpen(true)}>All<//>
    ${open ? html`<${AllPanel} what=${what} hookProps=${hookProps} onClose=${() => setOpen(false)} />` : null}`;
}

function AllPanel({ what, hookProps, onClose }) {
  const w = WORK[what];
  const kase = hookProps.summary?.case || hookProps.kase;
  const path = `/cases/${kase.id}/${what}`;
  const { data, error, reload } = useGet(path);
  const loaded = useLoaded(() => w.load(hookProps));
  return html`<${Panel} id=${`all-${what}`} title=${w.title} wide onClose=${onClose}>
    ${!loaded.ctx ? html`<${Loading} loaded=${loaded} />`
      : error ? html`<${Loading} loaded=${{ error: error.detail, retry: reload }} />`
      : html`<${RecordList} id=${`all-${what}-list`} title=${w.title} singular=${w.singular} rows=${data ? data.items || [] : null}
          columns=${w.columns} fields=${w.fields} path=${path} ctx=${loaded.ctx} name=${w.name} canEdit=${!!hookProps.canEdit}
          onChanged=${() => { reload(); hookProps.onChanged(); }} />`}
  <//>`;
}

for (const what of Object.keys(WORK)) {
  const w = WORK[what];
  rowActions[what] = (p) => {
    if (!p.canEdit) return null;
    const kase = p.summary?.case || p.kase;
    return html`<${RowEditButton} id=${`${what}-edit`} name=${w.name(p.row)} fields=${w.fields}
      path=${`/cases/${kase.id}/${what}`} row=${p.row} load=${() => w.load(p)} onChanged=${p.onChanged} />`;
  };
  areaActions[what] = (p) => html`<${AllButton} what=${what} hookProps=${p} />`;
}
