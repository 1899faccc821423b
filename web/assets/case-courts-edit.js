// case-courts-edit.js - the editor of the case's courts and dockets, hooked into the summary
// page's Courts / dockets area (areaActions and rowActions of case-summary.js): Add, and Edit or
// Delete on each row. A court row is the court (a contact, usually an organisation), the docket
// number, the filing date and the court personnel (contacts with their role: judge, clerk, ...;
// the list given replaces the stored one). API: /api/v1/cases/{id}/courts. The table itself is
// case-work.js; forms and panels are record-editor.js.
import { html } from '/vendor/preact-htm.js';
import { Button } from './ui.js';
import { areaActions, rowActions } from './case-summary.js';
import { ContactPicker } from './pickers.js';
import { AddButton, RowEditButton, pickerValue } from './record-editor.js';

const MAX_PERSONNEL = 32;

/** The personnel rows: a contact and a role each, added and removed in place. */
function PersonnelEditor({ id, value, set, invalid }) {
  const update = (i, row) => set(value.map((r, j) => (j === i ? { ...r, ...row } : r)));
  return html`<div class="list-editor">
    ${value.length === 0 ? html`<p class="field-hint">Nobody yet.</p>` : null}
    ${value.map((r, i) => html`<div class="list-editor-row" key=${i}>
      <div class="list-editor-main">
        <${ContactPicker} id=${`${id}-${i}-contact`} label=${`Person ${i + 1}`} kind="person" value=${r.contact}
          invalid=${invalid && !r.contact} onChange=${(c) => update(i, { contact: c })} />
      </div>
      <input class="list-editor-side" value=${r.role} placeholder="Role: judge, clerk…" aria-label=${`Role of person ${i + 1}`}
        autocomplete="off" onInput=${(e) => update(i, { role: e.currentTarget.value })} />
      <${Button} size="sm" kind="ghost-danger" icon="trash" iconOnly aria-label=${`Remove person ${i + 1}`}
        onClick=${() => set(value.filter((_, j) => j !== i))}>Remove<//>
    </div>`)}
    ${value.length < MAX_PERSONNEL ? html`<div><${Button} size="sm" kind="secondary" icon="plus"
      onClick=${() => set([...value, { contact: null, role: '' }])}>Add person<//></div>` : null}
  </div>`;
}

const FIELDS = [
  { k: 'court_id', src: 'court', label: 'Court', type: 'contact', kind: 'organisation', required: true, wide: true,
    requiredText: 'choose the court, or add it as a new contact' },
  { k: 'docket_number', label: 'Docket number', type: 'text' },
  { k: 'filing_date', label: 'Filing date', type: 'date' },
  {
    k: 'personnel', label: 'Court personnel', type: 'custom', wide: true,
    toForm: (row) => (row?.personnel || []).map((p) => ({ contact: pickerValue(p.contact), role: p.role || '' })),
    fromForm: (rows) => {
      const kept = rows.filter((r) => r.contact || r.role.trim());
      if (kept.some((r) => !r.contact)) return { error: 'choose a contact for each person, or remove the row' };
      return { value: kept.map((r) => ({ contact_id: r.contact.id, role: r.role.trim() })) };
    },
    render: (props) => html`<${PersonnelEditor} ...${props} />`,
  },
];

const caseOf = (p) => p.summary?.case || p.kase;

areaActions.courts = (p) => (p.canEdit ? html`<${AddButton} id="court-add" label="Add a court" title="Add a court"
  fields=${FIELDS} path=${`/cases/${caseOf(p).id}/courts`} submitLabel="Add court" onChanged=${p.onChanged} />` : null);

rowActions.courts = (p) => (p.canEdit ? html`<${RowEditButton} id="court-edit"
  name=${`court ${p.row.court?.name || ''}${p.row.docket_number ? ` docket ${p.row.docket_number}` : ''}`.trim()}
  fields=${FIELDS} path=${`/cases/${caseOf(p).id}/courts`} row=${p.row} onChanged=${p.onChanged} />` : null);
