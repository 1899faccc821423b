// ui.js - small shared pieces of the UI: icons, buttons, alerts, form fields, page headers,
// side panels (a modal <dialog>), and the labels shown for roles and rights. Pages live in
// their own modules (cases.js, case-page.js, setup-*.js); the fetch wrapper is api.js; dates and
// money are formatted in format.js; routing and the shell are app.js.
import { html, useEffect, useLayoutEffect, useRef } from '/vendor/preact-htm.js';

// 24x24 stroke icons, drawn for Caseload.
const ICONS = {
  cases: 'M4 7.5h16v11a1.5 1.5 0 0 1-1.5 1.5h-13A1.5 1.5 0 0 1 4 18.5zM9 7.5V5.5A1.5 1.5 0 0 1 10.5 4h3A1.5 1.5 0 0 1 15 5.5v2M4 12.5h16',
  reports: 'M7 3.5h7l4 4v12a1 1 0 0 1-1 1H7a1 1 0 0 1-1-1v-15a1 1 0 0 1 1-1zM14 3.5v4h4M9 13h6M9 16.5h6M9 9.5h2',
  setup: 'M4 7h10M18 7h2M4 17h4M12 17h8M16 5v4M10 15v4',
  logout: 'M15 16.5l4.5-4.5L15 7.5M19.5 12H9.5M11 20H6a1.5 1.5 0 0 1-1.5-1.5v-13A1.5 1.5 0 0 1 6 4h5',
  menu: 'M4 7h16M4 12h16M4 17h16',
  close: 'M6 6l12 12M18 6L6 18',
  plus: 'M12 5v14M5 12h14',
  users: 'M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zM2.5 20a6.5 6.5 0 0 1 13 0M16 4.3a3.5 3.5 0 0 1 0 6.4M18 14.2a6.5 6.5 0 0 1 3.5 5.8',
  office: 'M4 20.5h16M6 20.5V5a1 1 0 0 1 1-1h10a1 1 0 0 1 1 1v15.5M9.5 8h1M13.5 8h1M9.5 11.5h1M13.5 11.5h1M10.5 20.5v-4h3v4',
  shield: 'M12 3.5l7 2.5v5.5c0 4.5-3 7.7-7 9-4-1.3-7-4.5-7-9V6z M9 12l2 2 4-4',
  alert: 'M12 8v5M12 16.5v.01M12 3.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17z',
  check: 'M5 12.5l4.5 4.5L19 7.5',
  trash: 'M4.5 7h15M9.5 7V4.5h5V7M6.5 7l1 12.5a1 1 0 0 0 1 1h7a1 1 0 0 0 1-1l1-12.5M10 11v6M14 11v6',
  mail: 'M4 6h16v12H4zM4 7l8 6 8-6',
  letter: 'M6 3.5h12v17H6zM9 8h6M9 11.5h6M9 15h3',
  clock: 'M12 3.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17zM12 7.5V12l3 2',
  eye: 'M2.5 12S6 5.5 12 5.5 21.5 12 21.5 12 18 18.5 12 18.5 2.5 12 2.5 12zM12 14.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5z',
  chevron: 'M9 6l6 6-6 6',
  search: 'M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14zM20 20l-4-4',
  edit: 'M4 20h4L18.5 9.5a2.1 2.1 0 0 0-4-4L4 16zM13.5 6.5l4 4',
  history: 'M3.5 12a8.5 8.5 0 1 0 2.5-6M3.5 4v4h4M12 7.5V12l3 2',
  back: 'M15 6l-6 6 6 6',
  link: 'M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1',
  note: 'M5 4h14v11l-5 5H5zM14 20v-5h5M8.5 9h7M8.5 12.5h4',
  person: 'M12 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zM5 20a7 7 0 0 1 14 0',
  list: 'M9 6.5h11M9 12h11M9 17.5h11M4.5 6.5h.01M4.5 12h.01M4.5 17.5h.01',
  flag: 'M5 21V4.5M5 4.5h11l-2 4 2 4H5',
};

/** An inline SVG icon; decorative (aria-hidden) unless given a `label`. */
export function Icon({ name, label, className = '' }) {
  return html`<svg class=${`icon ${className}`} viewBox="0 0 24 24" fill="none" stroke="currentColor"
    stroke-width="1.75" stroke-linecap="round" stroke-linejoin="round"
    aria-hidden=${label ? undefined : 'true'} role=${label ? 'img' : undefined} aria-label=${label}
    focusable="false"><path d=${ICONS[name] || ''} /></svg>`;
}

