// app.js - entry point of the web UI: hash routing (#/login, #/cases, #/cases/new, #/cases/{id},
// #/reports, #/reports/advisors, #/setup/{section}), the session state (GET /api/v1/me on load)
// and the signed-in shell (navigation, the user, log out; "Case status…" opens the case status
// dialog for users with the mass send right). Pages are in cases.js, case-form.js, case-page.js,
// advisors.js (reports), pages.js, login.js and setup.js; every API call goes through api.js.
import { html, render, useState, useEffect, useCallback, useRef } from '/vendor/preact-htm.js';
import { get, del, setCsrfToken, setUnauthorizedHandler } from './api.js';
import { Alert, Button, Icon, Logo, ROLE_LABELS, initials } from './ui.js';
import { LoginPage } from './login.js';
import { ForbiddenPage, NotFoundPage } from './pages.js';
import { ReportsPage } from './advisors.js';
import { CaseStatusDialog } from './case-status-dialog.js';
import { CasesPage } from './cases.js';
import { NewCasePage } from './case-form.js';
import { CasePage } from './case-page.js';
import { SetupPage } from './setup.js';
import './case-editors.js';

const NAV = [
  { page: 'cases', label: 'Cases', icon: 'cases' },
  { page: 'reports', label: 'Reports', icon: 'reports', roles: ['admin', 'staff'] },
  { page: 'setup', label: 'Setup', icon: 'setup', right: 'admin' },
];

/** The route from location.hash: '#/setup/offices' -> {page: 'setup', parts: ['offices']}. */
function parseHash() {
  const parts = location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  return { page: parts[0] || '', parts: parts.slice(1) };
}

function replaceHash(hash) {
  history.replaceState(null, '', hash);
}

function useRoute() {
  const [route, setRoute] = useState(parseHash);
  useEffect(() => {
    const onChange = () => setRoute(parseHash());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const go = useCallback((hash, { replace = false } = {}) => {
    if (replace) replaceHash(hash);
    else location.hash = hash;
    setRoute(parseHash());
  }, []);
  return [route, go];
}

function App() {
  const [me, setMe] = useState(undefined); // undefined: checking; null: signed out; else the User
  const [bootError, setBootError] = useState(null);
  const [notice, setNotice] = useState(null);
  const [wanted, setWanted] = useState(null); // where to go after signing in
  const [route, go] = useRoute();

  const loadMe = useCallback(async () => {
    setBootError(null);
    try {
      const r = await get('/me', { auth: false });
      setCsrfToken(r.csrf_token);
      setMe(r.user);
    } catch (err) {
      if (err.status === 401) {
        setCsrfToken(null);
        setMe(null);
      } else {
        setBootError(err);
      }
    }
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setCsrfToken(null);
      setNotice('Your session has ended. Please sign in again.');
      setMe(null);
    });
    loadMe();
  }, [loadMe]);

  // Keep the address in step with the session state (read live: the user may have moved on).
  useEffect(() => {
    const live = parseHash();
    if (me === null && live.page !== 'login') {
      if (live.page) setWanted(location.hash);
      go('#/login', { replace: true });
    } else if (me && (live.page === 'login' || live.page === '')) {
      go(wanted || '#/cases', { replace: true });
      setWanted(null);
    }
  }, [me, route.page]);

  function loggedIn(user) {
    setNotice(null);
    setMe(user);
    go(wanted || '#/cases', { replace: true });
    setWanted(null);
  }

  if (bootError) {
    return html`<div class="boot boot-error">
      <${Alert} kind="error" title="Caseload could not start">${bootError.detail}<//>
      <${Button} kind="primary" onClick=${loadMe}>Try again<//>
    </div>`;
  }
  if (me === undefined) {
    return html`<div class="boot" role="status"><span class="spinner" aria-hidden="true"></span>
      <span>Loading Caseload…</span></div>`;
  }
  if (me === null) {
    return html`<${LoginPage} notice=${notice} onLoggedIn=${loggedIn} />`;
  }

  async function logout() {
    try {
      await del('/session', { auth: false });
    } catch {
      // Already signed out or the server is unreachable: the local session ends either way.
    }
    setCsrfToken(null);
    setNotice(null);
    setWanted(null);
    setMe(null);
    go('#/login', { replace: true });
  }

  return html`<${Shell} me=${me} route=${route} onLogout=${logout} onUserChange=${setMe} />`;
}

/** #/cases, #/cases/new and #/cases/{id}. */
function casesRoute(me, parts) {
  if (!parts.length) return html`<${CasesPage} me=${me} />`;
  if (parts.length === 1 && parts[0] === 'new') return html`<${NewCasePage} me=${me} />`;
  if (parts.length === 1 && /^[1-9]\d{0,17}$/.test(parts[0])) return html`<${CasePage} key=${parts[0]} me=${me} id=${parts[0]} />`;
  return html`<${NotFoundPage} />`;
}

