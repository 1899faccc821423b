// setup-lists.js - Setup > the firm's lists (case types with their subtypes, status types,
// statuses, close reasons, roles, note types, value ranges, deadline types, the case summary's
// flags and the user-defined fields of each case type) and Setup > Settings (the case number
// pattern). One editor serves every list, driven by a description of its fields (LISTS):
// add (POST), edit (PATCH with If-Match, only what changed), delete (a 409 says where the item
// is in use). Money is typed in dollars and sent as integer cents. API: /api/v1/setup/*.
// Users and offices are setup-users.js and setup-offices.js.
import { html, useState, useEffect, useRef, useLayoutEffect } from '/vendor/preact-htm.js';
import { get, getAll, post, patch, del } from './api.js';
import { Alert, Button, Dash, EmptyState, Field, RemoveButtons, Spinner } from './ui.js';
import { useRemoval } from './hooks.js';
import { useForm, FormProblem, FormActions } from './forms.js';
import { forgetLists, GROUPS, GROUP_LABELS } from './lists.js';
import { centsToDollars, fmtMoney, parseDollars, todayISO } from './format.js';

const GROUP_OPTIONS = GROUPS.map((g) => ({ value: g, label: GROUP_LABELS[g] }));
const CATEGORY_OPTIONS = [
  { value: '', label: 'None' }, { value: 'attorney', label: 'Attorney' }, { value: 'paralegal', label: 'Paralegal' },
  { value: 'case_manager', label: 'Case manager' }, { value: 'advisor', label: 'Advisor' }, { value: 'owner', label: 'Owner' },
];
const POSITION = { k: 'position', label: 'Order', type: 'int', hint: 'Lower numbers come first' };

// The rules a flag can follow (domain/flag.h) and where its details live on the case page.
const CONDITION_OPTIONS = [
  { value: 'serious_injury', label: 'The case is marked serious injury' },
  { value: 'mdl_master', label: 'The case is an MDL master case' },
  { value: 'bankruptcy', label: 'A party has a bankruptcy' },
  { value: 'referred_out', label: 'The case was referred out' },
  { value: 'deceased_plaintiff', label: 'A plaintiff has died' },
  { value: 'minor_plaintiff', label: 'A plaintiff is under 18' },
  { value: 'sol_past_due', label: 'An SOL is past due' },
  { value: 'deadline_past_due', label: 'A critical deadline is past due' },
  { value: 'liens', label: 'A plaintiff has a lien' },
  { value: 'critical_task', label: 'An open task is critical' },
  { value: 'udf_equals', label: 'A user-defined field has a value' },
  { value: 'udf_set', label: 'A user-defined field is filled in' },
];
const TARGET_OPTIONS = [
  { value: 'info', label: 'Case information' }, { value: 'incident', label: 'Incident facts' },
  { value: 'injuries', label: 'Injuries' }, { value: 'plaintiffs', label: 'Plaintiffs' },
  { value: 'defendants', label: 'Defendants' }, { value: 'deadlines', label: 'Deadlines' },
  { value: 'tasks', label: 'Tasks' }, { value: 'liens', label: 'Liens' }, { value: 'bankruptcy', label: 'Bankruptcy' },
  { value: 'surrogate', label: 'Surrogate' }, { value: 'referral', label: 'Referral' },
  { value: 'udf', label: 'User-defined fields' },
];
const FORMAT_OPTIONS = [
  { value: 'text', label: 'Text' }, { value: 'number', label: 'Number' }, { value: 'money', label: 'Money' },
  { value: 'date', label: 'Date' }, { value: 'yesno', label: 'Yes / no' }, { value: 'picklist', label: 'Picklist' },
];
const udfCondition = (v) => v.condition === 'udf_equals' || v.condition === 'udf_set';

/**
 * The lists. Field types: text, int, bool, money (cents), select (options; `nullable` sends
 * null for ""), ref (an id from another list, `ref` names it), lines (a text area, one value a
 * line, sent as a JSON array). `fixed` fields are set on create only; `table: false` ones are
 * in the form only; bool fields show as badges beside the name; `showIf(values)` shows a field
 * only when it applies (hidden, it is not sent, or sent empty to clear it); a function `hint`
 * gets the form's values. `cache` is the name lists.js keeps the list under; `filter` names a
 * ref field the table can be narrowed by (`filterText`: its label and "all" choice).
 */
