// case-udf.js - the case's own free data, edited from the summary page: the user-defined fields
// (Edit in the User-defined fields area: every field of the case type by its format - text,
// number, money in dollars, date, yes/no, picklist - required ones marked; PATCH
// /api/v1/cases/{id}/udf sends the values that changed, all or nothing, and a 422 on
// `values.<field name>` is shown beside that field) and the incident facts (Edit in the
// Incident facts tab; PATCH /api/v1/cases/{id}). The fields themselves are set up in Setup >
// User-defined fields (setup-lists.js); the read-only area is case-summary.js.
import { html, useState, useRef, useLayoutEffect } from '/vendor/preact-htm.js';
import { get, patch } from './api.js';
import { Alert, Button, Field, Panel, Spinner } from './ui.js';
import { useForm, FormActions } from './forms.js';
import { areaActions } from './case-summary.js';
import { centsToDollars } from './format.js';
import { FormPanel } from './record-editor.js';

/** A stored value as the input shows it. */
function toInput(field, value) {
  if (value === null || value === undefined) return '';
  switch (field.format) {
    case 'money': return centsToDollars(value).replace(/,/g, '');
    case 'yesno': return value ? 'yes' : 'no';
    default: return String(value);
  }
}

/**
 * The value sent for what the input holds: {value} or {error}. Money is sent in dollars (the
 * server answers cents and refuses more than two decimals); "" clears (null).
 */
function fromInput(field, s) {
  const t = s.trim();
  if (t === '') return { value: null };
  switch (field.format) {
    case 'number':
      return /^-?\d+(\.\d+)?$/.test(t.replace(/,/g, '')) ? { value: Number(t.replace(/,/g, '')) } : { error: 'must be a number' };
    case 'money': {
      const m = t.replace(/^\$\s*/, '').replace(/,/g, '');
      return /^\d+(\.\d+)?$/.test(m) ? { value: Number(m) } : { error: 'must be an amount in dollars, like 1250.50' };
    }
    case 'yesno': return { value: t === 'yes' };
    case 'text': return { value: s };
    default: return { value: t };
  }
}

/** Edit in the area's header: the form in a side panel, read fresh from GET .../udf. */
function UdfButton({ kase, onChanged }) {
  const [open, setOpen] = useState(false);
  return html`<${Button} size="sm" kind="secondary" icon="edit" aria-label="Edit the user-defined fields" aria-haspopup="dialog"
      onClick=${() => setOpen(true)}>Edit<//>
    ${open ? html`<${UdfPanel} kase=${kase} onSaved=${() => { setOpen(false); onChanged(); }} onClose=${() => setOpen(false)} />` : null}`;
}

function UdfPanel({ kase, onSaved, onClose }) {
  const [items, setItems] = useState(null);
  const [error, setError] = useState(null);
  const [tick, setTick] = useState(0);
  useLayoutEffect(() => {
    let live = true;
    setError(null);
    get(`/cases/${kase.id}/udf`).then((r) => { if (live) setItems(r.items || []); }).catch((err) => { if (live) setError(err.detail); });
    return () => { live = false; };
  }, [tick]);
  return html`<${Panel} id="udf-edit" title="User-defined fields" onClose=${onClose}>
    ${error ? html`<${Alert} kind="error" title="The fields could not be loaded">${error}
        <button type="button" class="link-btn" onClick=${() => setTick((t) => t + 1)}>Try again</button><//>`
      : !items ? html`<${Spinner} label="Loading the fields…" />`
      : items.length === 0 ? html`<p class="card-empty">No user-defined fields are set up for this case type. An administrator
          adds them in Setup › User-defined fields.</p>`
      : html`<${UdfForm} kase=${kase} items=${items} onSaved=${onSaved} onCancel=${onClose} />`}
  <//>`;
}

