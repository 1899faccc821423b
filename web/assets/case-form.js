// case-form.js - the case form: every member of POST /api/v1/cases for a new case
// (#/cases/new, right case_create) and the same form in the "Edit case" panel of the case page
// (PATCH with If-Match, only the members that changed; name and number only with
// case_edit_name_number). The subtype list follows the case type, the starting stage the type's
// group; the minimum settlement is typed in dollars and sent as integer cents. Editing also
// covers the case summary's own data: the retainer date, the referral in and out (a form and a
// contact each), the liability code and percentage, and the incident facts.
import { html, useState, useRef, useLayoutEffect } from '/vendor/preact-htm.js';
import { post, patch } from './api.js';
import { Alert, Field, PageHeader, Spinner } from './ui.js';
import { useForm, FormProblem, FormActions, setter } from './forms.js';
import { useLists, stageType, statusesFor } from './lists.js';
import { ContactPicker } from './pickers.js';
import { todayISO, parseDollars, centsToDollars } from './format.js';

const LABELS = {
  name: 'Case name', number: 'Case number', case_type_id: 'Case type', case_subtype_id: 'Subtype',
  status_id: 'Starting stage', state: 'State', office_id: 'Office', owner_id: 'Owner',
  incident_date: 'Incident date', opened_date: 'Opened', wanted_date: 'Marked wanted',
  expected_resolution_date: 'Expected resolution', value_range_id: 'Estimated value',
  min_settlement_cents: 'Minimum settlement', value_comments: 'Value comments',
  serious_injury: 'Serious injury', mdl_master: 'Master case in multi-district litigation',
  description: 'Description', retainer_date: 'Retainer signed', referral_in_form: 'Referral in: form',
  referral_in_contact_id: 'Referred in by', referral_out_form: 'Referral out: form', referral_out_contact_id: 'Referred out to',
  liability_code: 'Liability code', liability_percent: 'Liability %', incident_facts: 'Incident facts',
};

const ID_MEMBERS = ['case_type_id', 'case_subtype_id', 'status_id', 'office_id', 'owner_id', 'value_range_id'];
const DATE_MEMBERS = ['incident_date', 'opened_date', 'wanted_date', 'expected_resolution_date'];
const TEXT_MEMBERS = ['name', 'number', 'state', 'value_comments', 'description'];
// Edited only (a new case starts without them).
const EDIT_TEXT_MEMBERS = ['referral_in_form', 'referral_out_form', 'liability_code', 'incident_facts'];
const EDIT_CONTACT_MEMBERS = ['referral_in_contact', 'referral_out_contact'];

const str = (id) => (id === null || id === undefined ? '' : String(id));

/** Form values (all strings and booleans) from a case resource, or the defaults of a new case. */
function formValues(c, me) {
  if (!c) {
    return {
      name: '', number: '', case_type_id: '', case_subtype_id: '', status_id: '', state: '', office_id: str(me.office_id),
      owner_id: str(me.id), incident_date: '', opened_date: todayISO(), wanted_date: '', expected_resolution_date: '',
      value_range_id: '', min_settlement_cents: '', value_comments: '', serious_injury: false, mdl_master: false,
      description: '',
    };
  }
  return {
    name: c.name || '', number: c.number || '', case_type_id: str(c.case_type?.id), case_subtype_id: str(c.case_subtype?.id),
    status_id: '', state: c.state || '', office_id: str(c.office?.id), owner_id: str(c.owner?.id),
    incident_date: c.incident_date || '', opened_date: c.opened_date || '', wanted_date: c.wanted_date || '',
    expected_resolution_date: c.expected_resolution_date || '', value_range_id: str(c.value_range?.id),
    min_settlement_cents: centsToDollars(c.min_settlement_cents), value_comments: c.value_comments || '',
    serious_injury: !!c.serious_injury, mdl_master: !!c.mdl_master, description: c.description || '',
    retainer_date: c.retainer_date || '', referral_in_form: c.referral_in_form || '', referral_out_form: c.referral_out_form || '',
    referral_in_contact: c.referral_in_contact ? { id: c.referral_in_contact.id, display_name: c.referral_in_contact.name } : null,
    referral_out_contact: c.referral_out_contact ? { id: c.referral_out_contact.id, display_name: c.referral_out_contact.name } : null,
    liability_code: c.liability_code || '', incident_facts: c.incident_facts || '',
    liability_percent: c.liability_percent === null || c.liability_percent === undefined ? '' : String(c.liability_percent),
  };
}

