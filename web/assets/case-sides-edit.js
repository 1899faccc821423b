// case-sides-edit.js - the editors of the case's parties, hooked into the summary page's
// Plaintiffs and Defendants areas and its Other plaintiffs and Bankruptcy tabs (areaActions and
// rowActions of case-summary.js): Add opens a party form (the contact picked or made on the spot
// in the contact panel, group, role, primary plaintiff and primary contact, law firm and
// attorney, injuries and pleadings summaries); each row's Edit opens the party's panel, with its
// details, its contact card (contact-form.js), and its insurance, liens (plaintiffs) and
// bankruptcies, each added, edited and deleted in place (record-editor.js); Delete, at the foot
// of that panel, removes the party with its insurance, liens and bankruptcies. API: /api/v1/cases/{id}/parties,
// .../insurance, .../liens, .../bankruptcies. The tables themselves are case-sides.js.
import { html, useState } from '/vendor/preact-htm.js';
import { get, del } from './api.js';
import { Alert, Button, Dash, Panel } from './ui.js';
import { useGet } from './hooks.js';
import { areaActions, rowActions } from './case-summary.js';
import { ContactDialog } from './contact-form.js';
import { DeleteRow, RecordForm, RecordList, RowEditButton, dateCell, moneyCell, refCell, textCell } from './record-editor.js';

// The three kinds of party: what they are called and what a new one is sent with.
const KINDS = {
  plaintiff: { one: 'plaintiff', a: 'a plaintiff', title: 'Plaintiff', extra: { kind: 'plaintiff' } },
  other: { one: 'other plaintiff', a: 'an other plaintiff', title: 'Other plaintiff', extra: { kind: 'plaintiff', represented: false } },
  defendant: { one: 'defendant', a: 'a defendant', title: 'Defendant', extra: { kind: 'defendant' } },
};

/** The fields of a party of `kind` (the contact is chosen when it is added, then fixed). */
function partyFields(kind) {
  return [
    { k: 'contact_id', src: 'contact', label: KINDS[kind].title, type: 'contact', required: true, fixed: true, wide: true,
      requiredText: 'choose a contact, or add a new one' },
    { k: 'group_no', label: 'Group', type: 'int', hint: 'Parties of one group are handled together; 1 when empty' },
    { k: 'role', label: 'Role in the incident', type: 'text' },
    ...(kind === 'plaintiff' ? [
      { k: 'primary_party', label: 'Primary plaintiff', type: 'bool' },
      { k: 'primary_contact', label: 'Primary contact', type: 'bool' },
    ] : []),
    { k: 'law_firm_id', src: 'law_firm', label: 'Law firm', type: 'contact', kind: 'organisation',
      hint: kind === 'plaintiff' ? 'Representing them in a related matter' : null },
    { k: 'attorney_id', src: 'attorney', label: 'Attorney', type: 'contact', kind: 'person' },
    ...(kind === 'defendant' ? [] : [{ k: 'injury_summary', label: 'Injuries (summary)', type: 'textarea', wide: true }]),
    { k: 'pleadings_summary', label: 'Pleadings (summary)', type: 'textarea', wide: true },
  ];
}

const INSURANCE_FIELDS = [
  { k: 'company_id', src: 'company', label: 'Insurance company', type: 'contact', kind: 'organisation', wide: true },
  { k: 'claim_number', label: 'Claim number', type: 'text' },
  { k: 'policy_limits', label: 'Policy limits', type: 'text', hint: 'As the policy states them, like 100/300' },
  { k: 'no_fault_cents', label: 'No-fault limit', type: 'money' },
  { k: 'um_sum_cents', label: 'UM/SUM limit', type: 'money' },
  { k: 'adjuster_id', src: 'adjuster', label: 'Adjuster', type: 'contact', kind: 'person' },
  { k: 'adjuster_phone', label: 'Adjuster’s phone', type: 'text' },
  { k: 'coverage_cents', label: 'Coverage', type: 'money' },
];
const INSURANCE_COLUMNS = [
  { label: 'Company', cell: (r) => html`${refCell(r.company)}${r.claim_number ? html`<span class="cell-note">Claim ${r.claim_number}</span>` : null}` },
  {
    label: 'Limits',
    cell: (r) => {
      const parts = [r.policy_limits || null,
        r.no_fault_cents !== null && r.no_fault_cents !== undefined ? html`No-fault ${moneyCell(r.no_fault_cents)}` : null,
        r.um_sum_cents !== null && r.um_sum_cents !== undefined ? html`UM/SUM ${moneyCell(r.um_sum_cents)}` : null].filter(Boolean);
      return parts.length ? html`<ul class="cell-list">${parts.map((x, i) => html`<li key=${i}>${x}</li>`)}</ul>` : html`<${Dash} />`;
    },
  },
  { label: 'Adjuster', cell: (r) => html`${refCell(r.adjuster)}${r.adjuster_phone ? html`<span class="cell-note">${r.adjuster_phone}</span>` : null}` },
  { label: 'Coverage', cell: (r) => moneyCell(r.coverage_cents) },
];
const insuranceName = (r) => `insurance ${r.company?.name || r.claim_number || r.id}`;

