// case-status.js - the status table of the case page, as the reference describes it: rows
// without headings (the stage in bold for the primary status, the status type for
// sub-statuses; the status; the date it began with the days since; Edit, History and Add for
// the primary, Edit and Delete for sub-statuses), the add/edit form (the status dropdown waits
// for a type, the close reason for the closing status) and the history panel. API:
// /api/v1/cases/{id}/statuses. The rest of the case page is case-page.js.
import { html, useState } from '/vendor/preact-htm.js';
import { post, patch, del } from './api.js';
import { Alert, Button, Field, Panel, RemoveButtons } from './ui.js';
import { useRemoval } from './hooks.js';
import { HistoryPanel, FROM, TO, STAFF, COMMENTS } from './history-panel.js';
import { useForm, FormProblem, FormActions } from './forms.js';
import { statusesFor } from './lists.js';
import { fmtDate, todayISO, days } from './format.js';

/** The status table of `rows` (the summary's current statuses); onChanged() after a change. */
export function CaseStatuses({ kase, rows, lists, canEdit, onChanged }) {
  const [form, setForm] = useState(null); // null | {row: null (add) | a status row (edit)}
  const [history, setHistory] = useState(false);
  const removal = useRemoval();

  function saved() {
    setForm(null);
    onChanged();
  }

  async function remove(row) {
    await removal.remove(row.id, () => del(`/cases/${kase.id}/statuses/${row.id}`),
      `${row.status_type.name} was not removed`);
    onChanged();
  }

  const actions = (row) => {
    const label = row.status_type.name;
    if (row.status_type.stage) {
      return html`
        ${canEdit ? html`<${Button} size="sm" kind="ghost" icon="edit" iconOnly aria-label=${`Edit the ${label}`}
          onClick=${() => setForm({ row })}>Edit<//>` : null}
        <${Button} size="sm" kind="ghost" icon="history" iconOnly aria-label="Status history"
          onClick=${() => setHistory(true)}>History<//>
        ${canEdit ? html`<${Button} size="sm" kind="ghost" icon="plus" iconOnly aria-label="Add a status"
          onClick=${() => setForm({ row: null })}>Add<//>` : null}`;
    }
    if (!canEdit) return null;
    return html`<${Button} size="sm" kind="ghost" icon="edit" iconOnly aria-label=${`Edit the ${label} status`}
        onClick=${() => setForm({ row })}>Edit<//>
      <${RemoveButtons} removal=${removal} id=${row.id} label=${`Delete the ${label} status`}
        question=${`Remove ${label}?`} busyLabel="Removing…" iconOnly onConfirm=${() => remove(row)} />`;
  };

  return html`<div class="status-area">
    ${removal.error ? html`<${Alert} kind="error" onClose=${removal.clearError}>${removal.error}<//>` : null}
    <table class="status-table" aria-label="Statuses">
      <tbody>
        ${rows.map((row) => html`<tr key=${row.id} data-status-type=${row.status_type.name}
            class=${`${row.status_type.stage ? 'is-primary' : ''} ${row.overdue ? 'is-overdue' : ''}`}>
          <td class="status-kind">${row.status_type.stage ? html`<strong>${row.status_type.name}</strong>` : row.status_type.name}</td>
          <td class="status-name">${row.status.name}${row.close_reason
            ? html`<span class="cell-muted"> · ${row.close_reason.name}</span>` : null}</td>
          <td class="status-since">
            <time datetime=${row.from_date}>${fmtDate(row.from_date)}</time>
            <span class="status-days"> (${days(row.days ?? row.days_since)})</span>
            ${row.overdue ? html` <span class="badge badge-danger" title=${`Expected ${days(row.expected_days)}`}>Overdue</span>` : null}
          </td>
          <td class="cell-actions"><div class="row-actions">${actions(row)}</div></td>
        </tr>`)}
        ${rows.length === 0 ? html`<tr><td colspan="4" class="cell-muted">No status yet.
          ${canEdit ? html`<button type="button" class="link-btn" onClick=${() => setForm({ row: null })}>Add a status</button>` : null}</td></tr>` : null}
      </tbody>
    </table>
    ${form ? html`<${StatusForm} kase=${kase} lists=${lists} row=${form.row} onSaved=${saved}
      onReload=${() => { setForm(null); onChanged(); }}
      onCancel=${() => setForm(null)} />` : null}
    ${history ? html`<${StatusHistory} kase=${kase} onClose=${() => setHistory(false)} />` : null}
  </div>`;
}

const LABELS = {
  status_type_id: 'Status type', status_id: 'Status', close_reason_id: 'Close reason',
  expected_days: 'Expected # of days', date: 'Date', comments: 'Comments',
};

/** The add/edit form of the status table, in a side panel. */
function StatusForm({ kase, lists, row, onSaved, onReload, onCancel }) {
  const editing = !!row;
  const initial = editing
    ? { status_type_id: String(row.status_type.id), status_id: String(row.status.id),
      close_reason_id: row.close_reason ? String(row.close_reason.id) : '', expected_days: String(row.expected_days),
      date: row.from_date, comments: row.comments || '' }
    : { status_type_id: '', status_id: '', close_reason_id: '', expected_days: '', date: todayISO(), comments: '' };
  const [v, setV] = useState(initial);
  const form = useForm('sf-');

  const choices = v.status_type_id ? statusesFor(lists.statuses, v.status_type_id, kase.case_type?.group) : [];
  const status = choices.find((s) => s.id === Number(v.status_id));
  const closing = !!status?.closing;
  const pp = (k) => form.pp(k);

  function chooseType(e) {
    const id = e.currentTarget.value;
    setV((x) => ({ ...x, status_type_id: id, status_id: '', close_reason_id: '', expected_days: '' }));
  }
  function chooseStatus(e) {
    const id = e.currentTarget.value;
    const s = choices.find((x) => x.id === Number(id));
    setV((x) => ({ ...x, status_id: id, expected_days: s ? String(s.expected_days) : '',
      close_reason_id: s?.closing ? x.close_reason_id : '' }));
  }
  const set = (k) => (e) => { const value = e.currentTarget.value; setV((x) => ({ ...x, [k]: value })); };

  function submit(e) {
    e.preventDefault();
    const fail = form.fail;
    if (!v.status_type_id) return fail({ field: 'status_type_id', detail: 'choose a status type' });
    if (!v.status_id) return fail({ field: 'status_id', detail: 'choose a status' });
    if (closing && !v.close_reason_id) return fail({ field: 'close_reason_id', detail: 'say why the case is closed' });
    if (v.expected_days !== '' && !/^\d{1,5}$/.test(v.expected_days.trim())) {
      return fail({ field: 'expected_days', detail: 'must be a whole number of days, 0 or more' });
    }
    if (!v.date) return fail({ field: 'date', detail: 'is required' });
    const full = {
      status_id: Number(v.status_id),
      expected_days: v.expected_days === '' ? undefined : Number(v.expected_days),
      date: v.date,
      comments: v.comments,
      close_reason_id: closing ? Number(v.close_reason_id) : null,
    };
    if (!editing) {
      const body = { status_type_id: Number(v.status_type_id), ...full };
      if (body.expected_days === undefined) delete body.expected_days;
      if (!closing) delete body.close_reason_id;
      return form.run(async () => { await post(`/cases/${kase.id}/statuses`, body); onSaved(); });
    }
    const body = {};
    if (full.status_id !== row.status.id) body.status_id = full.status_id;
    if (full.expected_days !== undefined && full.expected_days !== row.expected_days) body.expected_days = full.expected_days;
    if (full.date !== row.from_date) body.date = full.date;
    if (full.comments !== (row.comments || '')) body.comments = full.comments;
    if (full.close_reason_id !== (row.close_reason?.id ?? null)) body.close_reason_id = full.close_reason_id;
    if (Object.keys(body).length === 0) return onCancel();
    return form.run(async () => {
      await patch(`/cases/${kase.id}/statuses/${row.id}`, body, { ifMatch: row.version });
      onSaved();
    });
  }

  return html`<${Panel} id="status-form" title=${editing ? `Edit the ${row.status_type.name}` : 'Add a status'} onClose=${onCancel}>
    <form class="panel-form" onSubmit=${submit} novalidate>
      <${FormProblem} form=${form} prefix="sf-" labels=${LABELS} onReload=${onReload} />
      <${Field} id="sf-status_type_id" label="Status type" required>
        <select id="sf-status_type_id" value=${v.status_type_id} onChange=${chooseType} disabled=${editing}
          autofocus=${!editing} ...${pp('status_type_id')}>
          <option value="">Choose a status type</option>
          ${lists.statusTypes.map((t) => html`<option key=${t.id} value=${String(t.id)}>${t.name}${t.stage ? ' (primary)' : ''}</option>`)}
        </select>
      <//>
      <${Field} id="sf-status_id" label="Status" required>
        <select id="sf-status_id" value=${v.status_id} onChange=${chooseStatus} disabled=${!v.status_type_id}
          autofocus=${editing} ...${pp('status_id')}>
          <option value="">${v.status_type_id ? 'Choose a status' : 'Choose a status type first'}</option>
          ${choices.map((s) => html`<option key=${s.id} value=${String(s.id)}>${s.name}</option>`)}
        </select>
      <//>
      <${Field} id="sf-close_reason_id" label="Close reason" required=${closing}
        hint=${closing ? null : 'Only when the case is closed'}>
        <select id="sf-close_reason_id" value=${v.close_reason_id} onChange=${set('close_reason_id')} disabled=${!closing}
          ...${pp('close_reason_id')}>
          <option value="">${!status ? 'Choose a status first' : closing ? 'Choose a close reason' : 'Not closing'}</option>
          ${lists.closeReasons.map((r) => html`<option key=${r.id} value=${String(r.id)}>${r.name}</option>`)}
        </select>
      <//>
      <div class="form-grid form-grid-2">
        <${Field} id="sf-expected_days" label="Expected # of days">
          <input id="sf-expected_days" type="number" min="0" step="1" inputmode="numeric" value=${v.expected_days}
            onInput=${set('expected_days')} disabled=${!status} ...${pp('expected_days')} />
        <//>
        <${Field} id="sf-date" label="Date" required>
          <input id="sf-date" type="date" value=${v.date} onChange=${set('date')} required ...${pp('date')} />
        <//>
      </div>
      <div class="field">
        <div class="field-label field-label-split">
          <label for="sf-comments">Comments</label>
          <button type="button" class="link-btn" onClick=${() => setV((x) => ({ ...x, comments: '' }))}
            disabled=${!v.comments}>Clear comments</button>
        </div>
        <textarea id="sf-comments" rows="4" value=${v.comments} onInput=${set('comments')} ...${pp('comments')}></textarea>
      </div>
      <${FormActions} form=${form} onCancel=${onCancel} />
    </form>
  <//>`;
}

/** Every status the case has had: type, status, from, to, staff, comments. */
function StatusHistory({ kase, onClose }) {
  const columns = [
    { label: 'Status type', cell: (r) => (r.status_type.stage ? html`<strong>${r.status_type.name}</strong>` : r.status_type.name) },
    { label: 'Status', cell: (r) => r.status.name },
    FROM, TO, STAFF, COMMENTS,
  ];
  return html`<${HistoryPanel} id="status-history" title="Status history" path=${`/cases/${kase.id}/statuses/history`}
    columns=${columns} empty="No status yet" onClose=${onClose} />`;
}
