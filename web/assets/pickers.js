// pickers.js - choosing a record by searching for it: a combobox with a list of matches
// (SearchPicker), and its two uses on the case page: a contact (GET /api/v1/contacts?q=, with
// "New contact…" to add one on the spot in the contact panel of contact-form.js) and a case
// (GET /api/v1/cases?q=).
import { html, useState, useEffect, useRef, useLayoutEffect } from '/vendor/preact-htm.js';
import { get } from './api.js';
import { Icon } from './ui.js';
import { ContactDialog } from './contact-form.js';

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
 * Pick a contact: search by name or e-mail, or add a new one in the contact panel
 * (contact-form.js: every detail, phones and e-mails with their primary). `value` is the picked
 * contact ({id, display_name} or a ref {id, name}) or null; onChange(contact | null). `only`
 * ("person" | "organisation") keeps the matches of that kind; `kind` is the kind a new contact
 * starts as (default: `only`, else person).
 */
export function ContactPicker({ id, label = 'Contact', value, onChange, invalid, only, kind }) {
  const [adding, setAdding] = useState(false);
  const dialog = adding ? html`<${ContactDialog} id=${`${id}-new`} kind=${kind || only || 'person'}
    onSaved=${(c) => { setAdding(false); onChange(c); }} onCancel=${() => setAdding(false)} />` : null;
  if (value) {
    return html`<div class="picked">
      <${Icon} name="person" /><span class="picked-name" id=${`${id}-picked`}>${value.display_name || value.name}</span>
      <button type="button" class="link-btn" aria-label=${`Choose another ${label.toLowerCase()}`}
        onClick=${() => onChange(null)}>Change</button>
    </div>`;
  }
  const search = async (q) => {
    const items = (await get(`/contacts?q=${encodeURIComponent(q)}&limit=${only ? 25 : 10}`)).items || [];
    if (only) return items.filter((c) => c.kind === only).slice(0, 10);
    // The kind asked for first (a court, an insurer: organisations), in the server's order.
    return kind ? [...items.filter((c) => c.kind === kind), ...items.filter((c) => c.kind !== kind)] : items;
  };
  return html`<div class="picker-with-add">
    <${SearchPicker} id=${id} label=${label} search=${search} searchEmpty onPick=${onChange} invalid=${invalid}
      placeholder="Search by name or e-mail" text=${(c) => c.display_name}
      detail=${(c) => [c.kind === 'organisation' ? 'Organisation' : null, c.phone, c.email].filter(Boolean).join(' · ')} />
    <button type="button" class="link-btn" aria-haspopup="dialog" onClick=${() => setAdding(true)}
      aria-label=${label === 'Contact' ? undefined : `New contact… (${label})`}>New contact…</button>
    ${dialog}
  </div>`;
}
