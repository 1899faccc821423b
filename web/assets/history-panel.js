// history-panel.js - the history panels of the case page (statuses, staff, estimated value):
// a side panel with a table read from one GET, newest first, each row with its from and to
// dates ("Current" while it lasts). The columns are given by the caller; HistoryTable is the
// table alone, for rows the caller already has (the estimated value's, from the case summary).
import { html } from '/vendor/preact-htm.js';
import { Alert, Dash, EmptyState, Panel, Spinner } from './ui.js';
import { useGet } from './hooks.js';
import { fmtDate } from './format.js';

const when = (d) => html`<time datetime=${d}>${fmtDate(d)}</time>`;

/** Columns most histories share. */
export const FROM = { label: 'From', className: 'nowrap', cell: (r) => when(r.from_date) };
export const TO = {
  label: 'To', className: 'nowrap',
  cell: (r) => (r.to_date ? when(r.to_date) : html`<span class="badge badge-accent">Current</span>`),
};
export const STAFF = { label: 'Staff', cell: (r) => r.staff?.name || html`<${Dash} />` };
export const COMMENTS = { label: 'Comments', className: 'cell-text', cell: (r) => r.comments || html`<${Dash} />` };

/** The table of a history: `rows` in `columns` ({label, cell(row), className}), or `empty`. */
export function HistoryTable({ title, rows, columns, empty }) {
  if (rows.length === 0) return html`<${EmptyState} icon="history" title=${empty}><//>`;
  return html`<div class="table-wrap panel-table">
    <table class="table table-stack" aria-label=${title}>
      <thead><tr>${columns.map((c) => html`<th scope="col" key=${c.label}>${c.label}</th>`)}</tr></thead>
      <tbody>
        ${rows.map((r) => html`<tr key=${r.id} class=${r.to_date ? '' : 'is-current'}>
          ${columns.map((c) => html`<td key=${c.label} data-label=${c.label} class=${c.className}>${c.cell(r)}</td>`)}
        </tr>`)}
      </tbody>
    </table>
  </div>`;
}

/**
 * A panel listing `path`'s items in a table of `columns` ({label, cell(row), className}); `empty`
 * is the title shown when there is none.
 */
export function HistoryPanel({ id, title, path, columns, empty, onClose }) {
  const { data, error, reload } = useGet(path);
  const rows = data?.items;
  return html`<${Panel} id=${id} title=${title} wide onClose=${onClose}>
    ${error ? html`<${Alert} kind="error">${error.detail} <button type="button" class="link-btn" onClick=${reload}>Try again</button><//>`
      : !rows ? html`<${Spinner} label="Loading history…" />`
      : html`<${HistoryTable} title=${title} rows=${rows} columns=${columns} empty=${empty} />`}
  <//>`;
}
