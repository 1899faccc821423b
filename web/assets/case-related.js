// case-related.js - the case page's lists of other cases, shown in its tabs (case-tabs.js):
// Related cases (linked by hand, both ways: add by searching for a case, delete) and Other cases
// (read only: cases that share a plaintiff with this one). Both show number, name, stage,
// attorney, paralegal and case manager. The lists come with the case summary (case-page.js
// reloads it after every change); links are written at /api/v1/cases/{id}/related.
import { html, useState } from '/vendor/preact-htm.js';
import { post, del } from './api.js';
import { Alert, Button, Dash, RemoveButtons } from './ui.js';
import { useRemoval } from './hooks.js';
import { CasePicker } from './pickers.js';

/** A table of case briefs; `actions(brief)` adds an action cell when given. */
function BriefTable({ id, label, items, actions }) {
  return html`<div class="table-wrap">
    <table class="table table-stack" aria-label=${label} id=${id}>
      <thead><tr>
        <th scope="col">Number</th><th scope="col">Name</th><th scope="col">Stage</th>
        <th scope="col">Attorney</th><th scope="col">Paralegal</th><th scope="col">Case manager</th>
        ${actions ? html`<th scope="col"><span class="visually-hidden">Actions</span></th>` : null}
      </tr></thead>
      <tbody>
        ${items.map((b) => html`<tr key=${b.id} data-case-id=${b.id}>
          <td data-label="Number"><a class="cell-strong" href=${`#/cases/${b.id}`}>${b.number || 'No number'}</a></td>
          <td data-label="Name">${b.name}</td>
          <td data-label="Stage">${b.stage || html`<${Dash} />`}</td>
          <td data-label="Attorney">${b.attorney || html`<${Dash} />`}</td>
          <td data-label="Paralegal">${b.paralegal || html`<${Dash} />`}</td>
          <td data-label="Case manager">${b.case_manager || html`<${Dash} />`}</td>
          ${actions ? html`<td class="cell-actions"><div class="row-actions">${actions(b)}</div></td>` : null}
        </tr>`)}
      </tbody>
    </table>
  </div>`;
}

/** Related cases: `items` (case briefs), linking and unlinking; onChanged() after a change. */
export function RelatedCases({ kase, items, canEdit, onChanged }) {
  const [adding, setAdding] = useState(false);
  const [linkError, setLinkError] = useState(null);
  const removal = useRemoval();

  async function link(c) {
    setLinkError(null);
    try {
      await post(`/cases/${kase.id}/related`, { case_id: c.id });
      setAdding(false);
      onChanged();
    } catch (err) {
      setLinkError(`${c.number || c.name} was not linked: ${err.detail}`);
    }
  }
  async function unlink(b) {
    await removal.remove(b.id, () => del(`/cases/${kase.id}/related/${b.id}`), `${b.number || b.name} was not unlinked`);
    onChanged();
  }

  const actions = canEdit ? (b) => html`<${RemoveButtons} removal=${removal} id=${b.id}
    label=${`Unlink ${b.number || b.name}`} question=${`Unlink ${b.number || b.name}?`} busyLabel="Unlinking…"
    onConfirm=${() => unlink(b)} />` : null;
  const actionError = linkError || removal.error;

  return html`<div class="related-area">
    <div class="tab-bar">
      <span class="card-hint">Linked by hand; each case lists the other.</span>
      ${canEdit && !adding ? html`<${Button} size="sm" kind="secondary" icon="plus"
        onClick=${() => { setAdding(true); setLinkError(null); }}>Add related case<//>` : null}
    </div>
    ${adding ? html`<div class="inline-form">
      <div class="field">
        <label for="related-pick">Case to link</label>
        <${CasePicker} id="related-pick" label="Case to link" excludeId=${kase.id} onPick=${link} autofocus />
        <p class="field-hint">The link goes both ways: this case shows in the other's list too.</p>
      </div>
      <div class="form-actions"><${Button} kind="ghost" onClick=${() => setAdding(false)}>Cancel<//></div>
    </div>` : null}
    ${actionError ? html`<div class="card-alerts"><${Alert} kind="error"
      onClose=${() => { setLinkError(null); removal.clearError(); }}>${actionError}<//></div>` : null}
    ${items.length === 0 ? html`<p class="card-empty">No related cases.</p>`
      : html`<${BriefTable} id="related-table" label="Related cases" items=${items} actions=${actions} />`}
  </div>`;
}

/** Other cases: `items` (case briefs of the cases sharing a plaintiff), read only. */
export function OtherCases({ items }) {
  return html`<div class="related-area">
    <div class="tab-bar"><span class="card-hint">Cases with the same plaintiff</span></div>
    ${items.length === 0 ? html`<p class="card-empty">No other case shares a plaintiff with this one.</p>`
      : html`<${BriefTable} id="other-table" label="Other cases" items=${items} />`}
  </div>`;
}
