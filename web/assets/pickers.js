// pickers.js - choosing a record by searching for it: a combobox with a list of matches
// (SearchPicker), and its two uses on the case page: a contact (GET /api/v1/contacts?q=, with
// "New contact" to add one on the spot: POST /api/v1/contacts) and a case (GET /api/v1/cases?q=).
import { html, useState, useEffect, useRef, useLayoutEffect } from '/vendor/preact-htm.js';
import { get, post } from './api.js';
import { Button, Field, Icon } from './ui.js';
import { useForm, FormProblem, setter } from './forms.js';

/**
 * A search box whose matches open below it (ARIA combobox with a listbox). `search(q)`
 * resolves to items; `text(item)` and `detail(item)` say how one reads; `onPick(item)`.
 * With `searchEmpty` an empty box lists the first matches too.
 */
export function SearchPicker({ id, label, search, text, detail, onPick, placeholder, searchEmpty = false,
  autofocus = false, invalid }) {
  const [q, setQ] = useState('');
  const [items, setItems] = useState(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [error, setError] = useState(null);
  const seq = useRef(0);
  const input = useRef(null);

  useLayoutEffect(() => { if (autofocus) input.current?.focus(); }, []);
  useEffect(() => {
    if (!open) return undefined;
    if (!q.trim() && !searchEmpty) { setItems(null); return undefined; }
    const mine = ++seq.current;
    const t = setTimeout(async () => {
      try {
        const r = await search(q.trim());
        if (mine !== seq.current) return;
        setItems(r);
        setActive(r.length ? 0 : -1);
        setError(null);
      } catch (err) {
        if (mine === seq.current) setError(err.detail);
      }
    }, 200);
    return () => clearTimeout(t);
  }, [q, open]);

  function pick(item) {
    setOpen(false);
    setQ('');
    setItems(null);
    onPick(item);
  }
  function onKey(e) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      if (items?.length) {
        const n = items.length;
        setActive((a) => (e.key === 'ArrowDown' ? (a + 1) % n : (a - 1 + n) % n));
      }
    } else if (e.key === 'Enter') {
      if (open && items && items[active]) {
        e.preventDefault();
        pick(items[active]);
      }
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    }
  }

  const listId = `${id}-list`;
  const showList = open && (items || error);
  return html`<div class="picker">
    <div class="search-box">
      <${Icon} name="search" />
      <input id=${id} ref=${input} type="search" role="combobox" aria-autocomplete="list"
        aria-expanded=${showList ? 'true' : 'false'} aria-controls=${listId} aria-label=${label}
        aria-activedescendant=${showList && active >= 0 ? `${id}-opt-${active}` : undefined}
        aria-invalid=${invalid ? 'true' : undefined}
        placeholder=${placeholder} value=${q} autocomplete="off"
        onInput=${(e) => { setQ(e.currentTarget.value); setOpen(true); }}
        onFocus=${() => setOpen(true)} onBlur=${() => setTimeout(() => setOpen(false), 150)}
        onKeyDown=${onKey} />
    </div>
    ${showList ? html`<ul class="picker-list" id=${listId} role="listbox" aria-label=${label}>
      ${error ? html`<li class="picker-empty" role="presentation">${error}</li>`
        : items.length === 0 ? html`<li class="picker-empty" role="presentation">No match</li>`
        : items.map((item, i) => html`<li key=${item.id} id=${`${id}-opt-${i}`} role="option"
            aria-selected=${i === active ? 'true' : 'false'} class=${i === active ? 'is-active' : ''}
            onMouseDown=${(e) => { e.preventDefault(); pick(item); }} onMouseEnter=${() => setActive(i)}>
            <span class="picker-text">${text(item)}</span>
            ${detail && detail(item) ? html`<span class="picker-detail">${detail(item)}</span>` : null}
          </li>`)}
    </ul>` : null}
  </div>`;
}

/** Pick a case by number, name or description (not `excludeId`). */
export function CasePicker({ id, label = 'Find a case', excludeId, onPick, autofocus }) {
  const search = async (q) => {
    const r = await get(`/cases?q=${encodeURIComponent(q)}&limit=10`);
    return (r.items || []).filter((c) => c.id !== excludeId);
  };
  return html`<${SearchPicker} id=${id} label=${label} search=${search} onPick=${onPick} autofocus=${autofocus}
    placeholder="Number, name or words of the description"
    text=${(c) => `${c.number ? `${c.number} · ` : ''}${c.name}`}
    detail=${(c) => [c.case_type?.name, c.stage?.name].filter(Boolean).join(' · ')} />`;
}

/**
 * Pick a contact: search by name or e-mail, or add a new one inline. `value` is the picked
 * contact ({id, display_name}) or null; onChange(contact | null).
 */
