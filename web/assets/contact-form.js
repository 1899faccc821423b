// contact-form.js - one contact in full, in a side panel: a person (first and last name,
// nickname, dates of birth and death, place of death, employer) or an organisation (its name),
// with languages, the preferred way to write to them, and lists of phones, e-mails and postal
// addresses with one primary each. New (POST /api/v1/contacts) or edited (PATCH with If-Match,
// only what changed; a list given replaces the stored one). Opened from the contact pickers
// ("New contact…", pickers.js) and from the party editors (case-sides-edit.js). A problem the
// server names (`emails[1].value`, `phones`, `employer_id`, ...) is shown beside its input.
import { html, useState, useRef, useLayoutEffect } from '/vendor/preact-htm.js';
import { get, post, patch } from './api.js';
import { Alert, Button, Field, Panel, Spinner } from './ui.js';
import { useForm, FormActions } from './forms.js';
import { ContactPicker } from './pickers.js';

const LABELS = {
  kind: 'Kind', first_name: 'First name', last_name: 'Last name', nickname: 'Nickname', org_name: 'Organisation',
  languages: 'Languages', employer_id: 'Employer', preferred_comm: 'Preferred communication',
  birth_date: 'Date of birth', death_date: 'Date of death', death_place: 'Place of death',
  phones: 'Phones', emails: 'E-mails', addresses: 'Addresses', phone: 'Phone', email: 'E-mail',
};
const TEXT = ['first_name', 'last_name', 'nickname', 'org_name', 'languages', 'death_place'];
const DATES = ['birth_date', 'death_date'];
const PERSON_ONLY = ['first_name', 'last_name', 'nickname', 'birth_date', 'death_date', 'death_place', 'employer_id'];
const ADDRESS_PARTS = [
  { k: 'line1', label: 'Street', wide: true }, { k: 'line2', label: 'Line 2', wide: true }, { k: 'city', label: 'City' },
  { k: 'region', label: 'State / region' }, { k: 'postcode', label: 'Postcode' }, { k: 'country', label: 'Country' },
];
// The lists of channels: what one row holds, and how it is named to a screen reader.
const CHANNELS = {
  phones: { one: 'Phone', max: 16, labels: ['mobile', 'home', 'work', 'fax', 'other'], blank: () => ({ label: '', value: '', primary: false }) },
  emails: { one: 'E-mail', max: 16, labels: ['personal', 'work', 'other'], blank: () => ({ label: '', value: '', primary: false }) },
  addresses: {
    one: 'Address', max: 8, labels: ['home', 'work', 'mailing', 'other'],
    blank: () => ({ label: '', line1: '', line2: '', city: '', region: '', postcode: '', country: '', primary: false }),
  },
};

/**
 * The contact panel. Without `contactId` it adds a contact (of `kind`, default person); with it,
 * it loads and edits that one. onSaved(contact) gets the server's answer; onCancel closes.
 */
export function ContactDialog({ id, contactId, kind = 'person', title, onSaved, onCancel }) {
  const [contact, setContact] = useState(null);
  const [error, setError] = useState(null);
  const [tick, setTick] = useState(0);
  useLayoutEffect(() => {
    if (!contactId) return undefined;
    let live = true;
    setError(null);
    setContact(null);
    get(`/contacts/${contactId}`).then((c) => { if (live) setContact(c); }).catch((err) => { if (live) setError(err.detail); });
    return () => { live = false; };
  }, [contactId, tick]);

  const heading = title || (contactId ? `Edit ${contact?.display_name || 'contact'}` : 'New contact');
  return html`<${Panel} id=${id} title=${heading} onClose=${onCancel}>
    ${!contactId ? html`<${ContactForm} id=${id} kind=${kind} onSaved=${onSaved} onCancel=${onCancel} />`
      : error ? html`<${Alert} kind="error" title="The contact could not be loaded">${error}
          <button type="button" class="link-btn" onClick=${() => setTick((t) => t + 1)}>Try again</button><//>`
      : !contact ? html`<${Spinner} label="Loading the contact…" />`
      : html`<${ContactForm} key=${contact.version} id=${id} contact=${contact} onSaved=${onSaved} onCancel=${onCancel}
          onReload=${() => setTick((t) => t + 1)} />`}
  <//>`;
}