/** The liability percentage typed: null when empty, NaN when not a number from 0 to 100. */
function parsePercent(s) {
  const t = s.trim().replace(/%$/, '');
  if (t === '') return null;
  return /^\d{1,3}(\.\d{1,2})?$/.test(t) && Number(t) <= 100 ? Number(t) : NaN;
}

/**
 * The request body from the form values: ids as numbers, dollars as cents. A new case leaves
 * out what is empty; an edit sends only what changed, with null (or "") to clear.
 * Returns {body} or {problem} when the amount cannot be read.
 */
function requestBody(v, initial, creating) {
  const cents = parseDollars(v.min_settlement_cents);
  if (Number.isNaN(cents)) {
    return { problem: { field: 'min_settlement_cents', detail: 'must be an amount in dollars, like 25,000 or 1250.50' } };
  }
  const body = {};
  const put = (k, value, empty) => {
    if (creating) {
      if (value !== empty && value !== '') body[k] = value;
    } else if (v[k] !== initial[k]) {
      body[k] = value === '' ? empty : value;
    }
  };
  for (const k of TEXT_MEMBERS) put(k, v[k].trim(), '');
  for (const k of ID_MEMBERS) if (creating || k !== 'status_id') put(k, v[k] === '' ? null : Number(v[k]), null);
  for (const k of DATE_MEMBERS) put(k, v[k], null);
  put('min_settlement_cents', cents, null);
  for (const k of ['serious_injury', 'mdl_master']) {
    if (creating ? v[k] : v[k] !== initial[k]) body[k] = v[k];
  }
  if (!creating) {
    const percent = parsePercent(v.liability_percent);
    if (Number.isNaN(percent)) return { problem: { field: 'liability_percent', detail: 'must be a percentage from 0 to 100' } };
    for (const k of EDIT_TEXT_MEMBERS) put(k, v[k].trim(), '');
    put('retainer_date', v.retainer_date, null);
    put('liability_percent', percent, null);
    for (const k of EDIT_CONTACT_MEMBERS) {
      const id = v[k]?.id ?? null;
      if (id !== (initial[k]?.id ?? null)) body[`${k}_id`] = id;
    }
  }
  return { body };
}

/** The new case page (#/cases/new). */
export function NewCasePage({ me }) {
  const { lists, error, reload } = useLists(
    ['caseTypes', 'subtypes', 'statusTypes', 'statuses', 'states', 'offices', 'valueRanges', 'people'], me);
  const canCreate = (me.rights || []).includes('case_create');
  return html`<${PageHeader} title="New case" subtitle="Open a case: what it is, where and when, and what it may be worth.">
      <a class="btn btn-ghost" href="#/cases">Cancel</a>
    <//>
    <section class="card">
      ${!canCreate ? html`<div class="card-alerts"><${Alert} kind="error">You do not have the right to open cases.<//></div>`
        : error ? html`<div class="card-alerts"><${Alert} kind="error" title="The form could not be prepared">
            ${error} <button type="button" class="link-btn" onClick=${reload}>Try again</button><//></div>`
        : !lists ? html`<${Spinner} label="Loading…" />`
        : html`<${CaseForm} me=${me} lists=${lists}
            onSaved=${(c) => { location.hash = `#/cases/${c.id}`; }}
            onCancel=${() => { location.hash = '#/cases'; }} />`}
    </section>`;
}

/**
 * The form itself. Without `kase` it creates (POST); with it, it edits (PATCH, If-Match).
 * onSaved gets the case the server answered; a stale version offers onReload.
 */
