// case-parties.js - the Parties area of the case page, minimal for now: the plaintiffs and
// defendants of a case (contacts), adding one (search the contacts or add a new one inline) and
// removing one. Other cases (case-related.js) are found through the plaintiffs. API:
// /api/v1/cases/{id}/parties; contacts: pickers.js.
import { html, useState } from '/vendor/preact-htm.js';
import { post, del } from './api.js';
import { Alert, Button, Field, RemoveButtons, Spinner } from './ui.js';
import { useGet, useRemoval } from './hooks.js';
import { useForm, FormProblem, FormActions } from './forms.js';
import { ContactPicker } from './pickers.js';

const KINDS = [{ id: 'plaintiff', label: 'Plaintiff', plural: 'Plaintiffs' }, { id: 'defendant', label: 'Defendant', plural: 'Defendants' }];

export function CaseParties({ kase, canEdit, onChanged }) {
  const { data, error, reload } = useGet(`/cases/${kase.id}/parties`);
  const [adding, setAdding] = useState(false);
  const removal = useRemoval();
  const items = data?.items;

  async function remove(p) {
    const err = await removal.remove(p.id, () => del(`/cases/${kase.id}/parties/${p.id}`), `${p.contact.name} was not removed`);
    if (!err) onChanged();
    reload();
  }

  return html`<section class="card case-card" aria-labelledby="parties-title">
    <div class="card-head">
      <h2 id="parties-title" class="card-title">Parties</h2>
      ${canEdit && !adding ? html`<${Button} size="sm" kind="secondary" icon="plus" aria-label="Add a party"
        onClick=${() => setAdding(true)}>Add<//>` : null}
    </div>
    ${adding ? html`<${PartyForm} kase=${kase} onCancel=${() => setAdding(false)}
      onAdded=${() => { setAdding(false); reload(); onChanged(); }} />` : null}
    ${removal.error ? html`<div class="card-alerts"><${Alert} kind="error" onClose=${removal.clearError}>${removal.error}<//></div>` : null}
    ${error ? html`<div class="card-alerts"><${Alert} kind="error">${error.detail}
        <button type="button" class="link-btn" onClick=${reload}>Try again</button><//></div>`
      : !items ? html`<${Spinner} label="Loading parties…" />`
      : items.length === 0 ? html`<p class="card-empty">No plaintiffs or defendants yet.</p>`
      : html`<table class="plain-table" aria-label="Parties"><tbody>
          ${KINDS.flatMap((k) => items.filter((p) => p.kind === k.id).map((p) => html`<tr key=${p.id} data-party=${p.contact.name}>
            <td class="plain-key">${k.label}</td>
            <td>${p.contact.name}</td>
            <td class="cell-actions"><div class="row-actions">
              ${canEdit ? html`<${RemoveButtons} removal=${removal} id=${p.id}
                label=${`Remove ${k.label.toLowerCase()} ${p.contact.name}`} question=${`Remove ${p.contact.name}?`}
                busyLabel="Removing…" onConfirm=${() => remove(p)} />` : null}
            </div></td>
          </tr>`))}
        </tbody></table>`}
  </section>`;
}

function PartyForm({ kase, onAdded, onCancel }) {
  const [kind, setKind] = useState('plaintiff');
  const [contact, setContact] = useState(null);
  const form = useForm('party-');

  function submit(e) {
    e.preventDefault();
    if (!contact) return form.fail({ field: 'contact_id', detail: 'choose a contact, or add a new one' });
    return form.run(async () => {
      await post(`/cases/${kase.id}/parties`, { contact_id: contact.id, kind });
      onAdded();
    });
  }

  return html`<form class="inline-form" onSubmit=${submit} novalidate aria-label="Add a party">
    <${FormProblem} form=${form} prefix="party-" labels=${{ contact_id: 'Contact', kind: 'As' }} />
    <${Field} id="party-kind" label="As">
      <select id="party-kind" value=${kind} onChange=${(e) => setKind(e.currentTarget.value)}>
        ${KINDS.map((k) => html`<option key=${k.id} value=${k.id}>${k.label}</option>`)}
      </select>
    <//>
    <div class=${`field ${form.problem?.field === 'contact_id' ? 'has-error' : ''}`}>
      <div class="field-label"><label for="party-contact">Contact</label><span class="req" aria-hidden="true">*</span></div>
      <${ContactPicker} id="party-contact" label="Contact" value=${contact} onChange=${setContact}
        invalid=${form.problem?.field === 'contact_id'} />
    </div>
    <${FormActions} form=${form} label="Add party" busyLabel="Adding…" onCancel=${onCancel} />
  </form>`;
}