/** The product mark. */
export function Logo({ className = '' }) {
  return html`<svg class=${`logo-mark ${className}`} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
    <rect width="32" height="32" rx="7" class="logo-bg" />
    <path d="M9 7h9.5L23 11.5V25H9z" class="logo-line" />
    <path d="M12.5 16.5l2.5 2.5 4.5-5" class="logo-line" />
  </svg>`;
}

/**
 * A button; `kind` is primary | secondary | ghost | danger; `busy` disables it and shows a
 * spinner. `iconOnly` shows just the icon (the text stays for screen readers and as a tooltip).
 */
export function Button({ kind = 'secondary', size, busy = false, busyLabel, icon, type = 'button',
  className = '', disabled, iconOnly = false, children, ...rest }) {
  const cls = ['btn', `btn-${kind}`, size ? `btn-${size}` : '', busy ? 'is-busy' : '', iconOnly ? 'btn-icon' : '', className]
    .filter(Boolean).join(' ');
  return html`<button type=${type} class=${cls} disabled=${disabled || busy}
    aria-busy=${busy ? 'true' : undefined} title=${iconOnly ? rest['aria-label'] || children : undefined} ...${rest}>
    ${busy ? html`<span class="spinner" aria-hidden="true"></span>` : icon ? html`<${Icon} name=${icon} />` : null}
    <span class=${iconOnly ? 'visually-hidden' : undefined}>${busy && busyLabel ? busyLabel : children}</span>
  </button>`;
}

/** An alert box. Errors use role="alert" (announced at once); notices use role="status". */
export function Alert({ kind = 'error', title, children, id, onClose }) {
  return html`<div id=${id} class=${`alert alert-${kind}`} role=${kind === 'error' ? 'alert' : 'status'}>
    <${Icon} name=${kind === 'success' ? 'check' : 'alert'} className="alert-icon" />
    <div class="alert-body">
      ${title ? html`<strong class="alert-title">${title}</strong>` : null}
      <div>${children}</div>
    </div>
    ${onClose ? html`<button type="button" class="icon-btn alert-close" aria-label="Dismiss" onClick=${onClose}>
      <${Icon} name="close" /></button>` : null}
  </div>`;
}

/** A labelled form field wrapper: label, the control (children), a hint and an error message. */
export function Field({ id, label, hint, error, required, className = '', children }) {
  return html`<div class=${`field ${error ? 'has-error' : ''} ${className}`}>
    <div class="field-label">
      <label for=${id}>${label}</label>${required ? html`<span class="req" aria-hidden="true">*</span>` : null}
    </div>
    ${children}
    ${error ? html`<p class="field-error" id=${`${id}-error`}>${error}</p>`
      : hint ? html`<p class="field-hint" id=${`${id}-hint`}>${hint}</p>` : null}
  </div>`;
}

/** The heading block of a page; the h1 takes focus when the page opens (for screen readers).
 * `kicker` is a short line above the title (a case number). */
export function PageHeader({ title, kicker, subtitle, children }) {
  const ref = useRef(null);
  useEffect(() => {
    document.title = `${title} · Caseload`;
    // Move focus to the new page's heading (screen readers announce it), unless the user is
    // already typing in a field.
    const active = document.activeElement;
    if (ref.current && !(active && active.matches('input, select, textarea'))) ref.current.focus({ preventScroll: true });
  }, [title]);
  return html`<header class="page-head">
    <div class="page-titles">
      ${kicker ? html`<p class="page-kicker">${kicker}</p>` : null}
      <h1 tabindex="-1" ref=${ref}>${title}</h1>
      ${subtitle ? html`<p class="page-sub">${subtitle}</p>` : null}
    </div>
    ${children ? html`<div class="page-actions">${children}</div>` : null}
  </header>`;
}

/** A centred message for empty lists and placeholders. */
export function EmptyState({ icon, title, children }) {
  return html`<div class="empty">
    <div class="empty-icon"><${Icon} name=${icon} /></div>
    <p class="empty-title">${title}</p>
    <div class="empty-text">${children}</div>
  </div>`;
}

