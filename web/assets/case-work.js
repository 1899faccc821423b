// case-work.js - the work areas of the case summary page, as tables without headings:
// Pending appointments (date, subject with the attendees in an info popover, comments), Tasks
// (priority icon, due date, subject with its description in a popover, assignee, mark complete),
// Courts / dockets (court, docket and filing date, personnel with their roles) and Pending
// critical deadlines (party, what it is, due date, comments). The rows come with the case summary
// (case-page.js); the only write here is completing a task (POST .../tasks/{task}/complete).
// Adding goes through the quick add forms (quick-add.js); editors may hook into the headers
// (areaActions in case-summary.js).
import { html, useState } from '/vendor/preact-htm.js';
import { post } from './api.js';
import { Alert, Button, Dash } from './ui.js';
import { fmtDateTime } from './format.js';
import { Area, ContactRef, DateText, InfoPopover, RowActionsCell, rowActions, pastDue } from './case-summary.js';

/** Pending appointments: upcoming ones and past ones not yet completed. */
export function Appointments({ items, hookProps }) {
  const now = Date.now();
  return html`<${Area} name="appointments" title="Pending appointments" count=${items.length} hookProps=${hookProps}>
    ${items.length === 0 ? html`<p class="card-empty">No pending appointments.</p>`
      : html`<table class="plain-table work-table" aria-label="Pending appointments"><tbody>
        ${items.map((a) => {
          const when = fmtDateTime(a.starts_at);
          const past = new Date(a.starts_at).getTime() < now;
          return html`<tr key=${a.id} data-appointment=${a.subject} class=${past ? 'is-past' : ''}>
            <td class="plain-key work-when"><time datetime=${a.starts_at}>${when.date}
              <span class="cell-note">${when.time}${past ? ' · past, not completed' : ''}</span></time></td>
            <td class="work-main"><span class="work-subject">${a.subject}</span>
              <${InfoPopover} id=${`appt-pop-${a.id}`} label=${`Attendees of ${a.subject}`} title="Attending">
                ${a.attendees?.length ? html`<ul class="popover-list">${a.attendees.map((p, i) => html`<li key=${i}>${p.name}</li>`)}</ul>`
                  : html`<p class="cell-muted">Nobody is listed.</p>`}
              <//></td>
            <td class="cell-text cell-muted">${a.comments || null}</td>
            <${RowActionsCell} name="appointments" row=${a} hookProps=${hookProps} />
          </tr>`;
        })}
      </tbody></table>`}
  <//>`;
}

const PRIORITY = {
  critical: { label: 'Critical priority', path: 'M7 12.5l5-5 5 5M7 18l5-5 5 5' },
  high: { label: 'High priority', path: 'M7 14.5l5-5 5 5' },
  low: { label: 'Low priority', path: 'M7 9.5l5 5 5-5' },
};

/** The priority icon of a task (none for normal), named for screen readers. */
export function PriorityIcon({ priority }) {
  const p = PRIORITY[priority];
  if (!p) return html`<span class="visually-hidden">Normal priority</span>`;
  return html`<svg class=${`icon prio prio-${priority}`} viewBox="0 0 24 24" fill="none" stroke="currentColor"
    stroke-width="2.25" stroke-linecap="round" stroke-linejoin="round" role="img" aria-label=${p.label}
    focusable="false"><title>${p.label}</title><path d=${p.path} /></svg>`;
}

