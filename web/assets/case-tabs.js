// case-tabs.js - the miscellaneous tabs of the case summary page: Incident facts, Injuries,
// Liens (a total per plaintiff, zeros as $0.00, and a total row), Other cases, Surrogate,
// Bankruptcy, Related cases (linking and unlinking, case-related.js) and Other plaintiffs. Each
// tab's heading has a has-data dot (green or white, and words for screen readers). One tab shows
// at a time (the ARIA tabs pattern: arrow keys move between tabs); which one is the page's state
// (case-page.js), so that a flag can open a tab. The data is summary.tabs.
import { html, useRef } from '/vendor/preact-htm.js';
import { Dash } from './ui.js';
import { fmtMoney } from './format.js';
import { areaActions, ContactRef, DateText, RowActionsCell, RowActionsHead } from './case-summary.js';
import { PartyTable, OTHER_PLAINTIFF_COLUMNS } from './case-sides.js';
import { RelatedCases, OtherCases } from './case-related.js';

export const TABS = [
  { id: 'incident_facts', label: 'Incident facts' },
  { id: 'injuries', label: 'Injuries' },
  { id: 'liens', label: 'Liens' },
  { id: 'other_cases', label: 'Other cases' },
  { id: 'surrogate', label: 'Surrogate' },
  { id: 'bankruptcy', label: 'Bankruptcy' },
  { id: 'related_cases', label: 'Related cases' },
  { id: 'other_plaintiffs', label: 'Other plaintiffs' },
];

/** A simple table: `columns` of {label, cell(row), className}, `rows` keyed by `key(row)`. */
function Table({ label, columns, rows, key = (r) => r.id, foot, name, hookProps }) {
  return html`<div class="table-wrap">
    <table class="table table-stack" aria-label=${label}>
      <thead><tr>${columns.map((c) => html`<th scope="col" key=${c.label} class=${c.className}>${c.label}</th>`)}
        ${name ? html`<${RowActionsHead} name=${name} />` : null}</tr></thead>
      <tbody>
        ${rows.map((r) => html`<tr key=${key(r)}>
          ${columns.map((c) => html`<td key=${c.label} data-label=${c.label} class=${c.className}>${c.cell(r)}</td>`)}
          ${name ? html`<${RowActionsCell} name=${name} row=${r} hookProps=${hookProps} />` : null}
        </tr>`)}
      </tbody>
      ${foot || null}
    </table>
  </div>`;
}

const text = (v) => v || html`<${Dash} />`;
const money = (v) => fmtMoney(v ?? 0);
const LIEN_SUMS = [
  { label: 'Amount', key: 'amount_cents' },
  { label: 'Negotiated', key: 'negotiated_cents' },
  { label: 'Final', key: 'final_cents' },
];

function IncidentFacts({ tab }) {
  return tab.facts ? html`<p class="incident-facts">${tab.facts}</p>`
    : html`<p class="card-empty">No incident facts are written down yet.</p>`;
}

function Injuries({ tab }) {
  if (!tab.items?.length) return html`<p class="card-empty">No plaintiffs yet.</p>`;
  return html`<${Table} label="Injuries" key=${(r) => r.party_id} rows=${tab.items} columns=${[
    { label: 'Plaintiff name', cell: (r) => r.name },
    { label: 'Injury summary', className: 'cell-text', cell: (r) => text(r.injury_summary) },
    { label: 'Pleadings summary', className: 'cell-text', cell: (r) => text(r.pleadings_summary) },
  ]} />`;
}

/** Lien totals per plaintiff (zeros shown as $0.00) and the total of them all. */
function Liens({ tab }) {
  const items = tab.items || [];
  const total = tab.total || {};
  const foot = html`<tfoot><tr class="total-row">
    <th scope="row" data-label="Plaintiff">Total</th>
    <td data-label="Liens" class="num">${total.count ?? items.reduce((n, r) => n + (r.count || 0), 0)}</td>
    ${LIEN_SUMS.map((s) => html`<td key=${s.key} data-label=${s.label} class="num">${money(total[s.key])}</td>`)}
  </tr></tfoot>`;
  return html`<${Table} label="Lien totals" key=${(r) => r.party_id} rows=${items} foot=${foot} columns=${[
    { label: 'Plaintiff', cell: (r) => r.name },
    { label: 'Liens', className: 'num', cell: (r) => r.count ?? 0 },
    ...LIEN_SUMS.map((s) => ({ label: s.label, className: 'num', cell: (r) => money(r[s.key]) })),
  ]} />`;
}

function Surrogate({ tab }) {
  if (!tab.items?.length) return html`<p class="card-empty">No deceased plaintiffs.</p>`;
  return html`<${Table} label="Deceased plaintiffs" key=${(r) => r.party_id} rows=${tab.items} columns=${[
    { label: 'Decedent', cell: (r) => r.name },
    { label: 'Date of death', className: 'nowrap', cell: (r) => html`<${DateText} value=${r.death_date} />` },
    { label: 'Place of death', cell: (r) => text(r.death_place) },
  ]} />`;
}