const LIEN_FIELDS = [
  { k: 'holder_id', src: 'holder', label: 'Lien holder', type: 'contact', kind: 'organisation', wide: true },
  { k: 'description', label: 'Description', type: 'text', wide: true },
  { k: 'amount_cents', label: 'Amount', type: 'money' },
  { k: 'negotiated_cents', label: 'Negotiated', type: 'money' },
  { k: 'final_cents', label: 'Final', type: 'money' },
];
const LIEN_COLUMNS = [
  { label: 'Holder', cell: (r) => html`${refCell(r.holder)}${r.description ? html`<span class="cell-note">${r.description}</span>` : null}` },
  { label: 'Amount', cell: (r) => moneyCell(r.amount_cents) },
  { label: 'Negotiated', cell: (r) => moneyCell(r.negotiated_cents) },
  { label: 'Final', cell: (r) => moneyCell(r.final_cents) },
];
const lienName = (r) => `lien ${r.holder?.name || r.description || r.id}`;

const BANKRUPTCY_FIELDS = [
  { k: 'court_id', src: 'court', label: 'Bankruptcy court', type: 'contact', kind: 'organisation', wide: true },
  { k: 'judge', label: 'Judge', type: 'text' },
  { k: 'docket_number', label: 'Docket number', type: 'text' },
  { k: 'trustee_id', src: 'trustee', label: 'Trustee', type: 'contact', kind: 'person' },
  { k: 'trustee_attorney_id', src: 'trustee_attorney', label: 'Trustee’s attorney', type: 'contact', kind: 'person' },
  { k: 'retained_date', label: 'Date retained', type: 'date' },
];
const BANKRUPTCY_COLUMNS = [
  { label: 'Court', cell: (r) => html`${refCell(r.court)}${r.judge ? html`<span class="cell-note">Judge ${r.judge}</span>` : null}` },
  { label: 'Docket', cell: (r) => textCell(r.docket_number) },
  { label: 'Trustee', cell: (r) => html`${refCell(r.trustee)}${r.trustee_attorney
    ? html`<span class="cell-note">Attorney: ${r.trustee_attorney.name}</span>` : null}` },
  { label: 'Retained', cell: (r) => dateCell(r.retained_date) },
];
const bankruptcyName = (r) => `bankruptcy ${r.docket_number || r.court?.name || r.id}`;