/** Incomplete tasks; the check button completes one, which then leaves the list. */
export function Tasks({ kase, items, canEdit, onAdd, onChanged, hookProps }) {
  const [done, setDone] = useState([]); // ids completed here, hidden until the summary reloads
  const [busy, setBusy] = useState(null);
  const [error, setError] = useState(null);
  const rows = items.filter((t) => !done.includes(t.id));

  async function complete(t) {
    setBusy(t.id);
    setError(null);
    try {
      await post(`/cases/${kase.id}/tasks/${t.id}/complete`);
      setDone((d) => [...d, t.id]);
      onChanged();
    } catch (err) {
      setError(`"${t.subject}" was not marked complete: ${err.detail}`);
    } finally {
      setBusy(null);
    }
  }

  const actions = canEdit ? html`<${Button} size="sm" kind="secondary" icon="plus" aria-label="Add a task"
    onClick=${onAdd}>Add<//>` : null;
  return html`<${Area} name="tasks" title="Tasks" count=${rows.length} actions=${actions} hookProps=${hookProps}>
    ${error ? html`<div class="card-alerts"><${Alert} kind="error" onClose=${() => setError(null)}>${error}<//></div>` : null}
    ${rows.length === 0 ? html`<p class="card-empty">No open tasks.</p>`
      : html`<table class="plain-table work-table" aria-label="Tasks"><tbody>
        ${rows.map((t) => html`<tr key=${t.id} data-task=${t.subject} data-priority=${t.priority}>
          <td class="work-prio"><${PriorityIcon} priority=${t.priority} /></td>
          <td class="plain-key work-when">${t.due_date ? html`<${DateText} value=${t.due_date} late=${pastDue(t.due_date)} />`
            : html`<span class="cell-muted">No date</span>`}</td>
          <td class="work-main"><span class="work-subject">${t.subject}</span>
            ${t.description ? html`<${InfoPopover} id=${`task-pop-${t.id}`} label=${`Description of ${t.subject}`} title="Description">
              <p class="popover-text">${t.description}</p><//>` : null}</td>
          <td class="work-who">${t.assignee?.name || html`<span class="cell-muted">Unassigned</span>`}</td>
          <td class="cell-actions"><div class="row-actions">
            ${canEdit ? html`<${Button} size="sm" kind="ghost" icon="check" iconOnly busy=${busy === t.id}
              aria-label=${`Mark ${t.subject} complete`} onClick=${() => complete(t)}>Complete<//>` : null}
            ${rowActions.tasks ? rowActions.tasks({ row: t, ...hookProps }) : null}
          </div></td>
        </tr>`)}
      </tbody></table>`}
  <//>`;
}

/** Courts and dockets: court, docket number and filing date, the court personnel by role. */
export function Courts({ items, hookProps }) {
  return html`<${Area} name="courts" title="Courts / dockets" count=${items.length} hookProps=${hookProps}>
    ${items.length === 0 ? html`<p class="card-empty">No court yet.</p>`
      : html`<table class="plain-table work-table" aria-label="Courts and dockets"><tbody>
        ${items.map((c) => html`<tr key=${c.id} data-court=${c.court?.name}>
          <td class="work-head work-court"><${ContactRef} contact=${c.court} /></td>
          <td class="work-docket">${c.docket_number || html`<span class="cell-muted">No docket number</span>`}
            ${c.filing_date ? html`<span class="cell-note">Filed <${DateText} value=${c.filing_date} /></span>` : null}</td>
          <td>${c.personnel?.length ? html`<ul class="people-list">${c.personnel.map((p, i) => html`<li key=${i}>
              ${p.role ? html`<span class="people-role">${p.role}</span> ` : null}<${ContactRef} contact=${p.contact} /></li>`)}</ul>`
            : html`<span class="cell-muted">No personnel</span>`}</td>
          <${RowActionsCell} name="courts" row=${c} hookProps=${hookProps} />
        </tr>`)}
      </tbody></table>`}
  <//>`;
}

/** Outstanding critical deadlines and SOLs, each with its party; past ones in red. */
export function Deadlines({ items, canEdit, onAdd, hookProps }) {
  const actions = canEdit ? html`
    <${Button} size="sm" kind="ghost" icon="plus" onClick=${() => onAdd('plaintiff_sol')}
      aria-label="Add a plaintiff SOL">Plaintiff SOL<//>
    <${Button} size="sm" kind="ghost" icon="plus" onClick=${() => onAdd('defendant_sol')}
      aria-label="Add a defendant SOL">Defendant SOL<//>
    <${Button} size="sm" kind="secondary" icon="plus" onClick=${() => onAdd('critical')}
      aria-label="Add a critical deadline">Deadline<//>` : null;
  return html`<${Area} name="deadlines" title="Pending critical deadlines" count=${items.length} actions=${actions}
      hookProps=${hookProps}>
    ${items.length === 0 ? html`<p class="card-empty">No outstanding deadlines or SOLs.</p>`
      : html`<table class="plain-table work-table" aria-label="Pending critical deadlines"><tbody>
        ${items.map((d) => html`<tr key=${d.id} data-deadline=${d.label} class=${pastDue(d.due_date) ? 'is-overdue' : ''}>
          <td class="work-who">${d.party ? d.party.name : html`<${Dash} />`}</td>
          <td class="work-main"><span class="work-subject">${d.label}</span></td>
          <td class="work-when nowrap"><${DateText} value=${d.due_date} late=${pastDue(d.due_date)} /></td>
          <td class="cell-text cell-muted">${d.comments || null}</td>
          <${RowActionsCell} name="deadlines" row=${d} hookProps=${hookProps} />
        </tr>`)}
      </tbody></table>`}
  <//>`;
}
