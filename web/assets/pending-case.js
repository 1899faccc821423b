// pending-case.js - the pending case area of an insurance case's page (cases whose type is of
// the insurance group): the policy data (policy number, insured, carrier, product, amount, kind,
// parent case, next and last follow-up) with its edit panel (PUT with If-Match; version 0 is "no
// policy yet"), and the requirements in their listed order (key ones in bold, status badges,
// policy owner service ones marked) with add, edit and delete through record-editor.js. Also
// the read-only case page of an advisor user: the stage, the policy and the outstanding
// requirements of one of their own cases, nothing to edit. API: /api/v1/cases/{id}/policy,
// /api/v1/cases/{id}/requirements. The rest of the case page is case-page.js.
import { html, useState } from '/vendor/preact-htm.js';
import { put } from './api.js';
import { Alert, Button, Dash, EmptyState, Field, Icon, PageHeader, Panel, Spinner } from './ui.js';
import { useGet } from './hooks.js';
import { Area, DateText, pastDue } from './case-summary.js';
import { ContactPicker, CasePicker } from './pickers.js';
import { useForm, FormProblem, FormActions } from './forms.js';
import { RecordList, dateCell, textCell } from './record-editor.js';
import { centsToDollars, fmtDate, fmtMoney, parseDollars } from './format.js';

export const KIND_LABELS = { formal: 'Formal', informal: 'Informal', informal_child: 'Informal child', group: 'Group' };
const KIND_OPTIONS = Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }));
const STATUS_LABELS = { outstanding: 'Outstanding', received: 'Received', waived: 'Waived' };
const STATUS_BADGE = { outstanding: 'badge-warn', received: 'badge-success', waived: 'badge-muted' };
const STATUS_OPTIONS = Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }));

/** Is this case a pending case (its type of the insurance group)? */
export function isInsuranceCase(kase) {
  return kase?.case_type?.group === 'insurance';
}

const REQ_FIELDS = [
  { k: 'name', label: 'Requirement', type: 'text', required: true, wide: true },
  { k: 'status', label: 'Status', type: 'select', options: STATUS_OPTIONS, def: 'outstanding', required: true },
  { k: 'position', label: 'Order', type: 'int', hint: 'Lower numbers come first; empty: at the end' },
  { k: 'key', label: 'Key requirement (shown in bold)', type: 'bool', wide: true },
  { k: 'pos', label: 'Policy owner service (POS) requirement', type: 'bool', wide: true },
  { k: 'requested_date', label: 'Requested', type: 'date' },
  { k: 'received_date', label: 'Received', type: 'date', hint: 'Today when marked received without a date' },
  { k: 'comments', label: 'Comments', type: 'textarea', wide: true },
];

/** A requirement's name: bold when it is a key requirement. */
function ReqName({ r }) {
  return r.key
    ? html`<strong class="req-name req-key" data-key="true">${r.name}</strong><span class="visually-hidden"> (key requirement)</span>`
    : html`<span class="req-name">${r.name}</span>`;
}

/** The status badge of a requirement, and the POS mark. */
function ReqStatus({ r }) {
  return html`<span class="req-marks"><span class=${`badge ${STATUS_BADGE[r.status] || 'badge-muted'}`} data-status=${r.status}>
    ${STATUS_LABELS[r.status] || r.status}</span>${r.pos
    ? html`<span class="badge badge-accent" title="Policy owner service requirement">POS</span>` : null}</span>`;
}

const REQ_COLUMNS = [
  { label: 'Requirement', cell: (r) => html`<${ReqName} r=${r} />` },
  { label: 'Status', cell: (r) => html`<${ReqStatus} r=${r} />` },
  { label: 'Requested', cell: (r) => dateCell(r.requested_date) },
  { label: 'Received', cell: (r) => dateCell(r.received_date) },
  { label: 'Comments', cell: (r) => textCell(r.comments) },
];

/**
 * The pending case area of an insurance case: policy and requirements. `canEdit` shows the
 * editors; without it (advisors) only the outstanding requirements are listed.
 */
