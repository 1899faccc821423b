// setup-users.js - Setup > Users: the user list (GET /api/v1/users), adding a user (POST),
// the per-user rights editor (PUT/DELETE /users/{id}/rights/{right}) and activating or
// deactivating (PATCH with If-Match). Offices are in setup-offices.js.
import { html, useState, useEffect, useRef, useLayoutEffect } from '/vendor/preact-htm.js';
import { get, getAll, post, put, patch, del } from './api.js';
import { Alert, Button, Field, EmptyState, Spinner, ROLES, ROLE_LABELS, rightLabel, rightShort, initials, compact } from './ui.js';
import { problemProps, problemText, focusProblemField } from './forms.js';
import { forgetLists } from './lists.js';

export function UsersSection({ me, onSelfChange }) {
  const [users, setUsers] = useState(null);
  const [offices, setOffices] = useState([]);
  const [rights, setRights] = useState([]);
  const [loadError, setLoadError] = useState(null);
  const [notice, setNotice] = useState(null);
  const [actionError, setActionError] = useState(null);
  const [adding, setAdding] = useState(false);
  const [openId, setOpenId] = useState(null);
  const [busyId, setBusyId] = useState(null);

  async function load() {
    setLoadError(null);
    try {
      const [u, o, r] = await Promise.all([getAll('/users'), getAll('/offices'), get('/rights')]);
      setUsers(u);
      setOffices(o);
      setRights(r.items || []);
    } catch (err) {
      setLoadError(err.detail);
    }
  }
  useEffect(() => { load(); }, []);

  function replaceUser(u) {
    forgetLists('people'); // the owner and staff pickers of the case pages
    setUsers((list) => list.map((x) => (x.id === u.id ? { ...x, ...u } : x)));
    if (u.id === me.id) {
      const { overrides, ...self } = u;
      onSelfChange({ ...me, ...self });
    }
  }

  async function toggleActive(u) {
    setBusyId(u.id);
    setActionError(null);
    setNotice(null);
    try {
      const r = await patch(`/users/${u.id}`, { active: !u.active }, { ifMatch: u.version });
      replaceUser(r);
      setNotice(`${r.name} is now ${r.active ? 'active' : 'deactivated'}.`);
    } catch (err) {
      setActionError(`${u.name}: ${err.detail}`);
      if (err.status === 409 || err.status === 428) {
        try { replaceUser(await get(`/users/${u.id}`)); } catch { /* the error above stands */ }
      }
    } finally {
      setBusyId(null);
    }
  }

  const officeName = (id) => offices.find((o) => o.id === id)?.name;

  return html`<section class="card" aria-labelledby="users-title">
    <div class="card-head">
      <div class="card-head-text">
        <h2 id="users-title" class="card-title">Users</h2>
        ${users ? html`<span class="count-badge">${users.length}</span>` : null}
      </div>
      ${!adding ? html`<${Button} kind="primary" icon="plus"
        onClick=${() => { setAdding(true); setNotice(null); }}>Add user<//>` : null}
    </div>
    ${adding ? html`<${AddUserForm} offices=${offices}
      onCancel=${() => setAdding(false)}
      onAdded=${(u) => { forgetLists('people'); setUsers((l) => [...(l || []), u]); setAdding(false); setNotice(`Added ${u.name} (${u.login}).`); }} />` : null}
    ${notice || actionError ? html`<div class="card-alerts">
      ${notice ? html`<${Alert} kind="success" onClose=${() => setNotice(null)}>${notice}<//>` : null}
      ${actionError ? html`<${Alert} kind="error" onClose=${() => setActionError(null)}>${actionError}<//>` : null}
    </div>` : null}
    ${loadError ? html`<div class="card-alerts"><${Alert} kind="error" title="The users could not be loaded">
        ${loadError} <button type="button" class="link-btn" onClick=${load}>Try again</button><//></div>`
      : !users ? html`<${Spinner} label="Loading users…" />`
      : users.length === 0 ? html`<${EmptyState} icon="users" title="No users yet">Add the first one above.<//>`
      : html`<div class="table-wrap">
        <table class="table table-stack" aria-labelledby="users-title">
          <thead><tr>
            <th scope="col">User</th><th scope="col">Role</th><th scope="col">Office</th>
            <th scope="col">Status</th><th scope="col">Rights</th>
            <th scope="col"><span class="visually-hidden">Actions</span></th>
          </tr></thead>
          <tbody>
            ${users.map((u) => html`<${UserRow} key=${u.id} user=${u} me=${me} rights=${rights}
              office=${officeName(u.office_id)} open=${openId === u.id} busy=${busyId === u.id}
              onToggleRights=${() => setOpenId(openId === u.id ? null : u.id)}
              onToggleActive=${() => toggleActive(u)} onChange=${replaceUser} />`)}
          </tbody>
        </table>
      </div>`}
  </section>`;
}

function UserRow({ user: u, me, rights, office, open, busy, onToggleRights, onToggleActive, onChange }) {
  const self = u.id === me.id;
  return html`<tr class=${u.active ? '' : 'is-inactive'} data-login=${u.login}>
      <td data-label="User">
        <div class="cell-user">
          <span class="avatar avatar-sm" aria-hidden="true">${initials(u.name || u.login)}</span>
          <span class="cell-user-text">
            <span class="cell-strong">${u.name}${self ? html` <span class="you">You</span>` : null}</span>
            <span class="cell-muted mono">${u.login}</span>
          </span>
        </div>
      </td>
      <td data-label="Role" class="nowrap">${ROLE_LABELS[u.role] || u.role}</td>
      <td data-label="Office">${office || html`<span class="cell-muted">—</span>`}</td>
      <td data-label="Status">${u.active
        ? html`<span class="badge badge-success">Active</span>`
        : html`<span class="badge badge-muted">Inactive</span>`}</td>
      <td data-label="Rights">${u.rights && u.rights.length && rights.length && rights.every((r) => u.rights.includes(r.name))
        ? html`<ul class="chips" aria-label="Rights"><li class="chip chip-all" title=${u.rights.map(rightLabel).join(', ')}>All rights</li></ul>`
        : u.rights && u.rights.length
        ? html`<ul class="chips" aria-label="Rights">${u.rights.map((r) => html`<li key=${r} class="chip" title=${rightLabel(r)}>${rightShort(r)}</li>`)}</ul>`
        : html`<span class="cell-muted">None (reads own cases)</span>`}</td>
      <td class="cell-actions">
        <div class="row-actions">
          <${Button} size="sm" kind="secondary" aria-expanded=${open ? 'true' : 'false'}
            aria-controls=${`rights-${u.id}`} onClick=${onToggleRights}
            aria-label=${`Edit rights of ${u.name}`}>Rights<//>
          <${Button} size="sm" kind=${u.active ? 'ghost-danger' : 'secondary'} busy=${busy}
            disabled=${self && u.active} title=${self && u.active ? 'You cannot deactivate yourself' : undefined}
            aria-label=${`${u.active ? 'Deactivate' : 'Activate'} ${u.name}`}
            onClick=${onToggleActive}>${u.active ? 'Deactivate' : 'Activate'}<//>
        </div>
      </td>
    </tr>
    ${open ? html`<tr class="detail-row"><td colspan="6">
      <${RightsEditor} user=${u} rights=${rights} onChange=${onChange} />
    </td></tr>` : null}`;
}

function RightsEditor({ user, rights, onChange }) {
  const [detail, setDetail] = useState(null);
  const [error, setError] = useState(null);
  const [saving, setSaving] = useState(null);

  useEffect(() => {
    let live = true;
    get(`/users/${user.id}`).then((u) => live && setDetail(u)).catch((err) => live && setError(err.detail));
    return () => { live = false; };
  }, [user.id]);

  // While a change is saved the box shows the state asked for; a failure puts it back.
  async function change(name, wanted, fn) {
    setSaving({ name, wanted });
    setError(null);
    try {
      const u = await fn();
      setDetail(u);
      onChange(u);
    } catch (err) {
      setError(`${rightLabel(name)}: ${err.detail}`);
    } finally {
      setSaving(null);
    }
  }
  const grant = (name, granted) => change(name, granted,
    () => put(`/users/${user.id}/rights/${encodeURIComponent(name)}`, { granted }));
  const reset = (name) => change(name, undefined,
    () => del(`/users/${user.id}/rights/${encodeURIComponent(name)}`));

  const u = detail || user;
  const effective = new Set(u.rights || []);
  const state = (r) => {
    if (u.overrides) {
      if ((u.overrides.granted || []).includes(r.name)) return 'granted';
      if ((u.overrides.revoked || []).includes(r.name)) return 'revoked';
      return 'default';
    }
    const byRole = (r.roles || []).includes(u.role);
    return byRole === effective.has(r.name) ? 'default' : effective.has(r.name) ? 'granted' : 'revoked';
  };

  return html`<div class="rights-editor" id=${`rights-${user.id}`}>
    <fieldset>
      <legend>Rights of ${user.name}</legend>
      <p class="rights-intro">Each right starts from the default of the role
        (${ROLE_LABELS[u.role] || u.role}). A change here applies to this user only;
        “Reset” returns the right to the role default.</p>
      ${error ? html`<${Alert} kind="error">${error}<//>` : null}
      ${!detail && !error ? html`<${Spinner} label="Loading rights…" />` : null}
      <ul class="rights-list">
        ${rights.map((r) => {
          const s = state(r);
          const id = `right-${user.id}-${r.name}`;
          return html`<li key=${r.name} class="right-item">
            <input type="checkbox" id=${id}
              checked=${saving?.name === r.name && saving.wanted !== undefined ? saving.wanted : effective.has(r.name)}
              disabled=${!detail || saving !== null} onChange=${(e) => grant(r.name, e.currentTarget.checked)} />
            <label for=${id} class="right-text">
              <span class="right-label">${rightLabel(r.name)}</span>
              <span class="right-desc">${r.description}</span>
            </label>
            <span class="right-state">
              ${saving?.name === r.name ? html`<span class="spinner spinner-sm" role="status" aria-label="Saving"></span>` : null}
              ${s === 'default' ? html`<span class="badge badge-muted">Role default</span>`
                : s === 'granted' ? html`<span class="badge badge-accent">Granted</span>`
                : html`<span class="badge badge-warn">Revoked</span>`}
              ${s !== 'default' ? html`<button type="button" class="link-btn" disabled=${saving !== null}
                aria-label=${`Reset ${rightLabel(r.name)} to the role default`}
                onClick=${() => reset(r.name)}>Reset</button>` : null}
            </span>
          </li>`;
        })}
      </ul>
    </fieldset>
  </div>`;
}

const USER_LABELS = { login: 'Login', name: 'Full name', email: 'E-mail', role: 'Role', office_id: 'Office', password: 'Password' };
const EMPTY_USER = { login: '', name: '', email: '', role: 'staff', office_id: '', password: '' };

function AddUserForm({ offices, onAdded, onCancel }) {
  const [v, setV] = useState(EMPTY_USER);
  const [problem, setProblem] = useState(null);
  const [busy, setBusy] = useState(false);
  const first = useRef(null);
  useLayoutEffect(() => first.current?.focus(), []);

  const set = (k) => (e) => setV({ ...v, [k]: e.currentTarget.value });
  const pp = (k, hint) => problemProps(problem, k, 'add-user-error', hint ? `nu-${k}-hint` : undefined);

  async function submit(e) {
    e.preventDefault();
    if (busy) return;
    const missing = ['login', 'name', 'password'].find((k) => !String(v[k]).trim());
    if (missing) {
      const p = { field: missing, detail: 'is required' };
      setProblem(p);
      focusProblemField(p, 'nu-');
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const body = compact({ ...v, office_id: v.office_id ? Number(v.office_id) : null });
      const u = await post('/users', body);
      onAdded(u);
    } catch (err) {
      setProblem({ field: err.field, detail: err.detail });
      focusProblemField(err, 'nu-');
      setBusy(false);
    }
  }

  return html`<form class="inline-form" onSubmit=${submit} novalidate aria-labelledby="add-user-title">
    <h3 id="add-user-title" class="form-title">Add a user</h3>
    ${problem ? html`<${Alert} kind="error" id="add-user-error">${problemText(problem, USER_LABELS)}<//>` : null}
    <div class="form-grid">
      <${Field} id="nu-login" label="Login" required hint="Letters, digits and . _ - @">
        <input id="nu-login" ref=${first} value=${v.login} onInput=${set('login')} autocomplete="off"
          autocapitalize="none" spellcheck="false" required ...${pp('login', true)} />
      <//>
      <${Field} id="nu-name" label="Full name" required>
        <input id="nu-name" value=${v.name} onInput=${set('name')} autocomplete="off" required ...${pp('name')} />
      <//>
      <${Field} id="nu-email" label="E-mail">
        <input id="nu-email" type="email" value=${v.email} onInput=${set('email')} autocomplete="off" ...${pp('email')} />
      <//>
      <${Field} id="nu-role" label="Role" required>
        <select id="nu-role" value=${v.role} onChange=${set('role')} ...${pp('role')}>
          ${ROLES.map((r) => html`<option key=${r} value=${r}>${ROLE_LABELS[r]}</option>`)}
        </select>
      <//>
      <${Field} id="nu-office_id" label="Office">
        <select id="nu-office_id" value=${v.office_id} onChange=${set('office_id')} ...${pp('office_id')}>
          <option value="">No office</option>
          ${offices.map((o) => html`<option key=${o.id} value=${String(o.id)}>${o.name}</option>`)}
        </select>
      <//>
      <${Field} id="nu-password" label="Initial password" required hint="12 to 128 characters; not a common password">
        <input id="nu-password" type="password" value=${v.password} onInput=${set('password')}
          autocomplete="new-password" required ...${pp('password', true)} />
      <//>
    </div>
    <div class="form-actions">
      <${Button} kind="primary" type="submit" busy=${busy} busyLabel="Adding…">Add user<//>
      <${Button} kind="ghost" onClick=${onCancel} disabled=${busy}>Cancel<//>
    </div>
  </form>`;
}