/** The Add button of a side's area and the panel it opens; the new party's panel follows. */
function AddParty({ kase, kind, onChanged }) {
  const [open, setOpen] = useState(false);
  const [party, setParty] = useState(null); // once added: its panel, to go on with insurance
  const k = KINDS[kind];
  const close = () => { setOpen(false); setParty(null); };
  return html`<${Button} size="sm" kind="secondary" icon="plus" aria-label=${`Add ${k.a}`} aria-haspopup="dialog"
      onClick=${() => setOpen(true)}>Add<//>
    ${open && !party ? html`<${Panel} id=${`add-${kind}`} title=${`Add ${k.a}`} onClose=${close}>
      <${RecordForm} id=${`add-${kind}-form`} title=${`Add ${k.a}`} heading=${false} fields=${partyFields(kind)}
        path=${`/cases/${kase.id}/parties`} extra=${k.extra} submitLabel=${`Add ${k.one}`}
        onDone=${(p) => { setParty(p); onChanged(); }} onCancel=${close} />
    <//>` : null}
    ${open && party ? html`<${PartyPanel} key=${party.id} kase=${kase} kind=${kind} party=${party} added onChanged=${onChanged}
      onClose=${close} />` : null}`;
}

/** Edit on a row of a side's table: the party's panel (where it can also be deleted). */
function PartyRowActions({ kase, kind, row, canEdit, onChanged }) {
  const [open, setOpen] = useState(false);
  if (!canEdit) return null;
  return html`<${Button} size="sm" kind="ghost" icon="edit" iconOnly aria-label=${`Edit ${KINDS[kind].one} ${row.contact.name}`}
      aria-haspopup="dialog" onClick=${() => setOpen(true)}>Edit<//>
    ${open ? html`<${PartyPanel} kase=${kase} kind=${kind} party=${row} onChanged=${onChanged}
      onClose=${() => setOpen(false)} />` : null}`;
}

/** Which of a party's rows a list holds (the case's whole list, filtered to the party). */
function useRowsOf(kase, what, partyId) {
  const r = useGet(`/cases/${kase.id}/${what}`);
  return { rows: r.data ? (r.data.items || []).filter((x) => x.party_id === partyId) : null, error: r.error, reload: r.reload };
}

/**
 * One party in a side panel: its details (Edit details), its contact (Edit contact), its
 * insurance, liens (plaintiffs) and bankruptcies. `added`: it was just added (a notice says so).
 */
function PartyPanel({ kase, kind, party: first, added = false, onChanged, onClose }) {
  const [party, setParty] = useState(first);
  const [editing, setEditing] = useState(false);
  const [contactOpen, setContactOpen] = useState(false);
  const [notice, setNotice] = useState(added ? `${first.contact.name} was added.` : null);
  const insurance = useRowsOf(kase, 'insurance', party.id);
  const liens = useRowsOf(kase, 'liens', party.id);
  const bankruptcies = useRowsOf(kase, 'bankruptcies', party.id);
  const k = KINDS[kind];
  const path = `/cases/${kase.id}`;
  const id = `party-${party.id}`;

  async function refresh() {
    try {
      setParty(await get(`${path}/parties/${party.id}`));
    } catch {
      // The row stays as it was; the summary behind reloads anyway.
    }
    onChanged();
  }
  const changed = (list) => () => { list.reload(); onChanged(); };
  const loadError = insurance.error || liens.error || bankruptcies.error;

  return html`<${Panel} id=${id} title=${`${k.title}: ${party.contact.name}`} wide onClose=${onClose}>
    ${notice ? html`<${Alert} kind="success" onClose=${() => setNotice(null)}>${notice}<//>` : null}
    <section class="party-details" aria-labelledby=${`${id}-details`}>
      <div class="record-list-head">
        <h3 class="record-list-title" id=${`${id}-details`}>Details</h3>
        <div class="row-actions">
          <${Button} size="sm" kind="ghost" icon="person" aria-haspopup="dialog" onClick=${() => setContactOpen(true)}>Edit contact<//>
          ${editing ? null : html`<${Button} size="sm" kind="secondary" icon="edit" onClick=${() => { setEditing(true); setNotice(null); }}>Edit details<//>`}
        </div>
      </div>
      ${editing ? html`<${RecordForm} key=${party.version} id=${`${id}-form`} title=${`Edit ${k.one} ${party.contact.name}`}
          heading=${false} fields=${partyFields(kind)} path=${`${path}/parties`} row=${party}
          onDone=${(p) => { setParty(p); setEditing(false); setNotice('Saved.'); onChanged(); }}
          onCancel=${() => setEditing(false)} onReload=${() => { setEditing(false); refresh(); }} />`
        : html`<${PartyFacts} party=${party} kind=${kind} />`}
    </section>
    ${loadError ? html`<${Alert} kind="error" title="Part of the party could not be loaded">${loadError.detail}
      <button type="button" class="link-btn" onClick=${() => { insurance.reload(); liens.reload(); bankruptcies.reload(); }}>Try again</button><//>` : null}
    <${RecordList} id=${`${id}-insurance`} title="Insurance" singular="insurance" rows=${insurance.rows} columns=${INSURANCE_COLUMNS}
      fields=${INSURANCE_FIELDS} path=${`${path}/insurance`} extra=${{ party_id: party.id }} name=${insuranceName}
      empty="No insurance yet." onChanged=${changed(insurance)} />
    ${kind === 'defendant' ? null : html`<${RecordList} id=${`${id}-liens`} title="Liens" singular="lien" rows=${liens.rows}
      columns=${LIEN_COLUMNS} fields=${LIEN_FIELDS} path=${`${path}/liens`} extra=${{ party_id: party.id }} name=${lienName}
      empty="No liens." onChanged=${changed(liens)} />`}
    <${RecordList} id=${`${id}-bankruptcies`} title="Bankruptcies" singular="bankruptcy" rows=${bankruptcies.rows}
      columns=${BANKRUPTCY_COLUMNS} fields=${BANKRUPTCY_FIELDS} path=${`${path}/bankruptcies`} extra=${{ party_id: party.id }}
      name=${bankruptcyName} empty="No bankruptcy." onChanged=${changed(bankruptcies)} />
    <div class="party-delete">
      <${DeleteRow} path=${`${path}/parties/${party.id}`} row=${party} title=${`${k.one} ${party.contact.name}`}
        question=${`Delete ${party.contact.name} with their insurance, liens and bankruptcies?`}
        onDeleted=${() => { onClose(); onChanged(); }} />
    </div>
    ${contactOpen ? html`<${ContactDialog} id=${`${id}-contact`} contactId=${party.contact.id}
      onSaved=${() => { setContactOpen(false); setNotice('The contact was saved.'); refresh(); }}
      onCancel=${() => setContactOpen(false)} />` : null}
  <//>`;
}