export function PendingCaseArea({ kase, canEdit, hookProps, onChanged }) {
  const policy = useGet(`/cases/${kase.id}/policy`);
  const reqs = useGet(`/cases/${kase.id}/requirements${canEdit ? '' : '?outstanding=true'}`);
  const [editing, setEditing] = useState(false);
  // No policy row yet answers version 0 (or, from an older server, 404): an empty policy.
  const p = policy.data || (policy.error?.status === 404 ? { version: 0 } : null);
  const rows = reqs.data ? reqs.data.items || [] : null;

  const actions = canEdit && p ? html`<${Button} size="sm" kind="secondary" icon="edit" aria-haspopup="dialog"
    aria-label="Edit the policy" onClick=${() => setEditing(true)}>Edit policy<//>` : null;

  return html`<${Area} name="pending" title="Pending case" className="pending-area"
      hint=${p?.kind ? `${KIND_LABELS[p.kind] || p.kind} case` : null} actions=${actions} hookProps=${hookProps}>
    <div class="pending-body">
      ${policy.error && !p ? html`<${Alert} kind="error" title="The policy could not be loaded">${policy.error.detail}
          <button type="button" class="link-btn" onClick=${policy.reload}>Try again</button><//>`
        : !p ? html`<${Spinner} label="Loading the policy…" />`
        : html`<${PolicyFacts} policy=${p} kase=${kase} />`}
    </div>
    ${reqs.error ? html`<div class="card-alerts"><${Alert} kind="error" title="The requirements could not be loaded">
        ${reqs.error.detail} <button type="button" class="link-btn" onClick=${reqs.reload}>Try again</button><//></div>`
      : !rows ? html`<${Spinner} label="Loading the requirements…" />`
      : canEdit ? html`<div class="pending-reqs">
          <${RecordList} id="req" title="Requirements" singular="requirement" rows=${rows} columns=${REQ_COLUMNS}
            fields=${REQ_FIELDS} path=${`/cases/${kase.id}/requirements`} name=${(r) => r.name}
            empty="No requirements yet."
            onChanged=${() => { reqs.reload(); onChanged?.(); }} />
        </div>`
      : html`<${OutstandingList} rows=${rows.filter((r) => r.status === 'outstanding')} />`}
    ${editing ? html`<${PolicyPanel} kase=${kase} policy=${p}
      onSaved=${(np) => { setEditing(false); policy.setData(np); onChanged?.(); }}
      onReload=${() => { setEditing(false); policy.reload(); }} onClose=${() => setEditing(false)} />` : null}
  <//>`;
}

function Fact({ label, children }) {
  return html`<div class="fact"><dt>${label}</dt><dd>${children}</dd></div>`;
}

/** The policy data, read-only. */
function PolicyFacts({ policy: p, kase }) {
  const overdue = !kase.closed && pastDue(p.next_follow_up);
  return html`<dl class="facts pending-facts" aria-label="Policy">
    <${Fact} label="Policy number">${p.policy_number ? html`<span class="mono">${p.policy_number}</span>` : html`<${Dash} />`}<//>
    <${Fact} label="Insured">${p.insured?.name || html`<${Dash} />`}<//>
    <${Fact} label="Carrier">${p.carrier?.name || html`<${Dash} />`}<//>
    <${Fact} label="Product">${p.product || html`<${Dash} />`}<//>
    <${Fact} label="Amount">${p.amount_cents === null || p.amount_cents === undefined ? html`<${Dash} />` : fmtMoney(p.amount_cents)}<//>
    <${Fact} label="Kind">${KIND_LABELS[p.kind] || html`<${Dash} />`}${p.parent_case
      ? html` <span class="cell-note">of <a class="case-link" href=${`#/cases/${p.parent_case.id}`}>${p.parent_case.number || p.parent_case.name}</a></span>` : null}<//>
    <${Fact} label="Next follow-up"><${DateText} value=${p.next_follow_up} late=${overdue} /><//>
    <${Fact} label="Last follow-up"><${DateText} value=${p.last_follow_up} /><//>
  </dl>`;
}

/** The outstanding requirements of an advisor's view: in order, key ones bold. */
function OutstandingList({ rows }) {
  return html`<section class="pending-reqs" aria-labelledby="req-out-title">
    <h3 class="record-list-title" id="req-out-title">Outstanding requirements <span class="count-badge">${rows.length}</span></h3>
    ${rows.length === 0 ? html`<p class="card-empty">Nothing is outstanding.</p>`
      : html`<ol class="req-list">
        ${rows.map((r) => html`<li key=${r.id} data-row=${r.name}>
          <${ReqName} r=${r} />${r.pos ? html` <span class="badge badge-accent">POS</span>` : null}
          ${r.requested_date ? html`<span class="cell-note">Requested ${fmtDate(r.requested_date)}</span>` : null}
          ${r.comments ? html`<span class="cell-note">${r.comments}</span>` : null}
        </li>`)}
      </ol>`}
  </section>`;
}

