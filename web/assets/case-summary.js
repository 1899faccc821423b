// case-summary.js - the basic case data area of the case summary page: the status table (from
// case-status.js), the key dates (the next deadline/SOL in red when overdue), the info column
// (state, office, estimated value with its history, liability coverage, settlements, liability),
// the referral line, the flags line (each flag a link to where its details live), Edit case; and
// the user-defined fields area. Also the pieces every area of the page shares: Area (a card with
// a header), ContactRef, InfoPopover, MaybeMoney, and the hooks other modules may fill.
// Everything renders from GET /api/v1/cases/{id}/summary, read by case-page.js; the work areas
// are case-work.js, the parties case-sides.js, the tabs case-tabs.js, quick add quick-add.js.
import { html, useState } from '/vendor/preact-htm.js';
import { Button, Dash, Panel } from './ui.js';
import { HistoryTable, FROM, TO, STAFF, COMMENTS } from './history-panel.js';
import { fmtDate, fmtMoney, todayISO } from './format.js';
import { CaseForm } from './case-form.js';
import { CaseStatuses } from './case-status.js';

/**
 * Actions other modules may add to an area's header: areaActions[name] = (props) => vnode, where
 * name is an area (basic, plaintiffs, defendants, courts, tasks, appointments, deadlines, udf) or
 * a tab (incident_facts, injuries, liens, surrogate, bankruptcy, other_plaintiffs) and props are
 * {kase, summary, lists, me, canEdit, onChanged}; call onChanged() after a write (it reloads the
 * summary).
 */
export const areaActions = {};

/**
 * Actions for each row of a table: rowActions[name] = ({row, ...props}) => vnode, with the names
 * of areaActions (plaintiffs, defendants, courts, other_plaintiffs, bankruptcy, ...). When one is
 * set, its table gains an action column.
 */
export const rowActions = {};

/**
 * How a contact reference shows: contactRef.render = ({contact, children}) => vnode (e.g. a
 * button opening the contact's card); unset, the name (or `children`) as text.
 */
export const contactRef = { render: null };

/** A contact reference ({id, name}); `children` replace the name (e.g. name and nickname). */
export function ContactRef({ contact, children }) {
  if (!contact) return html`<${Dash} />`;
  if (contactRef.render) return contactRef.render({ contact, children });
  return html`<span class="contact-ref">${children || contact.name}</span>`;
}

/** Cents as money, or a dash when unknown (null). */
export function MaybeMoney({ cents }) {
  return cents === null || cents === undefined ? html`<${Dash} />` : fmtMoney(cents);
}

/** A date (YYYY-MM-DD) as a <time>; `late` marks it overdue (red, with the word for screen readers). */
export function DateText({ value, late = false }) {
  if (!value) return html`<${Dash} />`;
  return html`<time datetime=${value} class=${late ? 'date-overdue' : undefined}>${fmtDate(value)}</time>${late
    ? html`<span class="visually-hidden"> (overdue)</span>` : null}`;
}

/** Is an outstanding date (YYYY-MM-DD) before today? */
export function pastDue(date) {
  return !!date && date < todayISO();
}

/**
 * A small note opened by an info button (the popover API: Escape and a click elsewhere close it).
 * `label` names the button for screen readers ("Attendees of …").
 */
export function InfoPopover({ id, label, title, children }) {
  return html`<span class="info-pop">
    <button type="button" class="info-btn" popovertarget=${id} aria-label=${label} title=${label}>
      <svg class="icon" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.75" stroke-linecap="round"
        aria-hidden="true" focusable="false"><path d="M12 3.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17zM12 11v5.5M12 7.8v.01" /></svg>
    </button>
    <div id=${id} popover="auto" class="popover" role="dialog" aria-label=${title}>
      <p class="popover-title">${title}</p>
      <div class="popover-body">${children}</div>
    </div>
  </span>`;
}

/**
 * An area of the summary page: a card with its title, an optional count and hint, the module's
 * own `actions` and those another module registered in areaActions[name]. Its element id is
 * area-<name> (the flags link there).
 */
export function Area({ name, title, count, hint, actions, hookProps, className = '', children }) {
  const extra = areaActions[name] ? areaActions[name](hookProps) : null;
  return html`<section class=${`card case-card ${className}`} id=${`area-${name}`} tabindex="-1"
      aria-labelledby=${`area-${name}-title`}>
    <div class="card-head">
      <div class="card-head-text">
        <h2 id=${`area-${name}-title`} class="card-title">${title}</h2>
        ${count !== undefined && count !== null ? html`<span class="count-badge">${count}</span>` : null}
        ${hint ? html`<span class="card-hint">${hint}</span>` : null}
      </div>
      ${actions || extra ? html`<div class="card-actions">${actions}${extra}</div>` : null}
    </div>
    ${children}
  </section>`;
}