export const LISTS = [
  {
    id: 'case-types', label: 'Case types', singular: 'case type', path: '/setup/case-types', cache: 'caseTypes',
    intro: 'The kinds of case the firm handles. The group decides which stages a case goes through.',
    fields: [{ k: 'name', label: 'Name', type: 'text', required: true },
      { k: 'group', label: 'Group', type: 'select', options: GROUP_OPTIONS, required: true }, POSITION],
    children: {
      id: 'case-subtypes', label: 'Subtypes', singular: 'subtype', path: '/setup/case-subtypes', cache: 'subtypes',
      parentKey: 'case_type_id', fields: [{ k: 'name', label: 'Name', type: 'text', required: true }, POSITION],
    },
  },
  {
    id: 'status-types', label: 'Status types', singular: 'status type', path: '/setup/status-types', cache: 'statusTypes',
    intro: 'One status type is the stage (the primary status of every case); the others are sub-statuses, at most one current per case.',
    fields: [{ k: 'name', label: 'Name', type: 'text', required: true },
      { k: 'stage', label: 'Stage (the primary status)', short: 'Stage', type: 'bool' }, POSITION],
  },
  {
    id: 'statuses', label: 'Statuses', singular: 'status', path: '/setup/statuses', cache: 'statuses',
    intro: 'The statuses of each status type, with the number of days a case is expected to stay. The closing status closes a case (stage type only).',
    filter: 'status_type_id',
    fields: [{ k: 'status_type_id', label: 'Status type', type: 'ref', ref: 'status-types', required: true, fixed: true },
      { k: 'name', label: 'Name', type: 'text', required: true },
      { k: 'expected_days', label: 'Expected days', type: 'int' },
      { k: 'closing', label: 'Closing status ("Closed Case")', short: 'Closing', type: 'bool' },
      { k: 'group', label: 'Group', type: 'select', nullable: true, options: [{ value: '', label: 'Every group' }, ...GROUP_OPTIONS] },
      { ...POSITION, table: false }],
  },
  {
    id: 'close-reasons', label: 'Close reasons', singular: 'close reason', path: '/setup/close-reasons', cache: 'closeReasons',
    intro: 'Why a case was closed; asked for when a case reaches the closing status.',
    fields: [{ k: 'name', label: 'Name', type: 'text', required: true }, POSITION],
  },
  {
    id: 'roles', label: 'Roles', singular: 'role', path: '/setup/roles', cache: 'roles',
    intro: 'The roles people have on a case. The category says which column of case lists shows the person.',
    fields: [{ k: 'name', label: 'Name', type: 'text', required: true },
      { k: 'category', label: 'Category', type: 'select', options: CATEGORY_OPTIONS },
      { k: 'primary_advisor', label: 'Primary advisor (its advisors get "all primary advisors" reports)', short: 'Primary',
        type: 'bool', showIf: (v) => v.category === 'advisor' }, POSITION],
  },
  {
    id: 'note-types', label: 'Note types', singular: 'note type', path: '/setup/note-types', cache: 'noteTypes',
    intro: 'The kinds of note kept on a case.',
    fields: [{ k: 'name', label: 'Name', type: 'text', required: true },
      { k: 'client_facing', label: 'Client facing', short: 'Client facing', type: 'bool' }, POSITION],
  },
  {
    id: 'value-ranges', label: 'Value ranges', singular: 'value range', path: '/setup/value-ranges', cache: 'valueRanges',
    intro: 'The estimated values a case can have, in dollars, each with a disbursement limit.',
    fields: [{ k: 'name', label: 'Name', type: 'text', required: true },
      { k: 'low_cents', label: 'From ($)', short: 'From', type: 'money' },
      { k: 'high_cents', label: 'To ($)', short: 'To', type: 'money' },
      { k: 'disbursement_limit_cents', label: 'Disbursement limit ($)', short: 'Disbursement limit', type: 'money' }, POSITION],
  },
  {
    id: 'deadline-types', label: 'Deadline types', singular: 'deadline type', path: '/setup/deadline-types', cache: 'deadlineTypes',
    intro: 'The kinds of critical deadline a case can have, besides the plaintiff and defendant SOLs.',
    fields: [{ k: 'name', label: 'Name', type: 'text', required: true }, POSITION],
  },
  {
    id: 'flags', label: 'Flags', singular: 'flag', path: '/setup/flags', cache: 'flags',
    intro: 'Flags are shown on the case summary when their rule holds for the case; nobody sets them by hand. The target is where the case page links for the details.',
    fields: [{ k: 'name', label: 'Name', type: 'text', required: true },
      { k: 'condition', label: 'Shown when', type: 'select', options: CONDITION_OPTIONS, required: true },
      { k: 'param', label: 'Field', type: 'text', required: true, showIf: udfCondition, mono: true,
        hint: (v) => (v.condition === 'udf_equals' ? 'The field’s name, = and the value, like Policy type=Commercial (yes/no: 1 or 0; money in cents)'
          : 'The name of the user-defined field') },
      { k: 'target', label: 'Details in', type: 'select', options: TARGET_OPTIONS, required: true },
      { ...POSITION, table: false }],
  },
  {
    id: 'udf-fields', label: 'User-defined fields', singular: 'field', path: '/setup/udf-fields', cache: 'udfFields',
    intro: 'Fields of your own for the cases of one case type: text, numbers, money, dates, yes/no or a choice from a list.',
    filter: 'case_type_id', filterText: { label: 'Show the fields of', all: 'Every case type' },
    fields: [{ k: 'case_type_id', label: 'Case type', type: 'ref', ref: 'case-types', required: true },
      { k: 'name', label: 'Name', type: 'text', required: true },
      { k: 'format', label: 'Format', type: 'select', options: FORMAT_OPTIONS, required: true },
      { k: 'required', label: 'Required', type: 'bool' },
      { k: 'options', label: 'Choices', type: 'lines', required: true, showIf: (v) => v.format === 'picklist',
        hint: 'One choice a line, in the order they are offered' },
      { ...POSITION, table: false }],
  },
];