/** #/reports (case status reports) and #/reports/advisors. */
function reportsRoute(me, parts) {
  if (!parts.length) return html`<${ReportsPage} me=${me} />`;
  if (parts.length === 1 && parts[0] === 'advisors') return html`<${ReportsPage} me=${me} section="advisors" />`;
  return html`<${NotFoundPage} />`;
}

function Shell({ me, route, onLogout, onUserChange }) {
  const [menuOpen, setMenuOpen] = useState(false);
  const [loggingOut, setLoggingOut] = useState(false);
  const [caseStatus, setCaseStatus] = useState(false); // the Case Status dialog from the menu
  const isAdmin = (me.rights || []).includes('admin');
  const massSend = (me.rights || []).includes('status_report_mass_send');
  const nav = NAV.filter((n) => (!n.right || (me.rights || []).includes(n.right)) && (!n.roles || n.roles.includes(me.role)));

  const menuRef = useRef(false);
  menuRef.current = menuOpen;
  useEffect(() => setMenuOpen(false), [route.page, route.parts.join('/')]);
  useEffect(() => {
    const onKey = (e) => {
      if (e.key === 'Escape' && menuRef.current) {
        setMenuOpen(false);
        document.getElementById('menu-button')?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  let page;
  switch (route.page) {
    case 'cases': page = casesRoute(me, route.parts); break;
    case 'reports': page = reportsRoute(me, route.parts); break;
    case 'setup': page = isAdmin ? html`<${SetupPage} me=${me} section=${route.parts[0]}
      onSelfChange=${onUserChange} />` : html`<${ForbiddenPage} />`; break;
    case '': case 'login': page = null; break;
    default: page = html`<${NotFoundPage} />`;
  }

  function skipToContent(e) {
    e.preventDefault();
    document.getElementById('main')?.focus();
  }

  async function logout() {
    setLoggingOut(true);
    await onLogout();
  }

  return html`<div class=${`shell ${menuOpen ? 'menu-open' : ''}`}>
    <a class="skip-link" href="#main" onClick=${skipToContent}>Skip to content</a>
    <header class="topbar">
      <a class="brand" href="#/cases" aria-label="Caseload, go to cases">
        <${Logo} /><span class="brand-name">Caseload</span>
      </a>
      <button type="button" id="menu-button" class="icon-btn menu-button"
        aria-expanded=${menuOpen ? 'true' : 'false'} aria-controls="sidebar"
        aria-label=${menuOpen ? 'Close menu' : 'Open menu'} onClick=${() => setMenuOpen(!menuOpen)}>
        <${Icon} name=${menuOpen ? 'close' : 'menu'} />
      </button>
    </header>
    <div class="scrim" aria-hidden="true" onClick=${() => setMenuOpen(false)}></div>
    <aside class="sidebar" id="sidebar">
      <a class="brand sidebar-brand" href="#/cases" aria-label="Caseload, go to cases">
        <${Logo} /><span class="brand-name">Caseload</span>
      </a>
      <nav class="nav" aria-label="Main">
        <ul>
          ${nav.map((n) => html`<li key=${n.page}>
            <a class="nav-link" href=${`#/${n.page}`}
              aria-current=${route.page === n.page ? 'page' : undefined} onClick=${() => setMenuOpen(false)}>
              <${Icon} name=${n.icon} /><span>${n.label}</span>
            </a>
            ${n.page === 'reports' && massSend ? html`<button type="button" class="nav-link nav-sub" aria-haspopup="dialog"
              onClick=${() => { setMenuOpen(false); setCaseStatus(true); }}>
              <${Icon} name="mail" /><span>Case status…</span>
            </button>` : null}
          </li>`)}
        </ul>
      </nav>
      <div class="sidebar-user">
        <div class="user-card">
          <span class="avatar" aria-hidden="true">${initials(me.name || me.login)}</span>
          <span class="user-text">
            <span class="user-name" data-testid="user-name">${me.name || me.login}</span>
            <span class="user-role">${ROLE_LABELS[me.role] || me.role}</span>
          </span>
        </div>
        <${Button} kind="ghost" icon="logout" className="logout-btn" busy=${loggingOut}
          busyLabel="Logging out…" onClick=${logout}>Log out<//>
      </div>
    </aside>
    <main class="main" id="main" tabindex="-1">
      <div class="page">${page}</div>
    </main>
    ${caseStatus ? html`<${CaseStatusDialog} me=${me} onClose=${() => setCaseStatus(false)} />` : null}
  </div>`;
}

const root = document.getElementById('app');
root.textContent = '';
render(html`<${App} />`, root);
