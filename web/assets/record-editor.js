// record-editor.js - what the editors of the case summary's areas share: a form described by a
// list of fields (RecordForm) and a table of rows with add, edit and delete (RecordList), over
// one collection under a case (/api/v1/cases/{id}/insurance, .../tasks, .../courts, ...). POST
// adds, PATCH with If-Match sends only the members that changed, DELETE asks first; a problem the
// server names is shown beside its input. The editors themselves (which fields, which columns)
// are case-sides-edit.js, case-courts-edit.js and case-work-edit.js; the Panel is ui.js.
//
// The summary page's areas get these through AddButton (a panel with a new row's form) and
// RowEditButton (Edit in a panel, Delete asking first), each loading what its form needs to
// choose from (people, parties, setup lists) when it opens.
//
// A field: {k (the request member), label, type, src (the row member it is read from, when that
// is a ref {id, name}), required, hint, wide, fixed (set on create only), def (a new row's
// value), always (sent on create even when empty or false), showIf(values, ctx), options
// ([{value, label}] or (values, ctx) => [...])}. Types: text, textarea, int, percent, money
// (dollars typed, cents sent), date, datetime (local, sent as ISO UTC), bool, select, contact
// (a ContactPicker; `only` / `kind` as there), and custom ({toForm(row), fromForm(value) ->
// {value} | {error}, render({id, value, set, invalid, ctx})}).
import { html, useState, useRef, useEffect, useLayoutEffect } from '/vendor/preact-htm.js';
import { post, patch, del } from './api.js';
import { Alert, Button, Dash, Field, Panel, RemoveButtons, Spinner } from './ui.js';
import { useRemoval } from './hooks.js';
import { useForm, FormActions } from './forms.js';
import { ContactPicker } from './pickers.js';
import { centsToDollars, fmtDate, fmtMoney, parseDollars, toLocalInput, fromLocalInput } from './format.js';

/** A ref {id, name} as a contact picker's value. */
export const pickerValue = (r) => (r ? { id: r.id, display_name: r.name } : null);

/** A ref's name, or a dash. */
export const refCell = (r) => (r?.name ? r.name : html`<${Dash} />`);

/** Cents as money, or a dash for null. */
export const moneyCell = (c) => (c === null || c === undefined ? html`<${Dash} />` : fmtMoney(c));

/** A date, or a dash. */
export const dateCell = (d) => (d ? html`<time datetime=${d}>${fmtDate(d)}</time>` : html`<${Dash} />`);

/** Text, or a dash. */
export const textCell = (t) => (t ? t : html`<${Dash} />`);

/** The form value of field f from a row (or a new row's default). */
function toForm(f, row) {
  if (f.type === 'custom') return f.toForm(row);
  const v = row ? row[f.src || f.k] : f.def;
  if (f.type === 'bool') return !!v;
  if (f.type === 'contact') return v ? pickerValue(v) : null;
  if (v === null || v === undefined) return '';
  if (f.type === 'money') return row ? centsToDollars(v) : String(v);
  if (f.type === 'datetime') return row ? toLocalInput(v) : v;
  if (typeof v === 'object') return String(v.id); // a ref shown in a select
  return String(v);
}

/** The request value of field f from its form value: {value} or {error}. */
function fromForm(f, s) {
  switch (f.type) {
    case 'custom': return f.fromForm(s);
    case 'bool': return { value: !!s };
    case 'contact': return { value: s ? s.id : null };
    case 'text': case 'textarea': return { value: s.trim() };
    case 'int':
      if (!s.trim()) return { value: null };
      return /^\d{1,9}$/.test(s.trim()) ? { value: Number(s.trim()) } : { error: 'must be a whole number, 0 or more' };
    case 'percent': {
      if (!s.trim()) return { value: null };
      const n = Number(s.trim());
      return /^\d{1,3}(\.\d{1,2})?$/.test(s.trim()) && n <= 100 ? { value: n } : { error: 'must be a percentage from 0 to 100' };
    }
    case 'money': {
      const c = parseDollars(s);
      return Number.isNaN(c) ? { error: 'must be an amount in dollars, like 25,000 or 1250.50' } : { value: c };
    }
    case 'date': return { value: s || null };
    case 'datetime':
      if (!s) return { value: null };
      return fromLocalInput(s) ? { value: fromLocalInput(s) } : { error: 'must be a date and time' };
    case 'select': return { value: s === '' ? null : f.numeric ? Number(s) : s };
    default: return { value: s };
  }
}