const labelsOf = (fields) => Object.fromEntries(fields.map((f) => [f.k, f.label]));

/** The form value of a field from an item ('' / false when absent). */
function toForm(f, item) {
  const v = item ? item[f.k] : undefined;
  if (f.type === 'bool') return !!v;
  if (f.type === 'lines') return Array.isArray(v) ? v.join('\n') : '';
  if (f.type === 'money') return v === null || v === undefined ? '' : centsToDollars(v);
  return v === null || v === undefined ? '' : String(v);
}

/** The API value of a field from the form; {error} when it cannot be read. */
function fromForm(f, s) {
  if (f.type === 'bool') return { value: !!s };
  if (f.type === 'text') return { value: s.trim() };
  if (f.type === 'lines') return { value: s.split('\n').map((x) => x.trim()).filter(Boolean) };
  if (f.type === 'int') {
    if (s.trim() === '') return { value: null };
    return /^\d{1,9}$/.test(s.trim()) ? { value: Number(s.trim()) } : { error: 'must be a whole number, 0 or more' };
  }
  if (f.type === 'money') {
    const c = parseDollars(s);
    return Number.isNaN(c) ? { error: 'must be an amount in dollars, like 25,000 or 1250.50' } : { value: c };
  }
  if (f.type === 'ref') return { value: s === '' ? null : Number(s) };
  return { value: s === '' && f.nullable ? null : s };
}