export function ContactPicker({ id, label = 'Contact', value, onChange, invalid }) {
  const [adding, setAdding] = useState(false);
  if (value) {
    return html`<div class="picked">
      <${Icon} name="person" /><span class="picked-name" id=${`${id}-picked`}>${value.display_name || value.name}</span>
      <button type="button" class="link-btn" aria-label=${`Choose another ${label.toLowerCase()}`}
        onClick=${() => onChange(null)}>Change</button>
    </div>`;
  }
  if (adding) {
    return html`<${NewContactForm} id=${`${id}-new`} onAdded=${(c) => { setAdding(false); onChange(c); }}
      onCancel=${() => setAdding(false)} />`;
  }
  const search = async (q) => (await get(`/contacts?q=${encodeURIComponent(q)}&limit=10`)).items || [];
  return html`<div class="picker-with-add">
    <${SearchPicker} id=${id} label=${label} search=${search} searchEmpty onPick=${onChange} invalid=${invalid}
      placeholder="Search by name or e-mail" text=${(c) => c.display_name}
      detail=${(c) => [c.kind === 'organisation' ? 'Organisation' : null, c.email].filter(Boolean).join(' · ')} />
    <button type="button" class="link-btn" onClick=${() => setAdding(true)}>New contact</button>
  </div>`;
}

const CONTACT_LABELS = { kind: 'Kind', first_name: 'First name', last_name: 'Last name', org_name: 'Organisation', email: 'E-mail', phone: 'Phone' };

/** A contact added on the spot (POST /api/v1/contacts). Not a <form>: it sits inside one. */
function NewContactForm({ id, onAdded, onCancel }) {
  const [v, setV] = useState({ kind: 'person', first_name: '', last_name: '', org_name: '', email: '', phone: '' });
  const set = (k) => setter(setV, k);
  const p = `${id}-`;
  const form = useForm(p);
  const pp = (k) => form.pp(k);
  const first = useRef(null);
  useLayoutEffect(() => first.current?.focus(), []);

  function add() {
    const person = v.kind === 'person';
    if (person && !v.first_name.trim() && !v.last_name.trim()) {
      return form.fail({ field: 'last_name', detail: 'a person needs a first or last name' });
    }
    if (!person && !v.org_name.trim()) return form.fail({ field: 'org_name', detail: 'is required' });
    const body = { kind: v.kind };
    for (const k of person ? ['first_name', 'last_name', 'email', 'phone'] : ['org_name', 'email', 'phone']) {
      if (v[k].trim()) body[k] = v[k].trim();
    }
    return form.run(async () => onAdded(await post('/contacts', body)));
  }
  // Enter in a field adds the contact instead of sending the outer form.
  const onKey = (e) => { if (e.key === 'Enter') { e.preventDefault(); add(); } };

  return html`<div class="subform" role="group" aria-labelledby=${`${p}title`} onKeyDown=${onKey}>
    <h4 class="subform-title" id=${`${p}title`}>New contact</h4>
    <${FormProblem} form=${form} prefix=${p} labels=${CONTACT_LABELS} />
    <div class="form-grid form-grid-2">
      <${Field} id=${`${p}kind`} label="Kind">
        <select id=${`${p}kind`} ref=${first} value=${v.kind} onChange=${set('kind')}>
          <option value="person">Person</option><option value="organisation">Organisation</option>
        </select>
      <//>
      ${v.kind === 'person' ? html`
        <${Field} id=${`${p}first_name`} label="First name">
          <input id=${`${p}first_name`} value=${v.first_name} onInput=${set('first_name')} autocomplete="off" ...${pp('first_name')} /><//>
        <${Field} id=${`${p}last_name`} label="Last name">
          <input id=${`${p}last_name`} value=${v.last_name} onInput=${set('last_name')} autocomplete="off" ...${pp('last_name')} /><//>`
      : html`<${Field} id=${`${p}org_name`} label="Organisation" required>
          <input id=${`${p}org_name`} value=${v.org_name} onInput=${set('org_name')} autocomplete="off" ...${pp('org_name')} /><//>`}
      <${Field} id=${`${p}email`} label="E-mail">
        <input id=${`${p}email`} type="email" value=${v.email} onInput=${set('email')} autocomplete="off" ...${pp('email')} /><//>
      <${Field} id=${`${p}phone`} label="Phone">
        <input id=${`${p}phone`} type="tel" value=${v.phone} onInput=${set('phone')} autocomplete="off" ...${pp('phone')} /><//>
    </div>
    <div class="form-actions">
      <${Button} kind="secondary" busy=${form.busy} busyLabel="Adding…" onClick=${add}>Add contact<//>
      <${Button} kind="ghost" onClick=${onCancel} disabled=${form.busy}>Cancel<//>
    </div>
  </div>`;
}