/** The action cell of a row when rowActions[name] is set (null otherwise). */
export function RowActionsCell({ name, row, hookProps }) {
  const fn = rowActions[name];
  if (!fn) return null;
  return html`<td class="cell-actions"><div class="row-actions">${fn({ row, ...hookProps })}</div></td>`;
}

/** The heading cell of that action column. */
export function RowActionsHead({ name }) {
  return rowActions[name] ? html`<th scope="col"><span class="visually-hidden">Actions</span></th>` : null;
}

function Fact({ label, id, children }) {
  return html`<div class="fact" id=${id}><dt>${label}</dt><dd>${children}</dd></div>`;
}

/** The next deadline or SOL: its date (red when overdue), what it is and for whom. */
function NextDeadline({ next }) {
  if (!next) return html`<${Dash} />`;
  return html`<span class="next-deadline">
    <${DateText} value=${next.due_date} late=${next.overdue} />
    ${next.overdue ? html`<span class="badge badge-danger" aria-hidden="true">Overdue</span>` : null}
    <span class="cell-note">${next.label}${next.party ? ` · ${next.party.name}` : ''}</span>
  </span>`;
}

/** "B / 60%", "B", "60%" or a dash. */
function liability(info) {
  const parts = [];
  if (info.liability_code) parts.push(info.liability_code);
  if (info.liability_percent !== null && info.liability_percent !== undefined) parts.push(`${info.liability_percent}%`);
  return parts.length ? parts.join(' / ') : html`<${Dash} />`;
}

/** The referral line: the incoming referral form and contact, then the outgoing ones. */
function ReferralLine({ referral }) {
  const r = referral || {};
  const hasIn = r.in_form || r.in_contact;
  const hasOut = r.out_form || r.out_contact;
  return html`<p class="referral-line" id="area-referral" tabindex="-1">
    <span class="referral-part"><span class="referral-label">Referred in</span>
      ${hasIn ? html`${r.in_form || 'Referral'}${r.in_contact ? html` by <${ContactRef} contact=${r.in_contact} />` : null}`
        : html`<span class="cell-muted">none recorded</span>`}</span>
    ${hasOut ? html`<span class="referral-part"><span class="referral-label">Referred out</span>
      ${r.out_form || 'Referral'}${r.out_contact ? html` to <${ContactRef} contact=${r.out_contact} />` : null}</span>` : null}
  </p>`;
}

const TARGET_NAMES = {
  injuries: 'the Injuries tab', bankruptcy: 'the Bankruptcy tab', surrogate: 'the Surrogate tab', liens: 'the Liens tab',
  incident: 'the Incident facts tab', referral: 'the referral line', deadlines: 'Pending critical deadlines',
  plaintiffs: 'Plaintiffs', defendants: 'Defendants', tasks: 'Tasks', udf: 'User-defined fields', info: 'the case information',
};

/** The flags line: "Closed" when the case is, then each flag as a link to where it comes from. */
function FlagsLine({ kase, flags, goTo }) {
  if (!kase.closed && !flags.length) return null;
  return html`<ul class="flags flag-line" aria-label="Flags">
    ${kase.closed ? html`<li class="badge badge-muted">Closed</li>` : null}
    ${flags.map((f) => html`<li key=${f.id} data-flag=${f.name}>
      <a class="flag-link" href=${`#/cases/${kase.id}`} title=${`Go to ${TARGET_NAMES[f.target] || f.target}`}
        data-target=${f.target} onClick=${(e) => { e.preventDefault(); goTo(f.target); }}>
        <svg class="icon" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.75" stroke-linecap="round"
          stroke-linejoin="round" aria-hidden="true" focusable="false"><path d="M5 21V4.5M5 4.5h11l-2 4 2 4H5" /></svg>
        ${f.name}</a>
    </li>`)}
  </ul>`;
}

/**
 * The basic case data area of `summary`: statuses, key dates, info, referral and flags, and
 * Edit case. goTo(target) follows a flag; onChanged() reloads the summary after a change.
 */