/** One setup list: the table, add, edit and delete. `parent` makes it a child list (subtypes). */
export function ListSection({ spec, parent }) {
  const [items, setItems] = useState(null);
  const [refs, setRefs] = useState({});
  const [loadError, setLoadError] = useState(null);
  const [adding, setAdding] = useState(false);
  const [editId, setEditId] = useState(null);
  const [childrenOf, setChildrenOf] = useState(null);
  const removal = useRemoval();
  const [notice, setNotice] = useState(null);
  const [filter, setFilter] = useState('');
  const listPath = parent ? `${spec.path}?${spec.parentKey}=${parent.id}` : spec.path;
  const refFields = spec.fields.filter((f) => f.type === 'ref');
  const titleId = `${spec.id}${parent ? `-${parent.id}` : ''}-title`;

  const seq = useRef(0);
  async function load() {
    const mine = ++seq.current; // an older answer arriving late must not replace a newer one
    setLoadError(null);
    try {
      const [list, ...refLists] = await Promise.all([getAll(listPath, 5000),
        ...refFields.map((f) => getAll(LISTS.find((l) => l.id === f.ref).path, 5000))]);
      if (mine !== seq.current) return;
      setItems(list);
      setRefs(Object.fromEntries(refFields.map((f, i) => [f.k, refLists[i]])));
    } catch (err) {
      if (mine === seq.current) setLoadError(err.detail);
    }
  }
  useEffect(() => { load(); }, [listPath]);

  function touched() {
    forgetLists(spec.cache);
  }
  function added(item) {
    touched();
    setAdding(false);
    setNotice(`Added ${item.name}.`);
    load();
  }
  function saved(item) {
    touched();
    setEditId(null);
    setNotice(`Saved ${item.name}.`);
    load();
  }
  async function remove(item) {
    setNotice(null);
    const err = await removal.remove(item.id, () => del(`${spec.path}/${item.id}`), `${item.name} was not deleted`);
    if (!err) {
      touched();
      setItems((l) => l.filter((x) => x.id !== item.id));
      setNotice(`Deleted ${item.name}.`);
    } else if (err.status === 404) {
      load();
    }
  }

  let shown = items;
  if (items && spec.filter) {
    // Grouped by the parent list's order (statuses by status type), then as the server sorts.
    const order = (refs[spec.filter] || []).map((r) => r.id);
    shown = items.filter((x) => !filter || String(x[spec.filter]) === filter)
      .map((x, i) => [x, i]).sort((a, b) => (order.indexOf(a[0][spec.filter]) - order.indexOf(b[0][spec.filter])) || a[1] - b[1])
      .map(([x]) => x);
  }
  const columns = spec.fields.filter((f) => f.table !== false && f.type !== 'bool');
  const badges = spec.fields.filter((f) => f.type === 'bool');
  const cols = columns.length + 1;
  const display = (f, item) => {
    const v = item[f.k];
    if (f.k === 'name') {
      return html`<span class="cell-strong">${v}</span>${badges.filter((b) => item[b.k]).map((b) => html` <span
        key=${b.k} class="badge badge-accent">${b.short || b.label}</span>`)}`;
    }
    if (f.type === 'money') return v === null || v === undefined ? html`<${Dash} />` : fmtMoney(v);
    if (f.type === 'ref') return (refs[f.k] || []).find((r) => r.id === v)?.name || html`<${Dash} />`;
    if (f.type === 'select') return f.options.find((o) => o.value === (v ?? ''))?.label || v || html`<${Dash} />`;
    if (f.type === 'lines') return Array.isArray(v) && v.length ? v.join(', ') : html`<${Dash} />`;
    if (v === null || v === undefined || v === '') return html`<${Dash} />`;
    return String(v);
  };

  return html`<section class=${parent ? 'child-list' : 'card'} aria-labelledby=${titleId}>
    <div class="card-head">
      <div class="card-head-text">
        ${parent ? html`<h3 id=${titleId} class="card-title">${spec.label} of ${parent.name}</h3>`
          : html`<h2 id=${titleId} class="card-title">${spec.label}</h2>`}
        ${shown ? html`<span class="count-badge">${shown.length}</span>` : null}
      </div>
      <div class="card-actions">
        ${spec.filter && refs[spec.filter] ? html`<label class="visually-hidden" for=${`${spec.id}-filter`}>${spec.filterText?.label || 'Show the statuses of'}</label>
          <select id=${`${spec.id}-filter`} class="select-sm" value=${filter} onChange=${(e) => setFilter(e.currentTarget.value)}>
            <option value="">${spec.filterText?.all || 'Every status type'}</option>
            ${refs[spec.filter].map((r) => html`<option key=${r.id} value=${String(r.id)}>${r.name}</option>`)}
          </select>` : null}
        ${!adding ? html`<${Button} kind=${parent ? 'secondary' : 'primary'} size=${parent ? 'sm' : undefined} icon="plus"
          onClick=${() => { setAdding(true); setNotice(null); setEditId(null); }}>Add ${spec.singular}<//>` : null}
      </div>
    </div>
    ${spec.intro && !parent ? html`<p class="card-intro">${spec.intro}</p>` : null}
    ${adding ? html`<${ItemForm} spec=${spec} parent=${parent} refs=${refs}
      initial=${spec.filter && filter ? { [spec.filter]: Number(filter) } : null}
      onDone=${added} onCancel=${() => setAdding(false)} />` : null}
    ${notice || removal.error ? html`<div class="card-alerts">
      ${notice ? html`<${Alert} kind="success" onClose=${() => setNotice(null)}>${notice}<//>` : null}
      ${removal.error ? html`<${Alert} kind="error" onClose=${removal.clearError}>${removal.error}<//>` : null}
    </div>` : null}
    ${loadError ? html`<div class="card-alerts"><${Alert} kind="error" title=${`The ${spec.label.toLowerCase()} could not be loaded`}>
        ${loadError} <button type="button" class="link-btn" onClick=${load}>Try again</button><//></div>`
      : !shown ? html`<${Spinner} label=${`Loading ${spec.label.toLowerCase()}…`} />`
      : shown.length === 0 ? html`<${EmptyState} icon="list" title=${`No ${spec.label.toLowerCase()} yet`}>
          Add the first one${parent ? '' : ' above'}.<//>`
      : html`<div class="table-wrap">
        <table class="table table-stack" aria-labelledby=${titleId}>
          <thead><tr>
            ${columns.map((f) => html`<th scope="col" key=${f.k}>${f.short || f.label}</th>`)}
            <th scope="col"><span class="visually-hidden">Actions</span></th>
          </tr></thead>
          <tbody>
            ${shown.flatMap((item) => [html`<tr key=${item.id} data-item=${item.name}>
                ${columns.map((f) => html`<td key=${f.k} data-label=${f.short || f.label}>${display(f, item)}</td>`)}
                <td class="cell-actions"><div class="row-actions">
                  ${removal.asking === item.id ? null : html`
                    ${spec.children ? html`<${Button} size="sm" kind="secondary" aria-expanded=${childrenOf === item.id ? 'true' : 'false'}
                      aria-label=${`${spec.children.label} of ${item.name}`}
                      onClick=${() => setChildrenOf(childrenOf === item.id ? null : item.id)}>${spec.children.label}<//>` : null}
                    <${Button} size="sm" kind="ghost" icon="edit" aria-label=${`Edit ${item.name}`}
                      aria-expanded=${editId === item.id ? 'true' : 'false'}
                      onClick=${() => { setEditId(editId === item.id ? null : item.id); setAdding(false); setNotice(null); }}>Edit<//>`}
                  <${RemoveButtons} removal=${removal} id=${item.id} label=${`Delete ${item.name}`}
                    question=${`Delete ${item.name}?`} onConfirm=${() => remove(item)} />
                </div></td>
              </tr>`,
              // Flat and keyed (not a fragment per item), so that an open form stays with its item
              // when the list reloads in another order.
              editId === item.id ? html`<tr key=${`edit-${item.id}`} class="detail-row"><td colspan=${cols}>
                <${ItemForm} spec=${spec} parent=${parent} refs=${refs} item=${item}
                  onDone=${saved} onReload=${() => { setEditId(null); load(); }} onCancel=${() => setEditId(null)} />
              </td></tr>` : null,
              spec.children && childrenOf === item.id ? html`<tr key=${`children-${item.id}`} class="detail-row"><td colspan=${cols}>
                <${ListSection} spec=${spec.children} parent=${item} />
              </td></tr>` : null])}
          </tbody>
        </table>
      </div>`}
  </section>`;
}

/** Add (no `item`) or edit one item of a list. */
function ItemForm({ spec, parent, refs, item, initial, onDone, onReload, onCancel }) {
  const editing = !!item;
  const start = useRef(Object.fromEntries(spec.fields.map((f) => [f.k, toForm(f, item || initial)]))).current;
  const [v, setV] = useState(start);
  const prefix = `sl-${spec.id}-${item ? item.id : 'new'}-`;
  const form = useForm(prefix);
  const first = useRef(null);
  useLayoutEffect(() => first.current?.focus(), []);
  const labels = labelsOf(spec.fields);

  function submit(e) {
    e.preventDefault();
    const body = {};
    for (const f of spec.fields) {
      if (editing && f.fixed) continue;
      if (f.showIf && !f.showIf(v)) {
        // A field that no longer applies is cleared (an edit) or left out (a new item).
        if (editing && start[f.k] !== '') body[f.k] = fromForm(f, '').value;
        continue;
      }
      if (f.required && typeof v[f.k] === 'string' && !v[f.k].trim()) return form.fail({ field: f.k, detail: 'is required' });
      const { value, error } = fromForm(f, v[f.k]);
      if (error) return form.fail({ field: f.k, detail: error });
      if (f.required && Array.isArray(value) && !value.length) return form.fail({ field: f.k, detail: 'give at least one' });
      if (editing) {
        if (v[f.k] !== start[f.k]) body[f.k] = value;
      } else if (value !== null && value !== '' && value !== false && !(Array.isArray(value) && !value.length)) {
        body[f.k] = value; // a new item leaves out what is empty: the server's default applies
      }
    }
    if (editing && Object.keys(body).length === 0) return onCancel();
    if (parent && !editing) body[spec.parentKey] = parent.id;
    return form.run(async () => {
      onDone(editing ? await patch(`${spec.path}/${item.id}`, body, { ifMatch: item.version }) : await post(spec.path, body));
    });
  }

  const input = (f, i) => {
    if (f.showIf && !f.showIf(v)) return null;
    const id = prefix + f.k;
    const hint = typeof f.hint === 'function' ? f.hint(v) : f.hint;
    const pp = form.pp(f.k, hint ? `${id}-hint` : undefined);
    const ref = i === 0 ? first : undefined;
    const set = (e) => {
      const t = e.currentTarget;
      const value = t.type === 'checkbox' ? t.checked : t.value;
      setV((x) => ({ ...x, [f.k]: value }));
    };
    if (f.type === 'bool') {
      return html`<div class="field field-check" key=${f.k}><label class="check">
        <input type="checkbox" id=${id} ref=${ref} checked=${v[f.k]} onChange=${set} ...${pp} /> ${f.label}</label></div>`;
    }
    let control;
    if (f.type === 'select' || f.type === 'ref') {
      const options = f.type === 'ref'
        ? [{ value: '', label: `Choose a ${f.label.toLowerCase()}` }, ...(refs[f.k] || []).map((r) => ({ value: String(r.id), label: r.name }))]
        : f.options;
      control = html`<select id=${id} ref=${ref} value=${v[f.k]} onChange=${set} disabled=${editing && f.fixed} ...${pp}>
        ${!f.options?.some((o) => o.value === '') && f.type === 'select' ? html`<option value="">Choose…</option>` : null}
        ${options.map((o) => html`<option key=${o.value} value=${o.value}>${o.label}</option>`)}
      </select>`;
    } else if (f.type === 'money') {
      control = html`<div class="input-affix"><span aria-hidden="true">$</span>
        <input id=${id} ref=${ref} inputmode="decimal" value=${v[f.k]} onInput=${set} autocomplete="off" ...${pp} /></div>`;
    } else if (f.type === 'int') {
      control = html`<input id=${id} ref=${ref} type="number" min="0" step="1" inputmode="numeric" value=${v[f.k]} onInput=${set} ...${pp} />`;
    } else if (f.type === 'lines') {
      control = html`<textarea id=${id} ref=${ref} rows="5" value=${v[f.k]} onInput=${set} ...${pp}></textarea>`;
    } else if (f.mono) {
      const { class: invalid, ...rest } = pp;
      control = html`<input id=${id} ref=${ref} class=${invalid ? `mono ${invalid}` : 'mono'} value=${v[f.k]} onInput=${set}
        autocomplete="off" spellcheck="false" ...${rest} />`;
    } else {
      control = html`<input id=${id} ref=${ref} value=${v[f.k]} onInput=${set} autocomplete="off" ...${pp} />`;
    }
    return html`<${Field} key=${f.k} id=${id} label=${f.label} required=${f.required} hint=${hint}>${control}<//>`;
  };

  const title = editing ? `Edit ${item.name}` : `Add a ${spec.singular}`;
  return html`<form class="inline-form" onSubmit=${submit} novalidate aria-label=${title}>
    <h3 class="form-title">${title}</h3>
    <${FormProblem} form=${form} prefix=${prefix} labels=${labels} onReload=${onReload} />
    <div class="form-grid">${spec.fields.map(input)}</div>
    <${FormActions} form=${form} label=${editing ? 'Save' : `Add ${spec.singular}`} onCancel=${onCancel} />
  </form>`;
}