const POLICY_LABELS = {
  policy_number: 'Policy number', insured_id: 'Insured', carrier_id: 'Carrier', product: 'Product',
  amount_cents: 'Amount', kind: 'Kind', parent_case_id: 'Parent case', next_follow_up: 'Next follow-up',
  last_follow_up: 'Last follow-up', case: 'Case',
};
const asPicked = (r) => (r ? { id: r.id, display_name: r.name } : null);

/** The policy's edit panel: every member, sent whole with PUT (If-Match the version, when there is one). */
function PolicyPanel({ kase, policy, onSaved, onReload, onClose }) {
  const [v, setV] = useState(() => ({
    policy_number: policy.policy_number || '',
    insured: asPicked(policy.insured),
    carrier: asPicked(policy.carrier),
    product: policy.product || '',
    amount: centsToDollars(policy.amount_cents),
    kind: policy.kind || 'formal',
    parent: policy.parent_case || null,
    next_follow_up: policy.next_follow_up || '',
    last_follow_up: policy.last_follow_up || '',
  }));
  const form = useForm('pol-');
  const set = (k) => (e) => { const value = e.currentTarget.value; setV((x) => ({ ...x, [k]: value })); };
  const setTo = (k) => (value) => setV((x) => ({ ...x, [k]: value }));
  const bad = (f) => form.problem?.field === f;
  const pp = (f) => (bad(f) ? { 'aria-invalid': 'true', 'aria-describedby': `pol-${f}-error`, class: 'is-invalid' } : {});

  function submit(e) {
    e.preventDefault();
    const amount = parseDollars(v.amount);
    if (Number.isNaN(amount)) return form.fail({ field: 'amount_cents', detail: 'must be an amount in dollars, like 250,000 or 1250.50' });
    if (v.kind === 'informal_child' && !v.parent) return form.fail({ field: 'parent_case_id', detail: 'an informal child case needs its parent case' });
    const body = {
      policy_number: v.policy_number.trim(),
      insured_id: v.insured ? v.insured.id : null,
      carrier_id: v.carrier ? v.carrier.id : null,
      product: v.product.trim(),
      amount_cents: amount,
      kind: v.kind,
      parent_case_id: v.kind === 'informal_child' && v.parent ? v.parent.id : null,
      next_follow_up: v.next_follow_up || null,
      last_follow_up: v.last_follow_up || null,
    };
    return form.run(async () => {
      onSaved(await put(`/cases/${kase.id}/policy`, body, { ifMatch: policy.version ? policy.version : undefined }));
    });
  }

  const err = (f) => (bad(f) ? form.problem.detail : null);
  const elsewhere = form.problem && !['policy_number', 'insured_id', 'carrier_id', 'product', 'amount_cents', 'kind',
    'parent_case_id', 'next_follow_up', 'last_follow_up'].includes(form.problem.field);
  return html`<${Panel} id="policy-form" title="Edit the policy" onClose=${onClose}>
    <form class="panel-form" onSubmit=${submit} novalidate aria-label="Policy">
      ${elsewhere ? html`<${FormProblem} form=${form} prefix="pol-" labels=${POLICY_LABELS} onReload=${onReload} />` : null}
      <div class="form-grid form-grid-2">
        <${Field} id="pol-policy_number" label="Policy number" error=${err('policy_number')}>
          <input id="pol-policy_number" value=${v.policy_number} onInput=${set('policy_number')} autocomplete="off" ...${pp('policy_number')} />
        <//>
        <${Field} id="pol-product" label="Product" error=${err('product')}>
          <input id="pol-product" value=${v.product} onInput=${set('product')} autocomplete="off" ...${pp('product')} />
        <//>
        <div class=${`field span-2 ${bad('insured_id') ? 'has-error' : ''}`}>
          <div class="field-label"><label for="pol-insured_id">Insured</label></div>
          <${ContactPicker} id="pol-insured_id" label="Insured" value=${v.insured} onChange=${setTo('insured')} invalid=${bad('insured_id')} />
          ${err('insured_id') ? html`<p class="field-error">${err('insured_id')}</p>` : null}
        </div>
        <div class=${`field span-2 ${bad('carrier_id') ? 'has-error' : ''}`}>
          <div class="field-label"><label for="pol-carrier_id">Carrier</label></div>
          <${ContactPicker} id="pol-carrier_id" label="Carrier" kind="organisation" value=${v.carrier} onChange=${setTo('carrier')}
            invalid=${bad('carrier_id')} />
          ${err('carrier_id') ? html`<p class="field-error">${err('carrier_id')}</p>` : null}
        </div>
        <${Field} id="pol-amount_cents" label="Amount" error=${err('amount_cents')}>
          <div class="input-affix"><span aria-hidden="true">$</span>
            <input id="pol-amount_cents" inputmode="decimal" value=${v.amount} onInput=${set('amount')} autocomplete="off"
              ...${pp('amount_cents')} /></div>
        <//>
        <${Field} id="pol-kind" label="Kind" error=${err('kind')}>
          <select id="pol-kind" value=${v.kind} onChange=${set('kind')} ...${pp('kind')}>
            ${KIND_OPTIONS.map((o) => html`<option key=${o.value} value=${o.value}>${o.label}</option>`)}
          </select>
        <//>
        ${v.kind === 'informal_child' ? html`<div class=${`field span-2 ${bad('parent_case_id') ? 'has-error' : ''}`}>
          <div class="field-label"><label for="pol-parent_case_id">Parent case</label><span class="req" aria-hidden="true">*</span></div>
          ${v.parent ? html`<div class="picked"><${Icon} name="cases" />
              <span class="picked-name">${[v.parent.number, v.parent.name].filter(Boolean).join(' · ')}</span>
              <button type="button" class="link-btn" aria-label="Choose another parent case" onClick=${() => setTo('parent')(null)}>Change</button></div>`
            : html`<${CasePicker} id="pol-parent_case_id" label="Parent case" excludeId=${kase.id} onPick=${setTo('parent')} />`}
          ${err('parent_case_id') ? html`<p class="field-error">${err('parent_case_id')}</p>` : null}
        </div>` : null}
        <${Field} id="pol-next_follow_up" label="Next follow-up" error=${err('next_follow_up')}>
          <input id="pol-next_follow_up" type="date" value=${v.next_follow_up} onChange=${set('next_follow_up')} ...${pp('next_follow_up')} />
        <//>
        <${Field} id="pol-last_follow_up" label="Last follow-up" error=${err('last_follow_up')}>
          <input id="pol-last_follow_up" type="date" value=${v.last_follow_up} onChange=${set('last_follow_up')} ...${pp('last_follow_up')} />
        <//>
      </div>
      <${FormActions} form=${form} label="Save policy" onCancel=${onClose} />
    </form>
  <//>`;
}