/** The form values of a contact (or of a new one of `kind`). */
function formValues(c, kind) {
  const rows = (list, name) => (list && list.length ? list.map((r) => ({ ...CHANNELS[name].blank(), ...r, primary: !!r.primary }))
    : name === 'addresses' ? [] : [{ ...CHANNELS[name].blank(), primary: true }]);
  const v = {
    kind: c?.kind || kind, preferred_comm: c?.preferred_comm || 'email',
    employer: c?.employer ? { id: c.employer.id, display_name: c.employer.name } : null,
    phones: rows(c?.phones, 'phones'), emails: rows(c?.emails, 'emails'), addresses: rows(c?.addresses, 'addresses'),
  };
  for (const k of [...TEXT, ...DATES]) v[k] = c?.[k] || '';
  return v;
}

/** Whether a row of a list holds anything worth keeping. */
function filled(name, r) {
  if (name !== 'addresses') return !!r.value.trim();
  return ADDRESS_PARTS.some((p) => r[p.k].trim());
}

/** A list as sent: trimmed rows that hold something, at most one primary (the first marked). */
function cleanList(name, rows) {
  let primarySeen = false;
  return rows.filter((r) => filled(name, r)).map((r) => {
    const out = { label: r.label.trim() };
    if (name === 'addresses') for (const p of ADDRESS_PARTS) out[p.k] = r[p.k].trim();
    else out.value = r.value.trim();
    out.primary = !!r.primary && !primarySeen;
    if (out.primary) primarySeen = true;
    return out;
  });
}

/** The request body: every member for a new contact, only what changed for an edit. */
function requestBody(v, start, editing) {
  const person = v.kind === 'person';
  const body = {};
  const put = (k, value, before, empty) => {
    if (!person && PERSON_ONLY.includes(k)) return;
    if (editing ? JSON.stringify(value) !== JSON.stringify(before) : value !== empty && value !== null) body[k] = value;
  };
  if (!editing || v.kind !== start.kind) body.kind = v.kind;
  for (const k of TEXT) put(k, v[k].trim(), start[k].trim(), '');
  for (const k of DATES) put(k, v[k] || null, start[k] || null, null);
  if (person || editing) put('employer_id', person ? v.employer?.id ?? null : null, start.employer?.id ?? null, null);
  put('preferred_comm', v.preferred_comm, start.preferred_comm, 'email');
  for (const name of Object.keys(CHANNELS)) {
    const list = cleanList(name, v[name]);
    if (editing ? JSON.stringify(list) !== JSON.stringify(cleanList(name, start[name])) : list.length) body[name] = list;
  }
  return body;
}

