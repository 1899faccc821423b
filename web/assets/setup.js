// setup.js - the Setup page (#/setup/users, #/setup/offices), for users with the admin right.
// The two sections are in setup-users.js and setup-offices.js; the form helpers they share
// (problem -> highlighted field) are in forms.js.
import { html } from '/vendor/preact-htm.js';
import { Icon, PageHeader } from './ui.js';
import { UsersSection } from './setup-users.js';
import { OfficesSection } from './setup-offices.js';

export function SetupPage({ me, section, onSelfChange }) {
  const current = section === 'offices' ? 'offices' : 'users';
  const tabs = [
    { id: 'users', label: 'Users', icon: 'users' },
    { id: 'offices', label: 'Offices', icon: 'office' },
  ];
  return html`<${PageHeader} title="Setup" subtitle="Who can sign in, what they may do, and where they work." />
    <nav class="tabs" aria-label="Setup sections">
      ${tabs.map((t) => html`<a key=${t.id} class="tab" href=${`#/setup/${t.id}`}
        aria-current=${current === t.id ? 'page' : undefined}><${Icon} name=${t.icon} />${t.label}</a>`)}
    </nav>
    ${current === 'users'
      ? html`<${UsersSection} me=${me} onSelfChange=${onSelfChange} />`
      : html`<${OfficesSection} />`}`;
}
