// pages.js - the simple pages of the shell: reports (placeholder), "not allowed" and "not
// found". The cases are in cases.js and case-page.js; Setup is in setup.js.
import { html } from '/vendor/preact-htm.js';
import { EmptyState, Icon, PageHeader } from './ui.js';

export function ReportsPage() {
  return html`<${PageHeader} title="Reports" subtitle="Case status reports for advisors." />
    <section class="card card-pad placeholder">
      <div class="placeholder-icon"><${Icon} name="reports" /></div>
      <h2 class="placeholder-title">Status reports are coming</h2>
      <p class="placeholder-text">
        Soon you can tell advisors where each of their cases stands, for all advisors at once or
        for the cases you pick, without writing each update by hand.
      </p>
      <ul class="feature-list">
        <li><${Icon} name="mail" /><span><strong>E-mail or printed letter</strong>, whichever the advisor prefers.</span></li>
        <li><${Icon} name="eye" /><span><strong>Preview before sending</strong>, with sensitive details masked.</span></li>
        <li><${Icon} name="clock" /><span><strong>Follow-ups and a log</strong> of every report that went out.</span></li>
      </ul>
    </section>`;
}

export function ForbiddenPage() {
  return html`<${PageHeader} title="Setup" />
    <section class="card card-pad">
      <${EmptyState} icon="shield" title="Setup needs the administration right">
        Ask an administrator of your firm if you need to change users, rights or offices.
      <//>
    </section>`;
}

export function NotFoundPage() {
  return html`<${PageHeader} title="Page not found" />
    <section class="card card-pad">
      <${EmptyState} icon="search" title="There is no page at this address">
        <a href="#/cases">Go to the case list</a>
      <//>
    </section>`;
}