/** A party's details as read (the contact's phone, dates and the party's own members). */
function PartyFacts({ party, kind }) {
  const c = party.contact;
  const fact = (label, value) => html`<div class="fact"><dt>${label}</dt><dd>${value || html`<${Dash} />`}</dd></div>`;
  return html`<dl class="facts party-facts">
    ${fact('Contact', html`${c.name}${c.nickname ? html` <i>“${c.nickname}”</i>` : null}`)}
    ${fact('Phone', c.phone)}
    ${c.languages ? fact('Languages', c.languages) : null}
    ${fact('Group', party.group_no)}
    ${kind === 'plaintiff' ? fact('Primary', party.primary_label) : null}
    ${fact('Role', party.role)}
    ${fact('Law firm', party.law_firm?.name)}
    ${fact('Attorney', party.attorney?.name)}
    ${c.birth_date ? fact('Born', dateCell(c.birth_date)) : null}
    ${c.death_date ? fact('Died', html`${dateCell(c.death_date)}${c.death_place ? `, ${c.death_place}` : ''}`) : null}
    ${kind === 'defendant' ? null : fact('Injuries', party.injury_summary)}
    ${fact('Pleadings', party.pleadings_summary)}
  </dl>`;
}

const add = (kind) => (p) => (p.canEdit ? html`<${AddParty} kase=${p.summary?.case || p.kase} kind=${kind} onChanged=${p.onChanged} />` : null);
const rowEdit = (kind) => (p) => html`<${PartyRowActions} kase=${p.summary?.case || p.kase} kind=${kind} row=${p.row}
  canEdit=${p.canEdit} onChanged=${p.onChanged} />`;

areaActions.plaintiffs = add('plaintiff');
areaActions.defendants = add('defendant');
areaActions.other_plaintiffs = add('other');
rowActions.plaintiffs = rowEdit('plaintiff');
rowActions.defendants = rowEdit('defendant');
rowActions.other_plaintiffs = rowEdit('other');
// The Bankruptcy tab's rows (each names its party): edit or delete in place.
rowActions.bankruptcy = (p) => {
  if (!p.canEdit) return null;
  const kase = p.summary?.case || p.kase;
  return html`<${RowEditButton} id="bankruptcy-edit" name=${`${bankruptcyName(p.row)}${p.row.party ? ` of ${p.row.party.name}` : ''}`}
    fields=${BANKRUPTCY_FIELDS} path=${`/cases/${kase.id}/bankruptcies`} row=${p.row} onChanged=${p.onChanged} />`;
};