export function BasicData({ summary, me, lists, canEdit, goTo, onChanged, hookProps }) {
  const kase = summary.case;
  const dates = summary.key_dates || {};
  const info = summary.info || {};
  const [editing, setEditing] = useState(false);
  const [values, setValues] = useState(false);
  const state = lists.states.find((s) => s.code === info.state);
  const extra = areaActions.basic ? areaActions.basic(hookProps) : null;

  return html`<section class="card" id="area-basic" aria-labelledby="basic-title">
    <div class="card-head">
      <div class="card-head-text"><h2 id="basic-title" class="card-title">Case data</h2></div>
      ${extra ? html`<div class="card-actions">${extra}</div>` : null}
    </div>
    <div class="basic-grid">
      <div class="basic-status">
        <h3 class="visually-hidden">Status</h3>
        <${CaseStatuses} kase=${kase} rows=${summary.statuses || []} lists=${lists} canEdit=${canEdit} onChanged=${onChanged} />
        <div class="basic-lines">
          <${ReferralLine} referral=${summary.referral} />
          <${FlagsLine} kase=${kase} flags=${summary.flags || []} goTo=${goTo} />
        </div>
      </div>
      <dl class="facts key-dates" aria-label="Key dates">
        <${Fact} label="Incident"><${DateText} value=${dates.incident_date} /><//>
        <${Fact} label="Opened"><${DateText} value=${dates.opened_date} /><//>
        <${Fact} label="Marked wanted"><${DateText} value=${dates.wanted_date} /><//>
        <${Fact} label="Retainer signed"><${DateText} value=${dates.retainer_date} /><//>
        <${Fact} label="Expected resolution"><${DateText} value=${dates.expected_resolution_date} /><//>
        <${Fact} label="Next deadline/SOL" id="next-deadline"><${NextDeadline} next=${dates.next_deadline} /><//>
        ${kase.closed_date ? html`<${Fact} label="Closed"><${DateText} value=${kase.closed_date} /><//>` : null}
      </dl>
      <dl class="facts" aria-label="Case information" id="area-info" tabindex="-1">
        <${Fact} label="State">${state ? state.name : info.state || html`<${Dash} />`}<//>
        <${Fact} label="Office">${info.office?.name || html`<${Dash} />`}<//>
        <${Fact} label="Estimated value">
          <button type="button" class="link-btn" aria-haspopup="dialog" onClick=${() => setValues(true)}
            title="Show the history of the estimated value">${info.value_range?.name || 'Not estimated'}</button>
        <//>
        <${Fact} label="Total liability coverage"><${MaybeMoney} cents=${info.total_liability_coverage_cents} /><//>
        <${Fact} label="Total settlements"><${MaybeMoney} cents=${info.total_settlements_cents} /><//>
        <${Fact} label="Liability">${liability(info)}<//>
        <${Fact} label="Minimum settlement"><${MaybeMoney} cents=${kase.min_settlement_cents} /><//>
      </dl>
    </div>
    ${kase.description || kase.value_comments ? html`<div class="basic-text">
      ${kase.description ? html`<p class="case-description">${kase.description}</p>` : null}
      ${kase.value_comments ? html`<p class="cell-muted">Value: ${kase.value_comments}</p>` : null}
    </div>` : null}
    ${canEdit ? html`<div class="card-foot">
      <${Button} kind="secondary" icon="edit" onClick=${() => setEditing(true)}>Edit case<//>
    </div>` : null}
    ${editing ? html`<${Panel} id="edit-case" title="Edit case" wide onClose=${() => setEditing(false)}>
      <${CaseForm} key=${kase.version} me=${me} lists=${lists} kase=${kase}
        onSaved=${() => { setEditing(false); onChanged(); }} onCancel=${() => setEditing(false)}
        onReload=${() => { setEditing(false); onChanged(); }} />
    <//>` : null}
    ${values ? html`<${ValueHistory} rows=${info.value_history || []} onClose=${() => setValues(false)} />` : null}
  </section>`;
}

/** Every estimated value the case has had (from the summary): value, from, to, staff, comments. */
function ValueHistory({ rows, onClose }) {
  const columns = [
    { label: 'Value', cell: (r) => r.value_range?.name || html`<span class="cell-muted">Cleared</span>` },
    FROM, TO, STAFF, COMMENTS,
  ];
  return html`<${Panel} id="value-history" title="Estimated value history" wide onClose=${onClose}>
    <${HistoryTable} title="Estimated value history" rows=${rows} columns=${columns} empty="No estimate yet" />
  <//>`;
}

/** A user-defined field's value as text: money in dollars, yes/no, dates; a dash when unset. */
function udfValue(field, value) {
  if (value === null || value === undefined || value === '') return html`<${Dash} />`;
  switch (field.format) {
    case 'money': return fmtMoney(value);
    case 'yesno': return value ? 'Yes' : 'No';
    case 'date': return html`<${DateText} value=${value} />`;
    default: return String(value);
  }
}

/** The user-defined fields of the case's type and their values (summary.udf), read only here. */
export function UdfArea({ items, hookProps }) {
  return html`<${Area} name="udf" title="User-defined fields" hookProps=${hookProps}>
    ${items.length === 0 ? html`<p class="card-empty">No user-defined fields are set up for this case type.</p>`
      : html`<dl class="udf-grid">
        ${items.map((u) => html`<div class="fact" key=${u.field.id} data-udf=${u.field.name}>
          <dt>${u.field.name}${u.field.required ? html`<span class="req" aria-hidden="true"> *</span>` : null}</dt>
          <dd>${udfValue(u.field, u.value)}</dd>
        </div>`)}
      </dl>`}
  <//>`;
}