const isEmpty = (x) => x === null || x === undefined || x === '' || (Array.isArray(x) && x.length === 0);
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Add (no `row`) or edit one row: POST `path` (with `extra` members, e.g. the party) or PATCH
 * `path`/{id} with If-Match. onDone(saved row); a stale version offers onReload. `ctx` is handed
 * to the fields' showIf, options and render (the case's parties, the people, setup lists).
 */
export function RecordForm({ id, title, heading = true, fields, path, row, extra, ctx, submitLabel, onDone, onCancel, onReload,
  onDeleted, deleteQuestion = 'Delete?' }) {
  const editing = !!row;
  const start = useRef(Object.fromEntries(fields.map((f) => [f.k, toForm(f, row)]))).current;
  const [v, setV] = useState(start);
  const prefix = `${id}-`;
  const form = useForm(prefix);
  const ref = useRef(null);
  useLayoutEffect(() => ref.current?.querySelector('input:not([type="hidden"]), select, textarea')?.focus(), []);
  const visible = fields.filter((f) => !f.showIf || f.showIf(v, ctx));
  const problem = form.problem;

  function submit(e) {
    e.preventDefault();
    e.stopPropagation();
    const body = {};
    for (const f of fields) {
      if (editing && f.fixed) continue;
      if (f.showIf && !f.showIf(v, ctx)) {
        // No longer applies: an edit clears what it held, a new row leaves it out.
        if (editing && !isEmpty(start[f.k]) && start[f.k] !== false) body[f.k] = f.type === 'text' || f.type === 'textarea' ? '' : null;
        continue;
      }
      const { value, error } = fromForm(f, v[f.k]);
      if (error) return form.fail({ field: f.k, detail: error });
      if (f.required && isEmpty(value)) return form.fail({ field: f.k, detail: f.requiredText || 'is required' });
      if (editing) {
        if (!same(v[f.k], start[f.k])) body[f.k] = value;
      } else if (f.always || (!isEmpty(value) && value !== false)) {
        body[f.k] = value;
      }
    }
    if (editing && Object.keys(body).length === 0) return onCancel();
    if (!editing && extra) Object.assign(body, extra);
    return form.run(async () => {
      onDone(editing ? await patch(`${path}/${row.id}`, body, { ifMatch: row.version }) : await post(path, body));
    });
  }

  const control = (f) => {
    const fid = prefix + f.k;
    const bad = problem?.field === f.k;
    const hint = typeof f.hint === 'function' ? f.hint(v, ctx) : f.hint;
    const a = {
      'aria-invalid': bad ? 'true' : undefined,
      'aria-describedby': bad ? `${fid}-error` : hint ? `${fid}-hint` : undefined,
      class: bad ? 'is-invalid' : undefined,
    };
    const setTo = (value) => setV((x) => ({ ...x, [f.k]: value }));
    const set = (e) => setTo(e.currentTarget.type === 'checkbox' ? e.currentTarget.checked : e.currentTarget.value);
    const error = bad ? problem.detail : null;
    if (f.type === 'bool') {
      return html`<div class=${`field field-check ${f.wide ? 'span-2' : ''}`} key=${f.k}><label class="check">
        <input type="checkbox" id=${fid} checked=${v[f.k]} onChange=${set} disabled=${editing && f.fixed} ...${a} /> ${f.label}</label>
        ${error ? html`<p class="field-error" id=${`${fid}-error`}>${error}</p>` : null}</div>`;
    }
    let c;
    switch (f.type) {
      case 'textarea':
        c = html`<textarea id=${fid} rows=${f.rows || 3} value=${v[f.k]} onInput=${set} ...${a}></textarea>`;
        break;
      case 'select': {
        const options = typeof f.options === 'function' ? f.options(v, ctx) : f.options;
        c = html`<select id=${fid} value=${v[f.k]} onChange=${set} disabled=${editing && f.fixed} ...${a}>
          ${f.required && v[f.k] !== '' ? null : html`<option value="">${f.none || 'Choose…'}</option>`}
          ${options.map((o) => html`<option key=${o.value} value=${String(o.value)}>${o.label}</option>`)}
        </select>`;
        break;
      }
      case 'money':
        c = html`<div class="input-affix"><span aria-hidden="true">$</span>
          <input id=${fid} inputmode="decimal" value=${v[f.k]} onInput=${set} autocomplete="off" ...${a} /></div>`;
        break;
      case 'int': case 'percent':
        c = html`<input id=${fid} inputmode=${f.type === 'int' ? 'numeric' : 'decimal'} value=${v[f.k]} onInput=${set}
          autocomplete="off" ...${a} />`;
        break;
      case 'date':
        c = html`<input id=${fid} type="date" value=${v[f.k]} onChange=${set} ...${a} />`;
        break;
      case 'datetime':
        c = html`<input id=${fid} type="datetime-local" value=${v[f.k]} onChange=${set} ...${a} />`;
        break;
      case 'contact':
        if (editing && f.fixed) {
          c = html`<p class="picked"><span class="picked-name">${v[f.k]?.display_name}</span></p>`;
          break;
        }
        c = html`<${ContactPicker} id=${fid} label=${f.label} only=${f.only} kind=${f.kind} value=${v[f.k]}
          invalid=${bad} onChange=${setTo} />`;
        break;
      case 'custom':
        // A list of its own (attendees, personnel): a fieldset named by its legend.
        return html`<fieldset key=${f.k} class=${`field field-set ${f.wide ? 'span-2' : ''} ${bad ? 'has-error' : ''}`}
            aria-describedby=${bad ? `${fid}-error` : undefined}>
          <legend class="field-label">${f.label}</legend>
          ${f.render({ id: fid, value: v[f.k], set: setTo, invalid: bad, ctx, values: v })}
          ${error ? html`<p class="field-error" id=${`${fid}-error`}>${error}</p>`
            : hint ? html`<p class="field-hint" id=${`${fid}-hint`}>${hint}</p>` : null}
        </fieldset>`;
      default:
        c = html`<input id=${fid} value=${v[f.k]} onInput=${set} autocomplete="off" ...${a} />`;
    }
    return html`<${Field} key=${f.k} id=${fid} label=${f.label} required=${f.required} hint=${hint} error=${error}
      className=${f.wide ? 'span-2' : ''}>${c}<//>`;
  };

  // A problem that names no input of the form (or a stale version) goes above the fields.
  const elsewhere = problem && !visible.some((f) => f.k === problem.field);
  return html`<form class="inline-form record-form" ref=${ref} onSubmit=${submit} novalidate aria-label=${title}>
    ${heading ? html`<h4 class="form-title">${title}</h4>` : null}
    ${elsewhere ? html`<${Alert} kind="error" id=${`${prefix}error`}>${problem.detail}
      ${problem.stale && onReload ? html` <button type="button" class="link-btn" onClick=${onReload}>Reload</button>` : null}<//>` : null}
    <div class="form-grid form-grid-2">${visible.map(control)}</div>
    <div class="record-form-foot">
      <${FormActions} form=${form} label=${submitLabel || (editing ? 'Save' : 'Add')} onCancel=${onCancel} />
      ${editing && onDeleted ? html`<${DeleteRow} path=${`${path}/${row.id}`} row=${row} title=${title} question=${deleteQuestion}
        onDeleted=${onDeleted} />` : null}
    </div>
  </form>`;
}

/**
 * Delete in a form's foot, asking first ("Delete?", Keep): DELETE `path`, then onDeleted(); a
 * row already gone counts as deleted.
 */
export function DeleteRow({ path, row, title, question, label = 'Delete', onDeleted }) {
  const removal = useRemoval();
  async function remove() {
    const err = await removal.remove(row.id, () => del(path), 'Not deleted');
    if (!err || err.status === 404) onDeleted();
  }
  return html`<div class="delete-row">
    ${removal.error ? html`<span class="row-error" role="alert">${removal.error}</span>` : null}
    <${RemoveButtons} removal=${removal} id=${row.id} label=${`Delete: ${title.replace(/^Edit /, '')}`} question=${question}
      onConfirm=${remove} />
  </div>`;
}

/**
 * The rows of one collection as a table with Edit and Delete on each and an Add button, the
 * forms opening in place (RecordForm). `rows` come from the caller, who reloads them when
 * onChanged() is called after a change. `name(row)` names a row for buttons and the row's
 * data-row attribute; `columns` are [{label, cell(row)}]; `actions(row)` adds buttons.
 */
export function RecordList({ id, title, singular, rows, columns, fields, path, extra, ctx, canEdit = true, name,
  empty, actions, onChanged }) {
  const [adding, setAdding] = useState(false);
  const [editId, setEditId] = useState(null);
  const removal = useRemoval();
  const titleId = `${id}-title`;
  const cols = columns.length + (canEdit || actions ? 1 : 0);

  async function remove(row) {
    const err = await removal.remove(row.id, () => del(`${path}/${row.id}`), `${name(row)} was not deleted`);
    if (!err || err.status === 404) onChanged();
  }
  const done = () => { setAdding(false); setEditId(null); onChanged(); };
  const reload = () => { setEditId(null); onChanged(); };

  return html`<section class="record-list" aria-labelledby=${titleId}>
    <div class="record-list-head">
      <h4 class="record-list-title" id=${titleId}>${title}${rows ? html` <span class="count-badge">${rows.length}</span>` : null}</h4>
      ${canEdit && !adding ? html`<${Button} size="sm" kind="secondary" icon="plus"
        onClick=${() => { setAdding(true); setEditId(null); removal.clearError(); }}>Add ${singular}<//>` : null}
    </div>
    ${removal.error ? html`<${Alert} kind="error" onClose=${removal.clearError}>${removal.error}<//>` : null}
    ${adding ? html`<${RecordForm} id=${`${id}-new`} title=${`Add ${singular}`} fields=${fields} path=${path} extra=${extra} ctx=${ctx}
      submitLabel=${`Add ${singular}`} onDone=${done} onCancel=${() => setAdding(false)} />` : null}
    ${!rows || rows.length === 0 ? (adding ? null : html`<p class="card-empty">${empty || `No ${title.toLowerCase()} yet.`}</p>`)
      : html`<div class="table-wrap"><table class="table table-stack record-table" aria-labelledby=${titleId}>
        <thead><tr>
          ${columns.map((c) => html`<th scope="col" key=${c.label}>${c.label}</th>`)}
          ${cols > columns.length ? html`<th scope="col"><span class="visually-hidden">Actions</span></th>` : null}
        </tr></thead>
        <tbody>
          ${rows.flatMap((row) => [html`<tr key=${row.id} data-row=${name(row)}>
              ${columns.map((c) => html`<td key=${c.label} data-label=${c.label}>${c.cell(row)}</td>`)}
              ${cols > columns.length ? html`<td class="cell-actions"><div class="row-actions">
                ${removal.asking === row.id ? null : html`${actions ? actions(row) : null}
                  ${canEdit ? html`<${Button} size="sm" kind="ghost" icon="edit" aria-label=${`Edit ${name(row)}`}
                    aria-expanded=${editId === row.id ? 'true' : 'false'}
                    onClick=${() => { setEditId(editId === row.id ? null : row.id); setAdding(false); }}>Edit<//>` : null}`}
                ${canEdit ? html`<${RemoveButtons} removal=${removal} id=${row.id} label=${`Delete ${name(row)}`}
                  question=${`Delete ${name(row)}?`} onConfirm=${() => remove(row)} />` : null}
              </div></td>` : null}
            </tr>`,
            editId === row.id ? html`<tr key=${`edit-${row.id}`} class="detail-row"><td colspan=${cols}>
              <${RecordForm} key=${row.version} id=${`${id}-${row.id}`} title=${`Edit ${name(row)}`} fields=${fields} path=${path}
                row=${row} ctx=${ctx} onDone=${done} onCancel=${() => setEditId(null)} onReload=${reload} />
            </td></tr>` : null])}
        </tbody>
      </table></div>`}
  </section>`;
}

/**
 * Runs `load()` (what a form chooses from) once, and again on retry: {ctx, error, retry}. `ctx`
 * is {} without a loader, null while loading.
 */
export function useLoaded(load) {
  const [state, setState] = useState({ ctx: load ? null : {}, error: null });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!load) return undefined;
    let live = true;
    setState({ ctx: null, error: null });
    load().then((ctx) => { if (live) setState({ ctx, error: null }); })
      .catch((err) => { if (live) setState({ ctx: null, error: err.detail || String(err) }); });
    return () => { live = false; };
  }, [tick]);
  return { ...state, retry: () => setTick((t) => t + 1) };
}

/** What a panel shows while its form's choices load, or when they could not be. */
export function Loading({ loaded, label = 'Loading…' }) {
  if (loaded.error) {
    return html`<${Alert} kind="error" title="The form could not be prepared">${loaded.error}
      <button type="button" class="link-btn" onClick=${loaded.retry}>Try again</button><//>`;
  }
  return html`<${Spinner} label=${label} />`;
}

