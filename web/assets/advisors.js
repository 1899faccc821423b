// advisors.js - the Reports pages: #/reports (what case status reports are, and the Case
// status… dialog for users with the mass send right) and #/reports/advisors (the advisors:
// contacts who are current staff of a case in an advisor role, GET /api/v1/advisors, searched,
// tagged with checkboxes for a Case status report to the tagged ones, each with their log of what
// was sent to them, GET /api/v1/contacts/{id}/advisor-log, in a side panel). The dialog itself is
// case-status-dialog.js; the case list's tags are in cases.js.
import { html, useState, useEffect } from '/vendor/preact-htm.js';
import { usePaged } from './hooks.js';
import { Alert, Button, Dash, EmptyState, Icon, PageHeader, Panel, Spinner } from './ui.js';
import { CaseStatusDialog, METHOD_LABELS } from './case-status-dialog.js';
import { fmtDateTime } from './format.js';

const PAGE = 50;

/** Does the user hold a right? */
export const hasRight = (me, right) => (me?.rights || []).includes(right);

/** The sub-navigation of the Reports pages. */
function ReportsNav({ current }) {
  return html`<nav class="setup-nav" aria-label="Reports sections"><div class="setup-nav-group"><ul>
    <li><a class="pill" href="#/reports" aria-current=${current === 'status' ? 'page' : undefined}>Case status</a></li>
    <li><a class="pill" href="#/reports/advisors" aria-current=${current === 'advisors' ? 'page' : undefined}>Advisors</a></li>
  </ul></div></nav>`;
}

/** #/reports and #/reports/advisors. */
export function ReportsPage({ me, section }) {
  if (section === 'advisors') return html`<${AdvisorsPage} me=${me} />`;
  return html`<${CaseStatusPage} me=${me} />`;
}

