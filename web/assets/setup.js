// setup.js - the Setup page (#/setup/{section}), for users with the admin right: who signs in
// and where they work (users, offices), the firm's lists that cases are built from (case types,
// status types, statuses, close reasons, roles, note types, value ranges), the settings and the
// status report settings (report-setup.js).
// Users are setup-users.js, offices setup-offices.js, the lists and settings setup-lists.js; the
// form helpers they share (problem -> highlighted field) are in forms.js.
import { html } from '/vendor/preact-htm.js';
import { PageHeader } from './ui.js';
import { UsersSection } from './setup-users.js';
import { OfficesSection } from './setup-offices.js';
import { LISTS, ListSection, SettingsSection } from './setup-lists.js';
import { StatusReportSettings } from './report-setup.js';

const GROUPS = [
  { label: 'Firm', items: [{ id: 'users', label: 'Users' }, { id: 'offices', label: 'Offices' }, { id: 'settings', label: 'Settings' },
    { id: 'status-reports', label: 'Status reports' }] },
  { label: 'Case lists', items: LISTS.map((l) => ({ id: l.id, label: l.label })) },
];

export function SetupPage({ me, section, onSelfChange }) {
  const known = GROUPS.some((g) => g.items.some((i) => i.id === section));
  const current = known ? section : 'users';
  const list = LISTS.find((l) => l.id === current);
  let body;
  if (current === 'users') body = html`<${UsersSection} me=${me} onSelfChange=${onSelfChange} />`;
  else if (current === 'offices') body = html`<${OfficesSection} />`;
  else if (current === 'settings') body = html`<${SettingsSection} />`;
  else if (current === 'status-reports') body = html`<${StatusReportSettings} />`;
  else body = html`<${ListSection} key=${list.id} spec=${list} />`;

  return html`<${PageHeader} title="Setup" subtitle="Who can sign in, what they may do, and the lists your cases are built from." />
    <nav class="setup-nav" aria-label="Setup sections">
      ${GROUPS.map((g) => html`<div class="setup-nav-group" key=${g.label}>
        <span class="setup-nav-label" aria-hidden="true">${g.label}</span>
        <ul>
          ${g.items.map((t) => html`<li key=${t.id}><a class="pill" href=${`#/setup/${t.id}`}
            aria-current=${current === t.id ? 'page' : undefined}>${t.label}</a></li>`)}
        </ul>
      </div>`)}
    </nav>
    ${body}`;
}