/** The form: one input per field by its format; what changed is sent. */
function UdfForm({ kase, items, onSaved, onCancel }) {
  const start = useRef(Object.fromEntries(items.map((u) => [u.field.id, toInput(u.field, u.value)]))).current;
  const [v, setV] = useState(start);
  const form = useForm('udf-');
  const ref = useRef(null);
  useLayoutEffect(() => ref.current?.querySelector('input, select, textarea')?.focus(), []);
  const problem = form.problem;
  // The server names a field "values.<name>"; a check here names it the same way.
  const fieldOf = (p) => (p?.field?.startsWith('values.') ? items.find((u) => `values.${u.field.name}` === p.field) : null);
  const badItem = fieldOf(problem);

  function fail(u, detail) {
    form.fail({ field: `values.${u.field.name}`, detail });
    setTimeout(() => document.getElementById(`udf-${u.field.id}`)?.focus(), 0);
  }

  function submit(e) {
    e.preventDefault();
    const values = {};
    for (const u of items) {
      const id = u.field.id;
      if (v[id] === start[id]) continue;
      const { value, error } = fromInput(u.field, v[id]);
      if (error) return fail(u, error);
      if (value === null && u.field.required) return fail(u, 'is required');
      values[u.field.name] = value;
    }
    if (Object.keys(values).length === 0) return onCancel();
    return form.run(async () => {
      try {
        await patch(`/cases/${kase.id}/udf`, { values });
      } catch (err) {
        const u = fieldOf(err);
        if (u) setTimeout(() => document.getElementById(`udf-${u.field.id}`)?.focus(), 0);
        throw err;
      }
      onSaved();
    });
  }

  const input = (u) => {
    const f = u.field;
    const id = `udf-${f.id}`;
    const bad = badItem === u;
    const a = {
      id, 'aria-invalid': bad ? 'true' : undefined, 'aria-describedby': bad ? `${id}-error` : undefined,
      class: bad ? 'is-invalid' : undefined, 'data-udf': f.name,
    };
    const set = (e) => { const value = e.currentTarget.value; setV((x) => ({ ...x, [f.id]: value })); };
    let c;
    switch (f.format) {
      case 'date':
        c = html`<input type="date" value=${v[f.id]} onChange=${set} ...${a} />`;
        break;
      case 'yesno':
        c = html`<select value=${v[f.id]} onChange=${set} ...${a}>
          <option value="">Not set</option><option value="yes">Yes</option><option value="no">No</option></select>`;
        break;
      case 'picklist':
        c = html`<select value=${v[f.id]} onChange=${set} ...${a}>
          <option value="">Not set</option>
          ${(f.options || []).map((o) => html`<option key=${o} value=${o}>${o}</option>`)}
          ${v[f.id] && !(f.options || []).includes(v[f.id]) ? html`<option value=${v[f.id]}>${v[f.id]}</option>` : null}
        </select>`;
        break;
      case 'money':
        c = html`<div class="input-affix"><span aria-hidden="true">$</span>
          <input inputmode="decimal" value=${v[f.id]} onInput=${set} autocomplete="off" ...${a} /></div>`;
        break;
      case 'number':
        c = html`<input inputmode="decimal" value=${v[f.id]} onInput=${set} autocomplete="off" ...${a} />`;
        break;
      default:
        c = html`<input value=${v[f.id]} onInput=${set} autocomplete="off" ...${a} />`;
    }
    return html`<${Field} key=${f.id} id=${id} label=${f.name} required=${f.required} error=${bad ? problem.detail : null}
      hint=${f.format === 'money' ? 'In dollars' : null}>${c}<//>`;
  };

  return html`<form class="panel-form udf-form" ref=${ref} onSubmit=${submit} novalidate aria-label="User-defined fields">
    ${problem && !badItem ? html`<${Alert} kind="error" id="udf-error">${problem.detail}<//>` : null}
    ${items.some((u) => u.field.required) ? html`<p class="field-hint"><span class="req" aria-hidden="true">*</span> required</p>` : null}
    <div class="form-grid form-grid-2">${items.map(input)}</div>
    <${FormActions} form=${form} label="Save fields" onCancel=${onCancel} />
  </form>`;
}

const FACTS_FIELDS = [{ k: 'incident_facts', label: 'Incident facts', type: 'textarea', rows: 10, wide: true, hint: 'Up to 4,000 characters' }];

/** Edit in the Incident facts tab: the case's facts (PATCH /cases/{id} with If-Match). */
function FactsButton({ kase, onChanged }) {
  const [open, setOpen] = useState(false);
  return html`<${Button} size="sm" kind="secondary" icon="edit" aria-label="Edit the incident facts" aria-haspopup="dialog"
      onClick=${() => setOpen(true)}>Edit<//>
    ${open ? html`<${FormPanel} id="facts-edit" title="Incident facts" fields=${FACTS_FIELDS} path="/cases" row=${kase}
      onDone=${() => { setOpen(false); onChanged(); }} onClose=${() => setOpen(false)} />` : null}`;
}

areaActions.udf = (p) => (p.canEdit && p.summary?.udf?.length !== 0
  ? html`<${UdfButton} kase=${p.summary?.case || p.kase} onChanged=${p.onChanged} />` : null);
areaActions.incident_facts = (p) => (p.canEdit
  ? html`<${FactsButton} kase=${p.summary?.case || p.kase} onChanged=${p.onChanged} />` : null);
