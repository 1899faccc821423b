// login.js - the sign-in page (#/login): POST /api/v1/session, then hands the user and the
// CSRF token to app.js. Errors (401 wrong credentials, 429 too many attempts) are shown from
// the problem's detail in a role="alert" box.
import { html, useState, useEffect, useRef } from '/vendor/preact-htm.js';
import { post, setCsrfToken } from './api.js';
import { Alert, Button, Field, Logo } from './ui.js';

export function LoginPage({ onLoggedIn, notice }) {
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const loginRef = useRef(null);
  const passwordRef = useRef(null);

  useEffect(() => {
    document.title = 'Sign in · Caseload';
    loginRef.current?.focus();
  }, []);

  async function submit(e) {
    e.preventDefault();
    if (busy) return;
    if (!login.trim() || !password) {
      setError({ detail: 'Enter your login and password.', field: !login.trim() ? 'login' : 'password' });
      (!login.trim() ? loginRef : passwordRef).current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const r = await post('/session', { login: login.trim(), password }, { auth: false });
      setCsrfToken(r.csrf_token);
      onLoggedIn(r.user);
    } catch (err) {
      let detail = err.detail;
      if (err.status === 429 && err.retryAfter && !/\d/.test(detail)) {
        detail += ` Try again in ${formatWait(err.retryAfter)}.`;
      }
      setError({ detail, status: err.status });
      setBusy(false);
      setPassword('');
      passwordRef.current?.focus();
    }
  }

  const title = error?.status === 429 ? 'Too many attempts'
    : error?.status === 401 ? 'Sign-in failed' : error?.status ? 'Something went wrong' : null;

  return html`<div class="login-page">
    <main class="login-main" id="main">
      <div class="login-card">
        <div class="login-brand">
          <${Logo} />
          <span class="brand-name">Caseload</span>
        </div>
        <h1 class="login-title">Sign in</h1>
        <p class="login-sub">Use the login and password your administrator gave you.</p>
        ${notice && !error ? html`<${Alert} kind="info">${notice}<//>` : null}
        ${error ? html`<${Alert} kind="error" title=${title} id="login-error">${error.detail}<//>` : null}
        <form class="login-form" onSubmit=${submit} novalidate>
          <${Field} id="login" label="Login">
            <input id="login" name="login" type="text" ref=${loginRef} value=${login}
              autocomplete="username" autocapitalize="none" spellcheck="false" required
              aria-invalid=${error?.field === 'login' ? 'true' : undefined}
              aria-describedby=${error ? 'login-error' : undefined}
              onInput=${(e) => setLogin(e.currentTarget.value)} />
          <//>
          <${Field} id="password" label="Password">
            <input id="password" name="password" type="password" ref=${passwordRef} value=${password}
              autocomplete="current-password" required
              aria-invalid=${error && error.field !== 'login' ? 'true' : undefined}
              aria-describedby=${error ? 'login-error' : undefined}
              onInput=${(e) => setPassword(e.currentTarget.value)} />
          <//>
          <${Button} kind="primary" type="submit" size="lg" className="btn-block" busy=${busy}
            busyLabel="Signing in…">Sign in<//>
        </form>
      </div>
      <p class="login-foot">Caseload · case management for firms and their clients</p>
    </main>
  </div>`;
}

function formatWait(seconds) {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const m = Math.ceil(seconds / 60);
  return `${m} minute${m === 1 ? '' : 's'}`;
}