function Bankruptcy({ tab, hookProps }) {
  if (!tab.items?.length) return html`<p class="card-empty">No bankruptcies.</p>`;
  const ref = (c) => (c ? html`<${ContactRef} contact=${c} />` : html`<${Dash} />`);
  return html`<${Table} label="Bankruptcies" name="bankruptcy" hookProps=${hookProps} rows=${tab.items} columns=${[
    { label: 'Side', className: 'nowrap', cell: (r) => html`<abbr title=${r.side === 'P' ? 'Plaintiff' : 'Defendant'}>${r.side}</abbr>` },
    { label: 'Party', cell: (r) => text(r.party?.name) },
    { label: 'Court', cell: (r) => ref(r.court) },
    { label: 'Judge', cell: (r) => text(r.judge) },
    { label: 'Docket', className: 'nowrap', cell: (r) => text(r.docket_number) },
    { label: 'Trustee', cell: (r) => ref(r.trustee) },
    { label: "Trustee's attorney", cell: (r) => ref(r.trustee_attorney) },
    { label: 'Retained', className: 'nowrap', cell: (r) => html`<${DateText} value=${r.retained_date} />` },
  ]} />`;
}

function OtherPlaintiffs({ tab, hookProps }) {
  if (!tab.items?.length) return html`<p class="card-empty">No other plaintiffs.</p>`;
  return html`<${PartyTable} name="other_plaintiffs" label="Other plaintiffs" items=${tab.items}
    columns=${OTHER_PLAINTIFF_COLUMNS} hookProps=${hookProps} />`;
}

/** The content of one tab. */
function TabContent({ id, summary, canEdit, onChanged, hookProps }) {
  const tab = summary.tabs?.[id] || {};
  switch (id) {
    case 'incident_facts': return html`<${IncidentFacts} tab=${tab} />`;
    case 'injuries': return html`<${Injuries} tab=${tab} />`;
    case 'liens': return html`<${Liens} tab=${tab} />`;
    case 'other_cases': return html`<${OtherCases} items=${tab.items || []} />`;
    case 'surrogate': return html`<${Surrogate} tab=${tab} />`;
    case 'bankruptcy': return html`<${Bankruptcy} tab=${tab} hookProps=${hookProps} />`;
    case 'related_cases': return html`<${RelatedCases} kase=${summary.case} items=${tab.items || []} canEdit=${canEdit}
      onChanged=${onChanged} />`;
    case 'other_plaintiffs': return html`<${OtherPlaintiffs} tab=${tab} hookProps=${hookProps} />`;
    default: return null;
  }
}

/**
 * The tabs area: `tab` is the open tab's id, onTab(id) opens another. Each tab panel has the
 * actions registered for it in areaActions (case-summary.js).
 */
export function CaseTabs({ summary, tab, onTab, canEdit, onChanged, hookProps }) {
  const list = useRef(null);
  const current = TABS.some((t) => t.id === tab) ? tab : TABS[0].id;

  function onKey(e) {
    const i = TABS.findIndex((t) => t.id === current);
    let next = null;
    if (e.key === 'ArrowRight') next = (i + 1) % TABS.length;
    else if (e.key === 'ArrowLeft') next = (i - 1 + TABS.length) % TABS.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = TABS.length - 1;
    if (next === null) return;
    e.preventDefault();
    onTab(TABS[next].id);
    list.current?.querySelector(`#tab-${TABS[next].id}`)?.focus();
  }

  const extra = areaActions[current] ? areaActions[current](hookProps) : null;
  return html`<section class="card case-tabs" id="area-tabs" aria-label="More about the case">
    <div class="tablist" role="tablist" aria-label="More about the case" ref=${list} onKeyDown=${onKey}>
      ${TABS.map((t) => {
        const has = t.id === 'incident_facts' || !!summary.tabs?.[t.id]?.has_data;
        const selected = t.id === current;
        return html`<button type="button" role="tab" key=${t.id} id=${`tab-${t.id}`} class="tab-btn"
            aria-selected=${selected ? 'true' : 'false'} aria-controls=${selected ? `tabpanel-${t.id}` : undefined} tabindex=${selected ? 0 : -1}
            data-has-data=${has ? 'true' : 'false'} onClick=${() => onTab(t.id)}>
          <span class=${`tab-dot ${has ? 'is-on' : ''}`} aria-hidden="true"></span>
          <span>${t.label}</span><span class="visually-hidden">${has ? ' (has data)' : ' (no data)'}</span>
        </button>`;
      })}
    </div>
    <div class="tab-panel" role="tabpanel" id=${`tabpanel-${current}`} aria-labelledby=${`tab-${current}`} tabindex="0">
      ${extra ? html`<div class="tab-bar tab-bar-end">${extra}</div>` : null}
      <${TabContent} id=${current} summary=${summary} canEdit=${canEdit} onChanged=${onChanged} hookProps=${hookProps} />
    </div>
  </section>`;
}