export function CaseForm({ me, lists, kase, onSaved, onCancel, onReload }) {
  const creating = !kase;
  const initial = useRef(formValues(kase, me)).current;
  const [v, setV] = useState(initial);
  const prefix = creating ? 'nc-' : 'ec-';
  const form = useForm(prefix);
  const first = useRef(null);
  // Focus before the first paint, so that it never takes the focus from someone already typing.
  useLayoutEffect(() => { if (creating) first.current?.focus(); }, []);

  const rights = me.rights || [];
  const canRename = creating || rights.includes('case_edit_name_number');
  const pp = (k) => form.pp(k);
  const set = (k) => setter(setV, k);

  const type = lists.caseTypes.find((t) => t.id === Number(v.case_type_id));
  const subtypes = lists.subtypes.filter((s) => s.case_type_id === Number(v.case_type_id));
  const stage = stageType(lists.statusTypes);
  const stages = type && stage ? statusesFor(lists.statuses, stage.id, type.group).filter((s) => !s.closing) : [];

  function chooseType(e) {
    const id = e.currentTarget.value;
    setV((x) => ({ ...x, case_type_id: id, case_subtype_id: '', status_id: '' }));
  }

  function submit(e) {
    e.preventDefault();
    if (!v.name.trim()) return form.fail({ field: 'name', detail: 'is required' });
    if (!v.case_type_id) return form.fail({ field: 'case_type_id', detail: 'choose the kind of case' });
    const { body, problem: bad } = requestBody(v, initial, creating);
    if (bad) return form.fail(bad);
    if (!creating && Object.keys(body).length === 0) return onCancel();
    return form.run(async () => {
      onSaved(creating ? await post('/cases', body) : await patch(`/cases/${kase.id}`, body, { ifMatch: kase.version }));
    });
  }

  const opt = (x) => html`<option key=${x.id} value=${String(x.id)}>${x.name}</option>`;
  // The referral in or out: the form it came on, and the contact (picked or added on the spot).
  const referral = (dir, formLabel, contactLabel) => {
    const f = `referral_${dir}_form`;
    const c = `referral_${dir}_contact`;
    const bad = form.problem?.field === `${c}_id`;
    return html`<${Field} id=${prefix + f} label=${formLabel}>
        <input id=${prefix + f} value=${v[f]} onInput=${set(f)} autocomplete="off" ...${pp(f)} />
      <//>
      <div class=${`field ${bad ? 'has-error' : ''}`}>
        <div class="field-label"><label for=${`${prefix + c}_id`}>${contactLabel}</label></div>
        <${ContactPicker} id=${`${prefix + c}_id`} label=${contactLabel} value=${v[c]} invalid=${bad}
          onChange=${(x) => setV((old) => ({ ...old, [c]: x }))} />
      </div>`;
  };
  const dateField = (k) => html`<${Field} id=${prefix + k} label=${LABELS[k]}>
    <input id=${prefix + k} type="date" value=${v[k]} onChange=${set(k)} ...${pp(k)} /><//>`;

  return html`<form class="case-form" onSubmit=${submit} novalidate aria-label=${creating ? 'New case' : 'Edit case'}>
    <${FormProblem} form=${form} prefix=${prefix} labels=${LABELS} onReload=${onReload} />
    <fieldset class="form-section">
      <legend>The case</legend>
      <div class="form-grid">
        <${Field} id=${`${prefix}name`} label="Case name" required
          hint=${canRename ? null : 'Changing the name needs the right to rename cases'}>
          <input id=${`${prefix}name`} ref=${first} value=${v.name} onInput=${set('name')} autocomplete="off"
            required disabled=${!canRename} ...${pp('name')} />
        <//>
        <${Field} id=${`${prefix}number`} label="Case number"
          hint=${!canRename ? 'Changing the number needs the right to rename cases'
            : creating ? 'Leave empty to number it from the firm’s pattern' : null}>
          <input id=${`${prefix}number`} value=${v.number} onInput=${set('number')} autocomplete="off"
            disabled=${!canRename} ...${pp('number')} />
        <//>
        <${Field} id=${`${prefix}case_type_id`} label="Case type" required>
          <select id=${`${prefix}case_type_id`} value=${v.case_type_id} onChange=${chooseType} ...${pp('case_type_id')}>
            <option value="">Choose a case type</option>${lists.caseTypes.map(opt)}
          </select>
        <//>
        <${Field} id=${`${prefix}case_subtype_id`} label="Subtype">
          <select id=${`${prefix}case_subtype_id`} value=${v.case_subtype_id} onChange=${set('case_subtype_id')}
            disabled=${!type || subtypes.length === 0} ...${pp('case_subtype_id')}>
            <option value="">${!type ? 'Choose a case type first' : subtypes.length ? 'No subtype' : 'This type has no subtypes'}</option>
            ${subtypes.map(opt)}
          </select>
        <//>
        ${creating ? html`<${Field} id="nc-status_id" label="Starting stage">
          <select id="nc-status_id" value=${v.status_id} onChange=${set('status_id')} disabled=${!type} ...${pp('status_id')}>
            <option value="">${type ? `First stage${stages[0] ? ` (${stages[0].name})` : ''}` : 'Choose a case type first'}</option>
            ${stages.map(opt)}
          </select>
        <//>` : null}
        <${Field} id=${`${prefix}state`} label="State">
          <select id=${`${prefix}state`} value=${v.state} onChange=${set('state')} ...${pp('state')}>
            <option value="">No state</option>
            ${lists.states.map((s) => html`<option key=${s.code} value=${s.code}>${s.name}</option>`)}
          </select>
        <//>
        <${Field} id=${`${prefix}office_id`} label="Office">
          <select id=${`${prefix}office_id`} value=${v.office_id} onChange=${set('office_id')} ...${pp('office_id')}>
            <option value="">No office</option>${lists.offices.map(opt)}
          </select>
        <//>
        <${Field} id=${`${prefix}owner_id`} label="Owner">
          <select id=${`${prefix}owner_id`} value=${v.owner_id} onChange=${set('owner_id')} ...${pp('owner_id')}>
            ${!creating && kase.owner && !lists.people.some((p) => p.id === kase.owner.id)
              ? html`<option value=${String(kase.owner.id)}>${kase.owner.name}</option>` : null}
            ${lists.people.map(opt)}
          </select>
        <//>
      </div>
    </fieldset>
    <fieldset class="form-section">
      <legend>Key dates</legend>
      <div class="form-grid">
        ${dateField('incident_date')}
        ${dateField('opened_date')}
        ${dateField('wanted_date')}
        ${dateField('expected_resolution_date')}
        ${creating ? null : dateField('retainer_date')}
      </div>
    </fieldset>
    ${creating ? null : html`<fieldset class="form-section">
      <legend>Referral</legend>
      <div class="form-grid">
        ${referral('in', 'Referral in: form', 'Referred in by')}
        ${referral('out', 'Referral out: form', 'Referred out to')}
      </div>
    </fieldset>`}
    <fieldset class="form-section">
      <legend>Value</legend>
      <div class="form-grid">
        <${Field} id=${`${prefix}value_range_id`} label="Estimated value">
          <select id=${`${prefix}value_range_id`} value=${v.value_range_id} onChange=${set('value_range_id')} ...${pp('value_range_id')}>
            <option value="">Not estimated</option>${lists.valueRanges.map(opt)}
          </select>
        <//>
        <${Field} id=${`${prefix}min_settlement_cents`} label="Minimum settlement" hint="In dollars, e.g. 25,000.00">
          <div class="input-affix"><span aria-hidden="true">$</span>
            <input id=${`${prefix}min_settlement_cents`} inputmode="decimal" value=${v.min_settlement_cents}
              onInput=${set('min_settlement_cents')} autocomplete="off" ...${pp('min_settlement_cents')} /></div>
        <//>
        <${Field} id=${`${prefix}value_comments`} label="Value comments" className="span-2">
          <input id=${`${prefix}value_comments`} value=${v.value_comments} onInput=${set('value_comments')}
            autocomplete="off" ...${pp('value_comments')} />
        <//>
      </div>
    </fieldset>
    <fieldset class="form-section">
      <legend>About the case</legend>
      <div class="check-row">
        <label class="check"><input type="checkbox" id=${`${prefix}serious_injury`} checked=${v.serious_injury}
          onChange=${set('serious_injury')} /> Serious injury</label>
        <label class="check"><input type="checkbox" id=${`${prefix}mdl_master`} checked=${v.mdl_master}
          onChange=${set('mdl_master')} /> Master case in multi-district litigation</label>
      </div>
      <${Field} id=${`${prefix}description`} label="Description">
        <textarea id=${`${prefix}description`} rows="4" value=${v.description} onInput=${set('description')}
          ...${pp('description')}></textarea>
      <//>
      ${creating ? null : html`<div class="form-grid">
        <${Field} id="ec-liability_code" label="Liability code">
          <input id="ec-liability_code" value=${v.liability_code} onInput=${set('liability_code')} autocomplete="off"
            ...${pp('liability_code')} />
        <//>
        <${Field} id="ec-liability_percent" label="Liability %" hint="The share of liability, 0 to 100">
          <input id="ec-liability_percent" inputmode="decimal" value=${v.liability_percent} onInput=${set('liability_percent')}
            autocomplete="off" ...${form.pp('liability_percent', 'ec-liability_percent-hint')} />
        <//>
      </div>
      <${Field} id="ec-incident_facts" label="Incident facts" hint="Up to 4,000 characters">
        <textarea id="ec-incident_facts" rows="5" value=${v.incident_facts} onInput=${set('incident_facts')} maxlength="4000"
          ...${form.pp('incident_facts', 'ec-incident_facts-hint')}></textarea>
      <//>`}
    </fieldset>
    <${FormActions} form=${form} label=${creating ? 'Open case' : 'Save changes'}
      busyLabel=${creating ? 'Opening…' : 'Saving…'} onCancel=${onCancel} />
  </form>`;
}