/**
 * A side panel over the page (a modal <dialog>: focus stays inside, Escape closes it, focus
 * returns to what opened it). `onClose` is called for the close button and Escape.
 */
export function Panel({ id, title, onClose, wide = false, children }) {
  const ref = useRef(null);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  useLayoutEffect(() => {
    const d = ref.current;
    const opener = document.activeElement;
    if (!d.open) d.showModal();
    const onCancel = (e) => { e.preventDefault(); closeRef.current(); };
    d.addEventListener('cancel', onCancel);
    return () => {
      d.removeEventListener('cancel', onCancel);
      if (d.open) d.close();
      if (opener && document.contains(opener)) opener.focus({ preventScroll: true });
    };
  }, []);
  return html`<dialog ref=${ref} class=${`panel ${wide ? 'panel-wide' : ''}`} aria-labelledby=${`${id}-title`} id=${id}>
    <div class="panel-inner">
      <header class="panel-head">
        <h2 id=${`${id}-title`} class="panel-title">${title}</h2>
        <button type="button" class="icon-btn" aria-label="Close" onClick=${() => closeRef.current()}>
          <${Icon} name="close" /></button>
      </header>
      <div class="panel-body">${children}</div>
    </div>
  </dialog>`;
}

/**
 * The delete action of a row, in two steps (see useRemoval in hooks.js): a Delete button named
 * `label` for screen readers, then `question` (e.g. "Delete Settled?") and Keep.
 */
export function RemoveButtons({ removal, id, label, question, busyLabel = 'Deleting…', iconOnly = false, onConfirm }) {
  if (removal.asking === id) {
    return html`<${Button} size="sm" kind="danger" busy=${removal.busy === id} busyLabel=${busyLabel}
        onClick=${onConfirm}>${question}<//>
      <${Button} size="sm" kind="ghost" disabled=${removal.busy === id} onClick=${removal.keep}>Keep<//>`;
  }
  return html`<${Button} size="sm" kind="ghost-danger" icon="trash" aria-label=${label} iconOnly=${iconOnly}
    onClick=${() => removal.ask(id)}>Delete<//>`;
}

/** A muted dash for an empty cell. */
export function Dash() {
  return html`<span class="cell-muted">—</span>`;
}

export function Spinner({ label = 'Loading…' }) {
  return html`<div class="loading" role="status"><span class="spinner" aria-hidden="true"></span>${label}</div>`;
}

export const ROLE_LABELS = { admin: 'Administrator', staff: 'Staff', advisor: 'Advisor', client: 'Client' };
export const ROLES = ['staff', 'admin', 'advisor', 'client'];

const RIGHT_LABELS = {
  admin: 'Administration',
  case_create: 'Open cases',
  case_edit: 'Edit cases',
  case_edit_name_number: 'Edit case name and number',
  status_report_mass_send: 'Send status reports (mass)',
  status_report_selective_send: 'Send status reports (selective)',
  client_invite: 'Invite clients',
};

const RIGHT_SHORT = {
  admin: 'Admin',
  case_create: 'Open cases',
  case_edit: 'Edit cases',
  case_edit_name_number: 'Rename cases',
  status_report_mass_send: 'Mass reports',
  status_report_selective_send: 'Selective reports',
  client_invite: 'Invite clients',
};

/** A readable label for a right name; unknown rights show their name. */
export function rightLabel(name) {
  return RIGHT_LABELS[name] || name.replace(/_/g, ' ');
}

/** A short label for a right, for chips in lists. */
export function rightShort(name) {
  return RIGHT_SHORT[name] || rightLabel(name);
}

/** Up to two initials for an avatar. */
export function initials(name) {
  const parts = String(name || '?').trim().split(/\s+/).filter(Boolean);
  const s = parts.length > 1 ? parts[0][0] + parts[parts.length - 1][0] : (parts[0] || '?').slice(0, 2);
  return s.toUpperCase();
}

/** Build a request body from form values: trims strings and leaves out empty optional ones. */
export function compact(values) {
  const out = {};
  for (const [k, v] of Object.entries(values)) {
    const t = typeof v === 'string' && k !== 'password' ? v.trim() : v;
    if (t === '' || t === null || t === undefined) continue;
    out[k] = t;
  }
  return out;
}
