// login.test.mjs - signing in and out through the web UI against a real server: the login page,
// the error alert for a wrong password, the busy button, the session cookie, the shell with the
// user's name, logging out, and coming back to the page that was asked for.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, login, DEMO, screenshot, heading } from './server.mjs';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('the login page shows; a wrong password gives an alert; the right one opens the shell', async () => {
  const { page, context, problems } = await newPage(browser, server.url);
  try {
    const me = page.waitForResponse((r) => r.url().endsWith('/api/v1/me'));
    await page.goto('/');
    assert.equal((await me).status(), 401, 'GET /api/v1/me before signing in');
    await page.waitForURL(/#\/login$/);

    await assert.doesNotReject(page.getByText('Caseload', { exact: true }).first().waitFor());
    const loginBox = page.getByLabel('Login', { exact: true });
    const passwordBox = page.getByLabel('Password', { exact: true });
    const submit = page.getByRole('button', { name: 'Sign in' });
    await loginBox.waitFor();
    assert.equal(await passwordBox.getAttribute('type'), 'password');
    assert.ok(await loginBox.evaluate((el) => el === document.activeElement), 'the login field has focus');
    await screenshot(page, 'login');

    // A wrong password: the problem's detail in an accessible alert, still on the login page.
    await loginBox.fill(DEMO.admin.login);
    await passwordBox.fill('not-the-password-1');
    const failed = page.waitForResponse((r) => r.url().endsWith('/api/v1/session') && r.request().method() === 'POST');
    await submit.click();
    const res = await failed;
    assert.equal(res.status(), 401);
    const problem = await res.json();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.ok((await alert.innerText()).includes(problem.detail), `the alert shows the detail "${problem.detail}"`);
    assert.equal(await page.locator('.shell').count(), 0, 'no shell after a wrong password');
    assert.equal(await passwordBox.inputValue(), '', 'the password field is cleared');

    // The right password: the shell with the user's name and the case list.
    await passwordBox.fill(DEMO.admin.password);
    await submit.click();
    await page.waitForURL(/#\/cases$/);
    const user = (await (await page.request.get('/api/v1/me')).json()).user;
    await assert.doesNotReject(page.getByTestId('user-name').filter({ hasText: user.name }).waitFor());
    await heading(page, 'Cases');
    await page.getByRole('heading', { name: 'All cases' }).waitFor();
    // The case list: its table, or the empty state when the demo data has no cases.
    await page.locator('tr[data-case-id]').or(page.getByText('No cases yet')).first().waitFor();
    if (await page.locator('tr[data-case-id]').count()) {
      const headers = await page.locator('table thead th').allInnerTexts();
      assert.deepEqual(headers.map((h) => h.trim().toLowerCase()), ['number', 'name', 'type', 'stage', 'office', 'owner', 'opened']);
    }
    assert.equal(await page.getByRole('alert').count(), 0, 'no alert left in the shell');
    await screenshot(page, 'shell');

    // The session cookie: Chromium keeps the __Host- cookie with Secure on http://127.0.0.1.
    const cookies = await context.cookies();
    const sid = cookies.find((c) => c.name === '__Host-sid');
    assert.ok(sid, `__Host-sid stored by the browser: ${JSON.stringify(cookies)}`);
    assert.equal(sid.secure, true);
    assert.equal(sid.httpOnly, true);
    assert.equal(sid.path, '/');
    assert.equal(await page.evaluate(() => document.cookie.includes('__Host-sid')), false, 'not readable by scripts');

    assert.deepEqual(await problems(), []);
  } finally {
    await context.close();
  }
});

test('the sign-in button is busy while the request runs', async () => {
  const { page, context, problems } = await newPage(browser, server.url);
  try {
    let release;
    const gate = new Promise((r) => { release = r; });
    await page.route('**/api/v1/session', async (route) => {
      await gate;
      await route.continue();
    });
    await page.goto('/#/login');
    await page.getByLabel('Login', { exact: true }).fill(DEMO.paula.login);
    await page.getByLabel('Password', { exact: true }).fill(DEMO.paula.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const busy = page.locator('form button[type="submit"]');
    await assert.doesNotReject(page.waitForFunction(() => document.querySelector('form button[type="submit"]')?.disabled));
    assert.equal(await busy.getAttribute('aria-busy'), 'true');
    assert.match(await busy.innerText(), /Signing in/);
    release();
    await page.locator('.shell').waitFor();
    assert.deepEqual(await problems(), []);
  } finally {
    await context.close();
  }
});

test('log out returns to the login page and a reload stays logged out', async () => {
  const { page, context, problems } = await newPage(browser, server.url);
  try {
    await login(page, DEMO.paula);
    const csrf = (await (await page.request.get('/api/v1/me')).json()).csrf_token;
    assert.ok(csrf, 'a CSRF token while signed in');

    const logout = page.waitForRequest((r) => r.url().endsWith('/api/v1/session') && r.method() === 'DELETE');
    await page.getByRole('button', { name: 'Log out' }).click();
    const req = await logout;
    assert.equal(req.headers()['x-csrf-token'], csrf, 'DELETE /session sends the X-CSRF-Token header');
    assert.equal((await req.response()).status(), 204);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.waitForURL(/#\/login$/);
    assert.equal(await page.locator('.shell').count(), 0);

    const me = page.waitForResponse((r) => r.url().endsWith('/api/v1/me'));
    await page.reload();
    assert.equal((await me).status(), 401, 'the session is gone on the server');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    assert.equal(await page.locator('.shell').count(), 0, 'still signed out after a reload');
    assert.ok(!(await context.cookies()).some((c) => c.name === '__Host-sid' && c.value), 'the cookie is cleared');
    assert.deepEqual(await problems(), []);
  } finally {
    await context.close();
  }
});

test('a page asked for while signed out opens after signing in', async () => {
  const { page, context, problems } = await newPage(browser, server.url);
  try {
    await page.goto('/#/reports');
    await page.waitForURL(/#\/login$/);
    await page.getByLabel('Login', { exact: true }).fill(DEMO.admin.login);
    await page.getByLabel('Password', { exact: true }).fill(DEMO.admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/#\/reports$/);
    await heading(page, 'Reports');
    // An address that is no page shows "not found" inside the shell.
    await page.goto('/#/nowhere');
    await assert.doesNotReject(page.getByRole('heading', { name: 'Page not found' }).waitFor());
    assert.deepEqual(await problems(), []);
  } finally {
    await context.close();
  }
});

test('a session that ends while the page is open leads back to the login page', async () => {
  const { page, context, problems } = await newPage(browser, server.url, {
    allow: [{ path: /\/api\/v1\/(users|offices|rights)$/, status: 401 }],
  });
  try {
    await login(page, DEMO.admin);
    // End the session behind the page's back (as another tab's log out would).
    const csrf = (await (await page.request.get('/api/v1/me')).json()).csrf_token;
    const r = await page.request.delete('/api/v1/session', {
      headers: { 'X-CSRF-Token': csrf, Origin: server.url, 'Sec-Fetch-Site': 'same-origin' },
    });
    assert.equal(r.status(), 204);
    await page.getByRole('link', { name: 'Setup' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await assert.doesNotReject(page.getByText('Your session has ended').waitFor());
    assert.deepEqual(await problems(), []);
  } finally {
    await context.close();
  }
});
