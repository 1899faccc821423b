// case-page.js - one case (#/cases/{id}): the header (number and name), the basic case data
// area (the status table, key dates, where and what it is worth, with the estimated value's
// history, and "Edit case"), then Staff, Last notes, Parties, Related and Other cases and the
// Timeline. Each area is its own module (case-status.js, case-staff.js, case-notes.js,
// case-parties.js, case-related.js, case-timeline.js); this page loads the case and the setup
// lists they share, and tells the timeline to reload after every change.
import { html, useState } from '/vendor/preact-htm.js';
import { Alert, Button, Dash, EmptyState, Icon, PageHeader, Panel, Spinner } from './ui.js';
import { useGet } from './hooks.js';
import { HistoryPanel, FROM, TO, STAFF, COMMENTS } from './history-panel.js';
import { useLists } from './lists.js';
import { fmtDate, fmtMoney } from './format.js';
import { CaseForm } from './case-form.js';
import { CaseStatuses } from './case-status.js';
import { CaseStaff } from './case-staff.js';
import { CaseNotes } from './case-notes.js';
import { CaseParties } from './case-parties.js';
import { RelatedCases, OtherCases } from './case-related.js';
import { CaseTimeline } from './case-timeline.js';

const LISTS = ['caseTypes', 'subtypes', 'statusTypes', 'statuses', 'closeReasons', 'roles', 'noteTypes',
  'valueRanges', 'states', 'offices', 'people'];

export function CasePage({ me, id }) {
  const { data: kase, error, reload, setData: setKase } = useGet(`/cases/${id}`);
  const { lists, error: listError, reload: reloadLists } = useLists(LISTS, me);
  const [rev, setRev] = useState(0); // bumped after every change: the timeline and other cases reload
  const canEdit = (me.rights || []).includes('case_edit');

  function changed({ kase: caseToo = false } = {}) {
    setRev((r) => r + 1);
    if (caseToo) reload();
  }

  if (error) {
    if (error.status === 404) {
      return html`<${PageHeader} title="Case not found" />
        <section class="card card-pad"><${EmptyState} icon="search" title="There is no case here you may see">
          It may have been deleted, or it is not one of yours. <a href="#/cases">Go to the case list</a><//></section>`;
    }
    return html`<${PageHeader} title="Case" />
      <${Alert} kind="error" title="The case could not be loaded">${error.detail}
        <button type="button" class="link-btn" onClick=${reload}>Try again</button><//>`;
  }
  if (listError) {
    return html`<${PageHeader} title="Case" />
      <${Alert} kind="error" title="The case could not be loaded">${listError}
        <button type="button" class="link-btn" onClick=${reloadLists}>Try again</button><//>`;
  }
  if (!kase || !lists) return html`<${Spinner} label="Loading the case…" />`;

  const sub = [kase.case_type?.name, kase.case_subtype?.name].filter(Boolean).join(' · ');
  return html`<${PageHeader} kicker=${kase.number || 'No number'} title=${kase.name} subtitle=${sub}>
      <a class="btn btn-ghost" href="#/cases"><${Icon} name="back" /><span>Cases</span></a>
    <//>
    <${BasicData} kase=${kase} me=${me} lists=${lists} canEdit=${canEdit} onChanged=${changed}
      onSaved=${(c) => { setKase(c); changed(); }} onReload=${reload} />
    <div class="case-columns">
      <${CaseStaff} kase=${kase} lists=${lists} canEdit=${canEdit} onChanged=${changed} />
      <${CaseNotes} kase=${kase} me=${me} lists=${lists} canEdit=${canEdit} rev=${rev} onChanged=${changed} />
    </div>
    <div class="case-columns">
      <${CaseParties} kase=${kase} canEdit=${canEdit} onChanged=${changed} />
      <${OtherCases} kase=${kase} rev=${rev} />
    </div>
    <${RelatedCases} kase=${kase} canEdit=${canEdit} onChanged=${changed} />
    <${CaseTimeline} kase=${kase} rev=${rev} />`;
}

function Fact({ label, children }) {
  return html`<div class="fact"><dt>${label}</dt><dd>${children}</dd></div>`;
}