/** The contact form itself (a <form> that keeps its submit from reaching a form around it). */
function ContactForm({ id, contact, kind, onSaved, onCancel, onReload }) {
  const editing = !!contact;
  const start = useRef(formValues(contact, kind)).current;
  const [v, setV] = useState(start);
  const p = `${id}-`;
  const form = useForm(p);
  const first = useRef(null);
  useLayoutEffect(() => first.current?.focus(), []);
  const person = v.kind === 'person';
  const set = (k) => (e) => { const value = e.currentTarget.value; setV((x) => ({ ...x, [k]: value })); };

  // A problem's field shown beside its input: {invalid, error} for an input named `field`.
  const problem = form.problem;
  const bad = (field) => problem?.field === field;
  const aria = (field, fid) => ({
    'aria-invalid': bad(field) ? 'true' : undefined,
    'aria-describedby': bad(field) ? `${fid}-error` : undefined,
    class: bad(field) ? 'is-invalid' : undefined,
  });
  const shown = new Set([...(person ? ['first_name', 'last_name', 'nickname', 'birth_date', 'death_date', 'death_place', 'employer_id']
    : ['org_name']), 'kind', 'languages', 'preferred_comm', 'phones', 'emails', 'addresses']);
  const listRow = /^(phones|emails|addresses)\[(\d+)\]\.(\w+)$/.exec(problem?.field || '');
  const elsewhere = problem && !shown.has(problem.field) && !(listRow && Number(listRow[2]) < v[listRow[1]].length);

  function submit(e) {
    e.preventDefault();
    e.stopPropagation(); // the panel sits inside another form (a party, a court...): that one must not send
    if (person && !v.first_name.trim() && !v.last_name.trim()) {
      return form.fail({ field: 'last_name', detail: 'a person needs a first or last name' });
    }
    if (!person && !v.org_name.trim()) return form.fail({ field: 'org_name', detail: 'is required' });
    // Drop empty rows first, so that the server's row numbers are the ones on the screen.
    const tidy = { ...v };
    for (const name of Object.keys(CHANNELS)) {
      const kept = v[name].filter((r) => filled(name, r));
      tidy[name] = kept.length || name === 'addresses' ? kept : v[name].slice(0, 1);
    }
    setV(tidy);
    const body = requestBody(tidy, start, editing);
    if (editing && Object.keys(body).length === 0) return onCancel();
    return form.run(async () => {
      onSaved(editing ? await patch(`/contacts/${contact.id}`, body, { ifMatch: contact.version }) : await post('/contacts', body));
    });
  }

  const text = (k, extra = {}) => html`<${Field} id=${p + k} label=${LABELS[k]} error=${bad(k) ? problem.detail : null}
      className=${extra.wide ? 'span-2' : ''}>
    <input id=${p + k} ref=${extra.ref} type=${extra.type || 'text'} value=${v[k]} onInput=${set(k)}
      autocomplete="off" ...${aria(k, p + k)} />
  <//>`;

  return html`<form class="panel-form contact-form" onSubmit=${submit} novalidate aria-label=${editing ? 'Edit contact' : 'New contact'}>
    ${elsewhere ? html`<${Alert} kind="error" id=${`${p}error`}>${LABELS[problem.field] ? `${LABELS[problem.field]}: ` : ''}${problem.detail}
      ${problem.stale && onReload ? html` <button type="button" class="link-btn" onClick=${onReload}>Reload</button>` : null}<//>` : null}
    <fieldset class="choice">
      <legend>Kind</legend>
      <label class="check"><input type="radio" name=${`${p}kind`} ref=${first} checked=${person}
        onChange=${() => setV((x) => ({ ...x, kind: 'person' }))} /> Person</label>
      <label class="check"><input type="radio" name=${`${p}kind`} checked=${!person}
        onChange=${() => setV((x) => ({ ...x, kind: 'organisation' }))} /> Organisation</label>
    </fieldset>
    <div class="form-grid form-grid-2">
      ${person ? html`${text('first_name')}${text('last_name')}${text('nickname')}`
        : text('org_name', { wide: true })}
      ${text('languages')}
    </div>
    ${person ? html`<div class=${`field ${bad('employer_id') ? 'has-error' : ''}`}>
      <div class="field-label"><label for=${`${p}employer_id`}>Employer</label></div>
      <${ContactPicker} id=${`${p}employer_id`} label="Employer" only="organisation" value=${v.employer}
        invalid=${bad('employer_id')} onChange=${(c) => setV((x) => ({ ...x, employer: c }))} />
      ${bad('employer_id') ? html`<p class="field-error" id=${`${p}employer_id-error`}>${problem.detail}</p>`
        : html`<p class="field-hint">A law firm, an insurance company…</p>`}
    </div>` : null}
    <fieldset class="choice">
      <legend>Preferred communication</legend>
      <label class="check"><input type="radio" name=${`${p}preferred_comm`} checked=${v.preferred_comm === 'email'}
        onChange=${() => setV((x) => ({ ...x, preferred_comm: 'email' }))} /> E-mail</label>
      <label class="check"><input type="radio" name=${`${p}preferred_comm`} checked=${v.preferred_comm === 'letter'}
        onChange=${() => setV((x) => ({ ...x, preferred_comm: 'letter' }))} /> Letter</label>
    </fieldset>
    ${['phones', 'emails', 'addresses'].map((name) => html`<${ChannelList} key=${name} name=${name} p=${p}
      rows=${v[name]} problem=${problem} onChange=${(rows) => setV((x) => ({ ...x, [name]: rows }))} />`)}
    ${person ? html`<fieldset class="form-section contact-dates">
      <legend>Dates</legend>
      <div class="form-grid form-grid-2">
        ${text('birth_date', { type: 'date' })}
        ${text('death_date', { type: 'date' })}
        ${text('death_place', { wide: true })}
      </div>
    </fieldset>` : null}
    <${FormActions} form=${form} label=${editing ? 'Save contact' : 'Add contact'} busyLabel=${editing ? 'Saving…' : 'Adding…'}
      onCancel=${onCancel} />
  </form>`;
}

/** The phones, e-mails or addresses of the form: rows with a label, the value, primary, remove. */
function ChannelList({ name, p, rows, problem, onChange }) {
  const c = CHANNELS[name];
  const listId = `${p}${name}`;
  const listBad = problem?.field === name;
  const update = (i, patchRow) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patchRow } : r)));
  const makePrimary = (i) => onChange(rows.map((r, j) => ({ ...r, primary: j === i })));
  function remove(i) {
    const next = rows.filter((_, j) => j !== i);
    if (rows[i].primary && next.length) next[0] = { ...next[0], primary: true };
    onChange(next);
  }
  const add = () => onChange([...rows, { ...c.blank(), primary: rows.length === 0 }]);
  const rowError = (i, part) => (problem?.field === `${name}[${i}].${part}` ? problem.detail : null);
  const input = (i, part, label, extra = {}) => {
    const fid = `${name}[${i}].${part}`;
    const err = rowError(i, part);
    return html`<label class=${`channel-part ${extra.wide ? 'channel-wide' : ''}`}>
      <span class="channel-part-label">${label}</span>
      <input id=${p + fid} type=${extra.type || 'text'} value=${rows[i][part]} autocomplete="off"
        aria-label=${extra.aria || `${c.one} ${i + 1} ${label.toLowerCase()}`} list=${extra.list}
        aria-invalid=${err ? 'true' : undefined} aria-describedby=${err ? `${p + fid}-error` : undefined}
        class=${err ? 'is-invalid' : undefined}
        onInput=${(e) => update(i, { [part]: e.currentTarget.value })} />
      ${err ? html`<span class="field-error" id=${`${p + fid}-error`}>${err}</span>` : null}
    </label>`;
  };

  return html`<fieldset class="form-section channel-list" aria-describedby=${listBad ? `${listId}-error` : undefined}>
    <legend>${LABELS[name]}</legend>
    <datalist id=${`${listId}-labels`}>${c.labels.map((l) => html`<option key=${l} value=${l} />`)}</datalist>
    ${rows.length === 0 ? html`<p class="field-hint">None yet.</p>` : null}
    ${rows.map((r, i) => html`<div class=${`channel-row ${name === 'addresses' ? 'channel-row-address' : ''}`} key=${i}>
      ${input(i, 'label', 'Label', { list: `${listId}-labels` })}
      ${name === 'addresses' ? ADDRESS_PARTS.map((part) => input(i, part.k, part.label, { wide: part.wide }))
        : input(i, 'value', name === 'phones' ? 'Number' : 'Address', {
          type: name === 'phones' ? 'tel' : 'email', aria: `${c.one} ${i + 1}`, wide: true,
        })}
      <label class="check channel-primary"><input type="radio" name=${`${listId}-primary`} checked=${!!r.primary}
        aria-label=${`${c.one} ${i + 1} is the primary ${c.one.toLowerCase()}`} onChange=${() => makePrimary(i)} /> Primary</label>
      <${Button} size="sm" kind="ghost-danger" icon="trash" iconOnly aria-label=${`Remove ${c.one.toLowerCase()} ${i + 1}`}
        onClick=${() => remove(i)}>Remove<//>
    </div>`)}
    ${listBad ? html`<p class="field-error" id=${`${listId}-error`}>${problem.detail}</p>` : null}
    ${rows.length < c.max ? html`<div><${Button} size="sm" kind="secondary" icon="plus" onClick=${add}>Add ${c.one.toLowerCase()}<//></div>` : null}
  </fieldset>`;
}
