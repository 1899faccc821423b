// pages.js - the simple pages of the shell: the case list (a placeholder until the case API
// lands), reports (placeholder), "not allowed" and "not found". Setup is in setup.js.
import { html } from '/vendor/preact-htm.js';
import { EmptyState, Icon, PageHeader } from './ui.js';

export function CasesPage() {
  return html`<${PageHeader} title="Cases" subtitle="Every case you work on, in one list." />
    <section class="card" aria-labelledby="cases-table-title">
      <div class="card-head">
        <h2 id="cases-table-title" class="card-title">All cases</h2>
        <span class="count-badge" aria-label="0 cases">0</span>
      </div>
      <div class="table-wrap">
        <table class="table table-stack" aria-labelledby="cases-table-title">
          <thead>
            <tr>
              <th scope="col">Number</th>
              <th scope="col">Name</th>
              <th scope="col">Type</th>
              <th scope="col">Stage</th>
              <th scope="col">Opened</th>
            </tr>
          </thead>
          <tbody>
            <tr class="empty-row">
              <td colspan="5">
                <${EmptyState} icon="cases" title="No cases yet">
                  Cases will be listed here once they are opened: the number, the client's name,
                  the type of case, where it stands and when it was opened.
                <//>
              </td>
            </tr>
          </tbody>
        </table>
      </div>
    </section>`;
}

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
