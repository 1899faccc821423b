// server.mjs - what the browser tests share: a real caseload server (started by the API suite's
// tests/api/helper.mjs on a fresh demo database), headless chromium (Debian's /usr/bin/chromium
// through playwright-core; never a downloaded browser), pages that record console errors, CSP
// violations and failed requests, and signing in through the login form.
// CASELOAD_BIN names the binary (default build/caseload); CHROMIUM overrides the browser path.
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { startServer, DEMO, api, loginDemo } from '../api/helper.mjs';

// The server itself is started by tests/api/helper.mjs (fresh database with the demo data,
// `caseload serve --listen 127.0.0.1:0`, waits for {"event":"listening"}, SIGTERM on stop()).
export { startServer, DEMO };

/** Launch headless chromium from Debian's package. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--no-first-run', '--disable-sync'],
  });
}

// API answers the UI expects to fail and that chromium reports as "Failed to load resource":
// GET /me before signing in (401), a wrong password (401), rate limiting (429), and answers a
// test provokes on purpose. Everything else logged at error level fails a test.
const EXPECTED_FAILURES = [
  { path: /\/api\/v1\/me$/, status: 401 },
  { path: /\/api\/v1\/session$/, status: 401 },
  { path: /\/api\/v1\/session$/, status: 429 },
];

/**
 * A new page in a fresh context that records console errors, uncaught exceptions, CSP
 * violations and failed requests. Returns {page, context, problems()}; `allow` adds
 * {path, status} pairs that may fail (e.g. an expected 409).
 */
export async function newPage(browser, baseURL, { viewport = { width: 1280, height: 800 }, allow = [] } = {}) {
  const context = await browser.newContext({ baseURL, viewport });
  context.setDefaultTimeout(10000);
  const page = await context.newPage();
  const problems = [];
  const responses = [];
  const allowed = [...EXPECTED_FAILURES, ...allow];
  const isAllowed = (url, status) => {
    const p = new URL(url).pathname;
    return allowed.some((a) => a.status === status && a.path.test(p));
  };
  page.on('response', (r) => { if (r.status() >= 400) responses.push({ url: r.url(), status: r.status() }); });
  page.on('console', (msg) => {
    if (msg.type() !== 'error' && msg.type() !== 'warning') return;
    const text = msg.text();
    const loc = msg.location()?.url || '';
    if (/Failed to load resource/.test(text)) {
      const m = /status of (\d+)/.exec(text);
      if (m && loc && isAllowed(loc, Number(m[1]))) return;
    }
    if (msg.type() === 'warning' && !/Content.Security.Policy|Refused/i.test(text)) return;
    problems.push(`console ${msg.type()}: ${text} ${loc}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('requestfailed', (r) => {
    const f = r.failure()?.errorText || '';
    if (/ERR_ABORTED/.test(f)) return; // navigation away from a pending request
    problems.push(`request failed: ${r.method()} ${r.url()} ${f}`);
  });
  await page.exposeFunction('__caseloadCspViolation', (v) => problems.push(`CSP violation: ${v}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__caseloadCspViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  async function collect() {
    const bad = responses.filter((r) => !isAllowed(r.url, r.status)).map((r) => `HTTP ${r.status} ${r.url}`);
    return [...problems, ...bad];
  }
  return { page, context, problems: collect };
}

/** Sign in through the login form and wait for the shell. */
export async function login(page, { login: name, password }) {
  await page.goto('/');
  await page.getByLabel('Login', { exact: true }).fill(name);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('.shell').waitFor();
  await page.waitForURL((u) => !u.hash.startsWith('#/login'));
  await page.getByRole('heading', { level: 1 }).waitFor();
}

/** Waits until the page's h1 reads `title` (the hash changes before the page renders). */
export async function heading(page, title) {
  await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
  return title;
}

/**
 * Saves a screenshot as $CASELOAD_SCREENSHOTS/ui-<name>-<width>.png when that variable names a
 * directory (for looking at the design); does nothing otherwise.
 */
export async function screenshot(page, name, { fullPage = false } = {}) {
  const dir = process.env.CASELOAD_SCREENSHOTS;
  if (!dir) return;
  const width = page.viewportSize()?.width || 0;
  await page.screenshot({ path: `${dir}/ui-${name}-${width}.png`, fullPage });
}

/** null when the page does not scroll sideways, else a description of what sticks out. */
export async function horizontalOverflow(page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= window.innerWidth) return null;
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} right=${Math.round(el.getBoundingClientRect().right)}`);
    return `scrollWidth ${root.scrollWidth} > innerWidth ${window.innerWidth}: ${wide.join(', ')}`;
  });
}

/**
 * A JSON API caller with its own session of the demo admin, for preparing and checking data
 * beside the browser: call(method, path below /api/v1, body, headers) resolves the answer's JSON
 * and fails the test on anything but 2xx.
 */
export async function adminCaller(server) {
  const session = await loginDemo(server, 'admin');
  return async function call(method, path, body, headers) {
    const r = await api(server, method, `/api/v1${path}`, { session, body, headers });
    assert.ok(r.status < 300, `${method} ${path}: ${r.status} ${r.text}`);
    return r.json;
  };
}

/** A short random suffix for names that must be unique. */
export const suffix = () => Math.random().toString(36).slice(2, 8);