/**
 * The case page of an advisor user (read-only): the case's stage and basic data, and for an
 * insurance case the policy and the outstanding requirements. A case that is not theirs is 404.
 */
export function AdvisorCasePage({ id }) {
  const { data: kase, error, reload } = useGet(`/cases/${id}`);
  if (error && !kase) {
    if (error.status === 404) {
      return html`<${PageHeader} title="Case not found" />
        <section class="card card-pad"><${EmptyState} icon="search" title="There is no case here you may see">
          It may have been closed or moved, or it is not one of yours. <a href="#/cases">Go to your cases</a><//></section>`;
    }
    return html`<${PageHeader} title="Case" />
      <${Alert} kind="error" title="The case could not be loaded">${error.detail}
        <button type="button" class="link-btn" onClick=${reload}>Try again</button><//>`;
  }
  if (!kase) return html`<${Spinner} label="Loading the case…" />`;
  const sub = [kase.case_type?.name, kase.case_subtype?.name].filter(Boolean).join(' · ');
  return html`<${PageHeader} kicker=${kase.number || 'No number'} title=${kase.name} subtitle=${sub}>
      <a class="btn btn-ghost" href="#/cases"><${Icon} name="back" /><span>Cases</span></a>
    <//>
    <section class="card case-card" aria-labelledby="adv-case-title">
      <div class="card-head"><h2 class="card-title" id="adv-case-title">Where the case stands</h2></div>
      <dl class="facts adv-facts">
        <${Fact} label="Stage"><span class="adv-stage">${kase.stage?.name || html`<${Dash} />`}</span>${kase.closed
          ? html` <span class="badge badge-muted">Closed</span>` : null}<//>
        <${Fact} label="Office">${kase.office?.name || html`<${Dash} />`}<//>
        <${Fact} label="Opened"><${DateText} value=${kase.opened_date} /><//>
        <${Fact} label="Owner">${kase.owner?.name || html`<${Dash} />`}<//>
      </dl>
    </section>
    ${isInsuranceCase(kase) ? html`<${PendingCaseArea} kase=${kase} canEdit=${false} />` : null}`;
}
