// case-timeline.js - the Timeline of the case page: every event written with a change of the
// case (date, event, staff, description), newest first, read only, a page at a time ("More").
// API: GET /api/v1/cases/{id}/timeline. The server writes the events; nothing here changes them.
import { html } from '/vendor/preact-htm.js';
import { Alert, Button, Spinner, Dash } from './ui.js';
import { usePaged } from './hooks.js';
import { fmtDateTime } from './format.js';

const EVENT_LABELS = {
  'case.created': 'Case opened', 'case.changed': 'Case changed', 'case.deleted': 'Case deleted',
  'case.closed': 'Case closed', 'case.reopened': 'Case reopened',
  'status.set': 'Status set', 'status.changed': 'Status changed', 'status.removed': 'Status removed',
  'staff.added': 'Staff added', 'staff.changed': 'Staff changed', 'staff.removed': 'Staff removed',
  'note.added': 'Note added', 'note.changed': 'Note changed', 'note.deleted': 'Note deleted',
  'related.added': 'Related case added', 'related.removed': 'Related case removed',
  'party.added': 'Party added', 'party.removed': 'Party removed',
};

/** A readable name for an event type: "status.set" -> "Status set"; unknown ones spelled out. */
export function eventLabel(type) {
  if (EVENT_LABELS[type]) return EVENT_LABELS[type];
  const s = String(type || '').replace(/[._]/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function CaseTimeline({ kase, rev }) {
  const { items, error, hasMore, loadingMore, more, reload } = usePaged(`/cases/${kase.id}/timeline`, 10, [rev]);
  return html`<section class="card" aria-labelledby="timeline-title">
    <div class="card-head"><h2 id="timeline-title" class="card-title">Timeline</h2></div>
    ${error ? html`<div class="card-alerts"><${Alert} kind="error">${error.detail}
        <button type="button" class="link-btn" onClick=${reload}>Try again</button><//></div>`
      : !items ? html`<${Spinner} label="Loading the timeline…" />`
      : items.length === 0 ? html`<p class="card-empty">Nothing has happened yet.</p>`
      : html`<div class="table-wrap">
        <table class="table table-stack" aria-labelledby="timeline-title">
          <thead><tr><th scope="col">Date</th><th scope="col">Event</th><th scope="col">Staff</th>
            <th scope="col">Description</th></tr></thead>
          <tbody>
            ${items.map((ev) => {
              const when = fmtDateTime(ev.at);
              return html`<tr key=${ev.id} data-event=${ev.type}>
                <td data-label="Date" class="nowrap"><time datetime=${ev.at}>${when.date}
                  <span class="cell-muted"> ${when.time}</span></time></td>
                <td data-label="Event" class="nowrap">${eventLabel(ev.type)}</td>
                <td data-label="Staff" class="nowrap">${ev.staff?.name || html`<span class="cell-muted">System</span>`}</td>
                <td data-label="Description" class="cell-text">${ev.description || html`<${Dash} />`}</td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
      ${hasMore ? html`<div class="more-row"><${Button} kind="secondary" busy=${loadingMore} busyLabel="Loading…"
        onClick=${more}>More<//></div>` : null}`}
  </section>`;
}