function DateFact({ label, value, className }) {
  return html`<${Fact} label=${label}>${value
    ? html`<time class=${className} datetime=${value}>${fmtDate(value)}</time>` : html`<${Dash} />`}<//>`;
}

/** The basic case data area: statuses, key dates, other information, flags, Edit case. */
function BasicData({ kase, me, lists, canEdit, onChanged, onSaved, onReload }) {
  const [editing, setEditing] = useState(false);
  const [values, setValues] = useState(false);
  const state = lists.states.find((s) => s.code === kase.state);
  const flags = [
    kase.closed ? 'Closed' : null,
    kase.serious_injury ? 'Serious injury' : null,
    kase.mdl_master ? 'MDL master case' : null,
  ].filter(Boolean);

  return html`<section class="card" aria-labelledby="basic-title">
    <div class="card-head">
      <div class="card-head-text">
        <h2 id="basic-title" class="card-title">Case data</h2>
        ${flags.length ? html`<ul class="flags" aria-label="Flags">${flags.map((f) => html`<li key=${f}
          class=${`badge ${f === 'Closed' ? 'badge-muted' : 'badge-warn'}`}>${f}</li>`)}</ul>` : null}
      </div>
    </div>
    <div class="basic-grid">
      <div class="basic-status">
        <h3 class="visually-hidden">Status</h3>
        <${CaseStatuses} kase=${kase} lists=${lists} canEdit=${canEdit} onChanged=${onChanged} />
      </div>
      <dl class="facts" aria-label="Key dates">
        <${DateFact} label="Incident" value=${kase.incident_date} />
        <${DateFact} label="Opened" value=${kase.opened_date} />
        <${DateFact} label="Marked wanted" value=${kase.wanted_date} />
        <${DateFact} label="Expected resolution" value=${kase.expected_resolution_date} />
        ${kase.closed_date ? html`<${DateFact} label="Closed" value=${kase.closed_date} />` : null}
      </dl>
      <dl class="facts" aria-label="Case information">
        <${Fact} label="State">${state ? state.name : kase.state || html`<${Dash} />`}<//>
        <${Fact} label="Office">${kase.office?.name || html`<${Dash} />`}<//>
        <${Fact} label="Estimated value">
          <button type="button" class="link-btn" aria-haspopup="dialog" onClick=${() => setValues(true)}
            title="Show the history of the estimated value">${kase.value_range?.name || 'Not estimated'}</button>
        <//>
        <${Fact} label="Minimum settlement">${kase.min_settlement_cents !== null && kase.min_settlement_cents !== undefined
          ? fmtMoney(kase.min_settlement_cents) : html`<${Dash} />`}<//>
        <${Fact} label="Owner">${kase.owner?.name || html`<${Dash} />`}<//>
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
      <${EditCase} kase=${kase} me=${me} lists=${lists}
        onSaved=${(c) => { setEditing(false); onSaved(c); }} onCancel=${() => setEditing(false)}
        onReload=${() => { setEditing(false); onReload(); }} />
    <//>` : null}
    ${values ? html`<${ValueHistory} kase=${kase} onClose=${() => setValues(false)} />` : null}
  </section>`;
}

/** The Edit case form; a stale version offers to reload the case. */
function EditCase({ kase, me, lists, onSaved, onCancel, onReload }) {
  return html`<${CaseForm} key=${kase.version} me=${me} lists=${lists} kase=${kase}
    onSaved=${onSaved} onCancel=${onCancel} onReload=${onReload} />`;
}

/** Every estimated value the case has had: value, from, to, staff, comments. */
function ValueHistory({ kase, onClose }) {
  const columns = [
    { label: 'Value', cell: (r) => r.value_range?.name || html`<span class="cell-muted">Cleared</span>` },
    FROM, TO, STAFF, COMMENTS,
  ];
  return html`<${HistoryPanel} id="value-history" title="Estimated value history" path=${`/cases/${kase.id}/value-history`}
    columns=${columns} empty="No estimate yet" onClose=${onClose} />`;
}