/** #/reports: what a case status report is, and how to send one. */
function CaseStatusPage({ me }) {
  const [open, setOpen] = useState(false);
  const mass = hasRight(me, 'status_report_mass_send');
  const selective = hasRight(me, 'status_report_selective_send');
  const staff = me.role === 'admin' || me.role === 'staff';
  return html`<${PageHeader} title="Reports" subtitle="Case status reports for advisors.">
      ${mass ? html`<${Button} kind="primary" icon="mail" aria-haspopup="dialog" onClick=${() => setOpen(true)}>Case status…<//>` : null}
    <//>
    ${staff ? html`<${ReportsNav} current="status" />` : null}
    <section class="card card-pad rs-intro" aria-labelledby="rs-intro-title">
      <h2 class="card-title" id="rs-intro-title">Case status reports</h2>
      <p class="placeholder-text">Tell advisors where each of their pending cases stands: the stage, the policy and the
        requirements still outstanding, by e-mail or printed letter, whichever the advisor prefers.</p>
      <ul class="feature-list">
        <li><${Icon} name="mail" /><span><strong>All advisors at once</strong>${mass
          ? html`, with <em>Case status…</em> above.` : ' (needs the right to send reports in bulk).'}</span></li>
        <li><${Icon} name="list" /><span><strong>Tagged cases or advisors</strong>${selective
          ? html`: tag them in the <a href="#/cases">case list</a> or the <a href="#/reports/advisors">advisors</a>, then choose Case status….`
          : ' (needs the right to send reports selectively).'}</span></li>
        <li><${Icon} name="eye" /><span><strong>Preview before sending</strong>: who gets what, and any missing address.</span></li>
      </ul>
      ${hasRight(me, 'admin') ? html`<p class="rs-setup-link">The default subject, the requirements a report lists and
        each office's follow-ups are kept with the <a href="#/setup/offices">office settings</a>.</p>` : null}
    </section>
    ${open ? html`<${CaseStatusDialog} me=${me} onClose=${() => setOpen(false)} />` : null}`;
}

/** An advisor's name from the list's members. */
const advisorName = (a) => a.name || [a.first_name, a.last_name].filter(Boolean).join(' ') || `Contact ${a.id}`;

/** #/reports/advisors: the advisors, tagged for a case status report, each with their log. */
function AdvisorsPage({ me }) {
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [tagged, setTagged] = useState(() => new Map()); // id -> {id, name}
  const [dialog, setDialog] = useState(false);
  const [log, setLog] = useState(null); // the advisor whose log is open
  const path = query ? `/advisors?q=${encodeURIComponent(query)}` : '/advisors';
  const { items, error, hasMore, loadingMore, more, reload } = usePaged(path, PAGE);
  const canTag = hasRight(me, 'status_report_selective_send');
  const staff = me.role === 'admin' || me.role === 'staff';

  useEffect(() => {
    const t = setTimeout(() => setQuery(q.trim()), 300);
    return () => clearTimeout(t);
  }, [q]);

  if (!staff) {
    return html`<${PageHeader} title="Advisors" />
      <section class="card card-pad"><${EmptyState} icon="shield" title="The advisors are for the firm's staff">
        <a href="#/cases">Go to your cases</a><//></section>`;
  }

  function toggle(a, on) {
    setTagged((m) => {
      const n = new Map(m);
      if (on) n.set(a.id, { id: a.id, name: advisorName(a) });
      else n.delete(a.id);
      return n;
    });
  }
  const shown = items || [];
  const allShown = shown.length > 0 && shown.every((a) => tagged.has(a.id));
  function toggleAll(on) {
    setTagged((m) => {
      const n = new Map(m);
      for (const a of shown) {
        if (on) n.set(a.id, { id: a.id, name: advisorName(a) });
        else n.delete(a.id);
      }
      return n;
    });
  }

  return html`<${PageHeader} title="Advisors" subtitle="Everyone on a case in an advisor role, and what was sent to them." />
    <${ReportsNav} current="advisors" />
    <section class="card filters-card" aria-label="Find advisors">
      <form role="search" class="filters-bar" onSubmit=${(e) => { e.preventDefault(); setQuery(q.trim()); }}>
        <div class="search-box">
          <${Icon} name="search" />
          <label for="advisor-search" class="visually-hidden">Search advisors</label>
          <input id="advisor-search" type="search" placeholder="Search by name or e-mail" value=${q}
            onInput=${(e) => setQ(e.currentTarget.value)} autocomplete="off" />
        </div>
      </form>
    </section>
    <section class="card" aria-labelledby="advisors-title">
      <div class="card-head">
        <div class="card-head-text">
          <h2 id="advisors-title" class="card-title">${query ? 'Matching advisors' : 'All advisors'}</h2>
          ${items ? html`<span class="count-badge">${items.length}${hasMore ? '+' : ''}</span>` : null}
        </div>
        ${canTag ? html`<${TagBar} count=${tagged.size} noun="advisor" onOpen=${() => setDialog(true)}
          onClear=${() => setTagged(new Map())} />` : null}
      </div>
      ${error ? html`<div class="card-alerts"><${Alert} kind="error" title="The advisors could not be loaded">${error.detail}
          <button type="button" class="link-btn" onClick=${reload}>Try again</button><//></div>`
        : !items ? html`<${Spinner} label="Loading advisors…" />`
        : items.length === 0 ? html`<${EmptyState} icon="person" title=${query ? 'No advisor matches' : 'No advisors yet'}>
            ${query ? 'Try another name or e-mail.' : 'Advisors are contacts on a case in a role of the advisor category (Setup › Roles).'}<//>`
        : html`<div class="table-wrap"><table class="table table-stack" aria-labelledby="advisors-title">
            <thead><tr>
              ${canTag ? html`<th scope="col" class="cell-tag"><input type="checkbox" aria-label="Tag every advisor shown"
                checked=${allShown} onChange=${(e) => toggleAll(e.currentTarget.checked)} /></th>` : null}
              <th scope="col">Name</th><th scope="col">E-mail</th><th scope="col">Prefers</th>
              <th scope="col">Pending cases</th><th scope="col"><span class="visually-hidden">Actions</span></th>
            </tr></thead>
            <tbody>
              ${items.map((a) => html`<tr key=${a.id} data-advisor-id=${a.id} data-advisor=${advisorName(a)}
                  class=${tagged.has(a.id) ? 'is-tagged' : ''}>
                ${canTag ? html`<td class="cell-tag"><input type="checkbox" aria-label=${`Tag ${advisorName(a)}`}
                  checked=${tagged.has(a.id)} onChange=${(e) => toggle(a, e.currentTarget.checked)} /></td>` : null}
                <td data-label="Name"><span class="cell-strong">${advisorName(a)}</span></td>
                <td data-label="E-mail">${a.email || html`<span class="badge badge-warn">No e-mail</span>`}</td>
                <td data-label="Prefers">${METHOD_LABELS[a.preferred_comm] || a.preferred_comm || html`<${Dash} />`}</td>
                <td data-label="Pending cases">${a.cases ?? html`<${Dash} />`}</td>
                <td class="cell-actions"><div class="row-actions">
                  <${Button} size="sm" kind="ghost" icon="history" aria-haspopup="dialog" aria-label=${`Log of ${advisorName(a)}`}
                    onClick=${() => setLog({ id: a.id, name: advisorName(a) })}>Log<//>
                </div></td>
              </tr>`)}
            </tbody>
          </table></div>
          ${hasMore ? html`<div class="more-row"><${Button} kind="secondary" busy=${loadingMore} busyLabel="Loading…"
            onClick=${more}>More<//></div>` : null}`}
    </section>
    ${dialog ? html`<${CaseStatusDialog} me=${me} advisors=${[...tagged.values()]} onClose=${() => setDialog(false)} />` : null}
    ${log ? html`<${AdvisorLogPanel} advisor=${log} onClose=${() => setLog(null)} />` : null}`;
}

/**
 * The tag bar of a list: how many are tagged, "Case status…" for them, and Clear. Shared by the
 * case list (cases.js) and the advisors.
 */
export function TagBar({ count, noun, onOpen, onClear }) {
  return html`<div class="tag-bar" role="group" aria-label="Tagged">
    <span class="tag-count" aria-live="polite">${count ? `${count} ${noun}${count === 1 ? '' : 's'} tagged` : `Tag ${noun}s for a status report`}</span>
    <${Button} size="sm" kind="secondary" icon="mail" aria-haspopup="dialog" disabled=${!count} onClick=${onOpen}>Case status…<//>
    ${count ? html`<${Button} size="sm" kind="ghost" onClick=${onClear}>Clear tags<//>` : null}
  </div>`;
}

/** What was sent to one advisor, newest first (paged), each entry's text behind a disclosure. */
export function AdvisorLogPanel({ advisor, onClose }) {
  const { items, error, hasMore, loadingMore, more, reload } = usePaged(`/contacts/${advisor.id}/advisor-log`, 25);
  return html`<${Panel} id="advisor-log" title=${`Log of ${advisor.name}`} onClose=${onClose}>
    ${error ? html`<${Alert} kind="error" title="The log could not be loaded">${error.detail}
        <button type="button" class="link-btn" onClick=${reload}>Try again</button><//>`
      : !items ? html`<${Spinner} label="Loading the log…" />`
      : items.length === 0 ? html`<${EmptyState} icon="mail" title="Nothing sent yet">
          Each case status report sent to ${advisor.name} is logged here.<//>`
      : html`<ol class="advisor-log" aria-label=${`What was sent to ${advisor.name}`}>
        ${items.map((e) => {
          const at = fmtDateTime(e.at);
          return html`<li key=${e.id} class="advisor-log-entry" data-log-id=${e.id}>
            <div class="advisor-log-meta">
              <span class="badge badge-accent"><${Icon} name=${e.method === 'letter' ? 'letter' : 'mail'} />
                ${METHOD_LABELS[e.method] || e.method}</span>
              <time datetime=${e.at}>${at.date}${at.time ? `, ${at.time}` : ''}</time>
              ${e.case ? html`<a class="case-link" href=${`#/cases/${e.case.id}`} onClick=${onClose}>
                ${e.case.number || e.case.name}</a>` : null}
            </div>
            <p class="advisor-log-subject">${e.subject || html`<span class="cell-muted">No subject</span>`}</p>
            ${e.body ? html`<details class="advisor-log-body"><summary>What was sent</summary>
              <pre class="advisor-log-text">${e.body}</pre></details>` : null}
          </li>`;
        })}
      </ol>
      ${hasMore ? html`<div class="more-row"><${Button} kind="secondary" busy=${loadingMore} busyLabel="Loading…"
        onClick=${more}>More<//></div>` : null}`}
  <//>`;
}
