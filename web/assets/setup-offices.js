// setup-offices.js - Setup > Offices: the office list (GET /api/v1/offices), adding (POST) and
// deleting (DELETE; a 409 says how many users still belong to it), each office's follow-ups for
// case status reports, and the firm's status report settings below the list (both from
// report-setup.js). Users are in setup-users.js.
import { html, useState, useEffect, useRef, useLayoutEffect } from '/vendor/preact-htm.js';
import { getAll, post, del } from './api.js';
import { Alert, Button, Field, EmptyState, Spinner, compact } from './ui.js';
import { problemProps, problemText, focusProblemField } from './forms.js';
import { forgetLists } from './lists.js';
import { FollowUpButton } from './report-setup.js';

export function OfficesSection() {
  const [offices, setOffices] = useState(null);
  const [loadError, setLoadError] = useState(null);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState(null);
  const [actionError, setActionError] = useState(null);
  const [confirmId, setConfirmId] = useState(null);
  const [busyId, setBusyId] = useState(null);

  async function load() {
    setLoadError(null);
    try {
      setOffices(await getAll('/offices'));
    } catch (err) {
      setLoadError(err.detail);
    }
  }
  useEffect(() => { load(); }, []);

  async function remove(o) {
    setBusyId(o.id);
    setActionError(null);
    setNotice(null);
    try {
      await del(`/offices/${o.id}`);
      forgetLists('offices');
      setOffices((l) => l.filter((x) => x.id !== o.id));
      setNotice(`Deleted ${o.name}.`);
    } catch (err) {
      setActionError(`${o.name} was not deleted: ${err.detail}`);
      if (err.status === 404) load();
    } finally {
      setBusyId(null);
      setConfirmId(null);
    }
  }

  return html`<section class="card" aria-labelledby="offices-title">
    <div class="card-head">
      <div class="card-head-text">
        <h2 id="offices-title" class="card-title">Offices</h2>
        ${offices ? html`<span class="count-badge">${offices.length}</span>` : null}
      </div>
      ${!adding ? html`<${Button} kind="primary" icon="plus"
        onClick=${() => { setAdding(true); setNotice(null); }}>Add office<//>` : null}
    </div>
    ${adding ? html`<${AddOfficeForm} onCancel=${() => setAdding(false)}
      onAdded=${(o) => { forgetLists('offices'); setOffices((l) => [...(l || []), o]); setAdding(false); setNotice(`Added ${o.name}.`); }} />` : null}
    ${notice || actionError ? html`<div class="card-alerts">
      ${notice ? html`<${Alert} kind="success" onClose=${() => setNotice(null)}>${notice}<//>` : null}
      ${actionError ? html`<${Alert} kind="error" onClose=${() => setActionError(null)}>${actionError}<//>` : null}
    </div>` : null}
    ${loadError ? html`<div class="card-alerts"><${Alert} kind="error" title="The offices could not be loaded">
        ${loadError} <button type="button" class="link-btn" onClick=${load}>Try again</button><//></div>`
      : !offices ? html`<${Spinner} label="Loading offices…" />`
      : offices.length === 0 ? html`<${EmptyState} icon="office" title="No offices yet">
          Add an office to give users a place of work and letters a sender address.<//>`
      : html`<div class="table-wrap">
        <table class="table table-stack" aria-labelledby="offices-title">
          <thead><tr>
            <th scope="col">Name</th><th scope="col">Address</th><th scope="col">Phone</th>
            <th scope="col">E-mail</th><th scope="col"><span class="visually-hidden">Actions</span></th>
          </tr></thead>
          <tbody>
            ${offices.map((o) => html`<tr key=${o.id} data-office=${o.name}>
              <td data-label="Name"><span class="cell-strong">${o.name}</span></td>
              <td data-label="Address">${o.address || html`<span class="cell-muted">—</span>`}</td>
              <td data-label="Phone">${o.phone || html`<span class="cell-muted">—</span>`}</td>
              <td data-label="E-mail">${o.email || html`<span class="cell-muted">—</span>`}</td>
              <td class="cell-actions">
                <div class="row-actions">
                  ${confirmId === o.id ? html`
                    <${Button} size="sm" kind="danger" busy=${busyId === o.id} busyLabel="Deleting…"
                      onClick=${() => remove(o)}>Delete ${o.name}?<//>
                    <${Button} size="sm" kind="ghost" disabled=${busyId === o.id}
                      onClick=${() => setConfirmId(null)}>Keep<//>`
                  : html`<${FollowUpButton} office=${o} />
                    <${Button} size="sm" kind="ghost-danger" icon="trash"
                      aria-label=${`Delete ${o.name}`}
                      onClick=${() => { setConfirmId(o.id); setActionError(null); }}>Delete<//>`}
                </div>
              </td>
            </tr>`)}
          </tbody>
        </table>
      </div>`}
  </section>`;
}

const OFFICE_LABELS = { name: 'Name', address: 'Address', phone: 'Phone', email: 'E-mail' };
const EMPTY_OFFICE = { name: '', address: '', phone: '', email: '' };

function AddOfficeForm({ onAdded, onCancel }) {
  const [v, setV] = useState(EMPTY_OFFICE);
  const [problem, setProblem] = useState(null);
  const [busy, setBusy] = useState(false);
  const first = useRef(null);
  useLayoutEffect(() => first.current?.focus(), []);

  const set = (k) => (e) => setV({ ...v, [k]: e.currentTarget.value });
  const pp = (k) => problemProps(problem, k, 'add-office-error');

  async function submit(e) {
    e.preventDefault();
    if (busy) return;
    if (!v.name.trim()) {
      const p = { field: 'name', detail: 'is required' };
      setProblem(p);
      focusProblemField(p, 'no-');
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      onAdded(await post('/offices', compact(v)));
    } catch (err) {
      setProblem({ field: err.field, detail: err.detail });
      focusProblemField(err, 'no-');
      setBusy(false);
    }
  }

  return html`<form class="inline-form" onSubmit=${submit} novalidate aria-labelledby="add-office-title">
    <h3 id="add-office-title" class="form-title">Add an office</h3>
    ${problem ? html`<${Alert} kind="error" id="add-office-error">${problemText(problem, OFFICE_LABELS)}<//>` : null}
    <div class="form-grid">
      <${Field} id="no-name" label="Name" required>
        <input id="no-name" ref=${first} value=${v.name} onInput=${set('name')} autocomplete="off" required ...${pp('name')} />
      <//>
      <${Field} id="no-address" label="Address">
        <input id="no-address" value=${v.address} onInput=${set('address')} autocomplete="off" ...${pp('address')} />
      <//>
      <${Field} id="no-phone" label="Phone">
        <input id="no-phone" type="tel" value=${v.phone} onInput=${set('phone')} autocomplete="off" ...${pp('phone')} />
      <//>
      <${Field} id="no-email" label="E-mail">
        <input id="no-email" type="email" value=${v.email} onInput=${set('email')} autocomplete="off" ...${pp('email')} />
      <//>
    </div>
    <div class="form-actions">
      <${Button} kind="primary" type="submit" busy=${busy} busyLabel="Adding…">Add office<//>
      <${Button} kind="ghost" onClick=${onCancel} disabled=${busy}>Cancel<//>
    </div>
  </form>`;
}