/** A case number as the pattern would make it today for sequence number seq (a preview). */
function previewNumber(pattern, seq) {
  const [y, m, d] = todayISO().split('-');
  let ok = false;
  const out = pattern.replace(/\{(YYYY|YY|MM|DD|SEQ)(?::(\d{1,2}))?\}/g, (all, tok, width) => {
    if (tok === 'YYYY') return y;
    if (tok === 'YY') return y.slice(2);
    if (tok === 'MM') return m;
    if (tok === 'DD') return d;
    ok = true;
    return String(seq).padStart(width ? Number(width) : 0, '0');
  });
  return ok ? out : null;
}

/** Setup > Settings: the case number pattern. */
export function SettingsSection() {
  const [settings, setSettings] = useState(null);
  const [pattern, setPattern] = useState('');
  const [loadError, setLoadError] = useState(null);
  const [notice, setNotice] = useState(null);
  const form = useForm('set-');

  async function load() {
    setLoadError(null);
    try {
      const s = await get('/setup/settings');
      setSettings(s);
      setPattern(s.case_number_pattern || '');
    } catch (err) {
      setLoadError(err.detail);
    }
  }
  useEffect(() => { load(); }, []);

  function submit(e) {
    e.preventDefault();
    setNotice(null);
    if (!pattern.trim()) return form.fail({ field: 'case_number_pattern', detail: 'is required' });
    return form.run(async () => {
      const s = await patch('/setup/settings', { case_number_pattern: pattern.trim() });
      setSettings(s);
      setPattern(s.case_number_pattern || '');
      setNotice('Saved. New cases are numbered with this pattern.');
    });
  }

  const preview = previewNumber(pattern, 42);
  return html`<section class="card" aria-labelledby="settings-title">
    <div class="card-head"><h2 id="settings-title" class="card-title">Settings</h2></div>
    ${loadError ? html`<div class="card-alerts"><${Alert} kind="error" title="The settings could not be loaded">
        ${loadError} <button type="button" class="link-btn" onClick=${load}>Try again</button><//></div>`
      : !settings ? html`<${Spinner} label="Loading settings…" />`
      : html`<form class="settings-form" onSubmit=${submit} novalidate>
        ${notice ? html`<${Alert} kind="success" onClose=${() => setNotice(null)}>${notice}<//>` : null}
        <${FormProblem} form=${form} prefix="set-" labels=${{ case_number_pattern: 'Case number pattern' }} />
        <${Field} id="set-case_number_pattern" label="Case number pattern" required
          hint="{YYYY} {YY} {MM} {DD}: today's date; {SEQ} or {SEQ:5}: the firm's case counter, zero-padded to 5 digits. A pattern needs {SEQ}.">
          <input id="set-case_number_pattern" class="mono" value=${pattern} onInput=${(e) => setPattern(e.currentTarget.value)}
            autocomplete="off" spellcheck="false" ...${form.pp('case_number_pattern', 'set-case_number_pattern-hint')} />
        <//>
        <p class="preview" aria-live="polite">${preview
          ? html`The 42nd case would be numbered <strong class="mono">${preview}</strong>.`
          : html`<span class="field-error">Add {SEQ} so that every case gets its own number.</span>`}</p>
        <${FormActions} form=${form} label="Save settings" />
      </form>`}
  </section>`;
}