/**
 * A side panel holding one RecordForm (new without `row`); its choices come from `load`. With
 * `onDeleted`, an existing row can be deleted from the form's foot.
 */
export function FormPanel({ id, title, fields, path, row, extra, load, submitLabel, onDone, onDeleted, deleteQuestion, onClose }) {
  const loaded = useLoaded(load);
  return html`<${Panel} id=${id} title=${title} onClose=${onClose}>
    ${!loaded.ctx ? html`<${Loading} loaded=${loaded} />`
      : html`<${RecordForm} id=${`${id}-form`} title=${title} fields=${fields} path=${path} row=${row} extra=${extra}
          heading=${false} ctx=${loaded.ctx} submitLabel=${submitLabel} onDone=${onDone} onCancel=${onClose} onReload=${onClose}
          onDeleted=${onDeleted} deleteQuestion=${deleteQuestion} />`}
  <//>`;
}

/**
 * The Add button of an area's header and the panel it opens. `label` is the button's name for
 * screen readers ("Add a court"); onChanged() after the row is added.
 */
export function AddButton({ id, label, title, text = 'Add', fields, path, extra, load, submitLabel, onChanged }) {
  const [open, setOpen] = useState(false);
  return html`<${Button} size="sm" kind="secondary" icon="plus" aria-label=${label} aria-haspopup="dialog"
      onClick=${() => setOpen(true)}>${text}<//>
    ${open ? html`<${FormPanel} id=${id} title=${title} fields=${fields} path=${path} extra=${extra} load=${load}
      submitLabel=${submitLabel} onDone=${() => { setOpen(false); onChanged(); }} onClose=${() => setOpen(false)} />` : null}`;
}

/**
 * Edit on one row of a summary table: the row's form in a panel, with Delete (asking first) in
 * its foot; `name` names the row ("plaintiff SOL of John Client"). onChanged() after either.
 * One small button, so that the narrow tables of the page keep their room.
 */
export function RowEditButton({ id, name, title, fields, path, row, load, onChanged }) {
  const [open, setOpen] = useState(false);
  const done = () => { setOpen(false); onChanged(); };
  return html`<${Button} size="sm" kind="ghost" icon="edit" iconOnly aria-label=${`Edit ${name}`} aria-haspopup="dialog"
      onClick=${() => setOpen(true)}>Edit<//>
    ${open ? html`<${FormPanel} id=${`${id}-${row.id}`} title=${title || `Edit ${name}`} fields=${fields} path=${path} row=${row}
      load=${load} onDone=${done} onDeleted=${done} deleteQuestion=${`Delete ${name}?`} onClose=${() => setOpen(false)} />` : null}`;
}
