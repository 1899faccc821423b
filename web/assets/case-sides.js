// case-sides.js - the Plaintiffs and Defendants areas of the case summary page: one row per
// party with its contact (name, nickname in italics, languages), group number, primary label
// (plaintiffs), role, phone (plaintiffs), insurance (company, claim number, limits: policy,
// no-fault, UM/SUM), adjuster and phone, coverage, law firm and attorney. Read only: the rows
// come with the case summary (case-page.js); the party and insurance editors hook into the area
// headers and rows (areaActions / rowActions in case-summary.js). The "other plaintiffs" table
// (not represented by the firm) is the last tab, case-tabs.js, and uses PartyName from here.
import { html } from '/vendor/preact-htm.js';
import { Dash } from './ui.js';
import { fmtMoney } from './format.js';
import { Area, ContactRef, MaybeMoney, RowActionsCell, RowActionsHead } from './case-summary.js';

/** A party's name as the reference shows it: the contact, its nickname in italics, languages. */
export function PartyName({ contact }) {
  return html`<span class="party-name">
    <${ContactRef} contact=${contact}>${contact.name}${contact.nickname
      ? html` <i class="party-nick">“${contact.nickname}”</i>` : null}<//>
    ${contact.languages ? html` <span class="cell-muted party-lang">(${contact.languages})</span>` : null}
  </span>`;
}

/** Law firm and attorney, one under the other. */
export function LawFirm({ party }) {
  if (!party.law_firm && !party.attorney) return html`<${Dash} />`;
  return html`${party.law_firm ? html`<${ContactRef} contact=${party.law_firm} />` : null}
    ${party.attorney ? html`<span class="cell-note"><${ContactRef} contact=${party.attorney} /></span>` : null}`;
}

/** One line per insurance row of the party, each made by `cell(row)`; a dash when there is none. */
function insuranceCell(party, cell) {
  const rows = party.insurance || [];
  if (!rows.length) return html`<${Dash} />`;
  return html`<ul class="cell-list">${rows.map((r) => html`<li key=${r.id}>${cell(r)}</li>`)}</ul>`;
}

const known = (cents) => cents !== null && cents !== undefined;

function company(r) {
  const notes = [
    r.claim_number ? `Claim ${r.claim_number}` : null,
    r.policy_limits ? `Limits ${r.policy_limits}` : null,
    known(r.no_fault_cents) ? `No-fault ${fmtMoney(r.no_fault_cents)}` : null,
    known(r.um_sum_cents) ? `UM/SUM ${fmtMoney(r.um_sum_cents)}` : null,
  ].filter(Boolean);
  return html`${r.company ? html`<${ContactRef} contact=${r.company} />` : html`<span class="cell-muted">No company</span>`}
    ${notes.map((n) => html`<span class="cell-note" key=${n}>${n}</span>`)}`;
}

function adjuster(r) {
  if (!r.adjuster && !r.adjuster_phone) return html`<${Dash} />`;
  return html`${r.adjuster ? html`<${ContactRef} contact=${r.adjuster} />` : null}
    ${r.adjuster_phone ? html`<span class="cell-note">${r.adjuster_phone}</span>` : null}`;
}

const COLUMNS = {
  name: (label) => ({ label, className: 'cell-party', cell: (p) => html`<${PartyName} contact=${p.contact} />` }),
  group: { label: '#', className: 'nowrap', cell: (p) => p.group_no ?? html`<${Dash} />` },
  primary: {
    label: 'Primary',
    cell: (p) => (p.primary_label ? p.primary_label.split('/').map((w, i) => html`${i ? html`/<wbr />` : null}${w}`) : html`<${Dash} />`),
  },
  role: { label: 'Role', cell: (p) => p.role || html`<${Dash} />` },
  phone: { label: 'Phone', className: 'cell-phone', cell: (p) => p.contact.phone || html`<${Dash} />` },
  insurance: { label: 'Insurance Co.', cell: (p) => insuranceCell(p, company) },
  adjuster: { label: 'Adjuster', cell: (p) => insuranceCell(p, adjuster) },
  coverage: {
    label: 'Coverage', className: 'nowrap',
    cell: (p) => insuranceCell(p, (r) => html`<${MaybeMoney} cents=${r.coverage_cents} />`),
  },
  lawFirm: { label: 'Law firm', cell: (p) => html`<${LawFirm} party=${p} />` },
};

/** A table of parties in `columns` (the data-label of each cell names its column on a phone). */
export function PartyTable({ name, label, items, columns, hookProps }) {
  return html`<div class="table-wrap">
    <table class="table table-stack party-table" aria-label=${label}>
      <thead><tr>${columns.map((c) => html`<th scope="col" key=${c.label}>${c.label}</th>`)}
        <${RowActionsHead} name=${name} /></tr></thead>
      <tbody>
        ${items.map((p) => html`<tr key=${p.id} data-party=${p.contact.name}>
          ${columns.map((c) => html`<td key=${c.label} data-label=${c.label} class=${c.className}>${c.cell(p)}</td>`)}
          <${RowActionsCell} name=${name} row=${p} hookProps=${hookProps} />
        </tr>`)}
      </tbody>
    </table>
  </div>`;
}

const PLAINTIFF_COLUMNS = [COLUMNS.name('Plaintiff'), COLUMNS.group, COLUMNS.primary, COLUMNS.role, COLUMNS.phone,
  COLUMNS.insurance, COLUMNS.adjuster, COLUMNS.coverage, COLUMNS.lawFirm];
const DEFENDANT_COLUMNS = [COLUMNS.name('Defendant'), COLUMNS.group, COLUMNS.role, COLUMNS.insurance, COLUMNS.adjuster,
  COLUMNS.coverage, COLUMNS.lawFirm];

/** The columns of the other plaintiffs' table (case-tabs.js). */
export const OTHER_PLAINTIFF_COLUMNS = [COLUMNS.name('Plaintiff'), COLUMNS.group, COLUMNS.role, COLUMNS.phone, COLUMNS.lawFirm];

/** The Plaintiffs area: the plaintiffs the firm represents, with their insurance. */
export function Plaintiffs({ items, hookProps }) {
  return html`<${Area} name="plaintiffs" title="Plaintiffs" count=${items.length} hookProps=${hookProps}>
    ${items.length === 0 ? html`<p class="card-empty">No plaintiffs yet.</p>`
      : html`<${PartyTable} name="plaintiffs" label="Plaintiffs" items=${items} columns=${PLAINTIFF_COLUMNS} hookProps=${hookProps} />`}
  <//>`;
}

/** The Defendants area, with their insurance. */
export function Defendants({ items, hookProps }) {
  return html`<${Area} name="defendants" title="Defendants" count=${items.length} hookProps=${hookProps}>
    ${items.length === 0 ? html`<p class="card-empty">No defendants yet.</p>`
      : html`<${PartyTable} name="defendants" label="Defendants" items=${items} columns=${DEFENDANT_COLUMNS} hookProps=${hookProps} />`}
  <//>`;
}
