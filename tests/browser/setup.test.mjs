// setup.test.mjs - Setup through the web UI against a real server: adding a user (and the
// problem's detail with the highlighted field when the server refuses), the rights editor,
// deactivating and activating, and offices (add, delete, the 409 detail when in use).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, login, DEMO, screenshot } from './server.mjs';

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

const suffix = () => Math.random().toString(36).slice(2, 8);

/** GET a JSON resource with the page's own session. */
async function apiGet(page, path) {
  const r = await page.request.get(`/api/v1${path}`);
  assert.equal(r.status(), 200, `GET ${path}`);
  return r.json();
}

test('an admin adds a user through Setup and sees it in the list', async () => {
  const { page, context, problems } = await newPage(browser, server.url, {
    allow: [{ path: /\/api\/v1\/users$/, status: 409 }, { path: /\/api\/v1\/users$/, status: 422 }],
  });
  try {
    await login(page, DEMO.admin);
    await page.getByRole('link', { name: 'Setup' }).click();
    await page.locator('tr[data-login="paula"]').waitFor();
    await page.getByRole('button', { name: 'Add user' }).click();
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'Add a user' }) });
    await form.waitFor();

    // A login that is taken: the server's detail in an alert, the login field highlighted.
    await form.getByLabel('Login', { exact: true }).fill('paula');
    await form.getByLabel('Full name').fill('Another Paula');
    await form.getByLabel('Initial password').fill('a-long-enough-password-42');
    const dup = page.waitForResponse((r) => r.url().endsWith('/api/v1/users') && r.request().method() === 'POST');
    await form.getByRole('button', { name: 'Add user' }).click();
    const dupRes = await dup;
    assert.equal(dupRes.status(), 409);
    const problem = await dupRes.json();
    const alert = form.getByRole('alert');
    await alert.waitFor();
    assert.ok((await alert.innerText()).includes(problem.detail), `alert shows "${problem.detail}"`);
    if (problem.field === 'login') {
      assert.equal(await form.getByLabel('Login', { exact: true }).getAttribute('aria-invalid'), 'true');
    }

    // A too short password: 422 naming the password field, which is highlighted and focused.
    const login1 = `dana.${suffix()}`;
    await form.getByLabel('Login', { exact: true }).fill(login1);
    await form.getByLabel('Initial password').fill('short');
    const short = page.waitForResponse((r) => r.url().endsWith('/api/v1/users') && r.request().method() === 'POST');
    await form.getByRole('button', { name: 'Add user' }).click();
    const shortRes = await short;
    assert.equal(shortRes.status(), 422);
    assert.equal((await shortRes.json()).field, 'password');
    const pw = form.getByLabel('Initial password');
    await page.waitForFunction(() => document.activeElement?.id === 'nu-password');
    assert.equal(await pw.getAttribute('aria-invalid'), 'true');
    assert.match(await form.getByRole('alert').innerText(), /Password/);
    await screenshot(page, 'add-user-error', { fullPage: true });

    // Now right: a new staff user in an office.
    const offices = (await apiGet(page, '/offices')).items;
    await form.getByLabel('Full name').fill('Dana Demo');
    await form.getByLabel('E-mail').fill(`${login1}@example.com`);
    await form.getByLabel('Role', { exact: true }).selectOption('staff');
    if (offices.length) await form.getByLabel('Office').selectOption(String(offices[0].id));
    await pw.fill('a-long-enough-password-42');
    const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/users') && r.request().method() === 'POST');
    await form.getByRole('button', { name: 'Add user' }).click();
    const createdRes = await created;
    assert.equal(createdRes.status(), 201);
    const csrf = (await apiGet(page, '/me')).csrf_token;
    assert.equal(createdRes.request().headers()['x-csrf-token'], csrf, 'POST sends the CSRF token');
    assert.deepEqual(createdRes.request().postDataJSON(), {
      login: login1, name: 'Dana Demo', email: `${login1}@example.com`, role: 'staff',
      ...(offices.length ? { office_id: offices[0].id } : {}), password: 'a-long-enough-password-42',
    });

    const row = page.locator(`tr[data-login="${login1}"]`);
    await row.waitFor();
    assert.equal(await form.count(), 0, 'the form closes');
    await assert.doesNotReject(page.getByText(`Added Dana Demo (${login1}).`).waitFor());
    const text = await row.innerText();
    assert.match(text, /Dana Demo/);
    assert.match(text, /Staff/);
    assert.match(text, /Active/);
    if (offices.length) assert.ok(text.includes(offices[0].name), 'the office name');
    assert.match(text, /Open cases/, 'the staff default rights');

    // Still there after a reload (it came from the server, not just the form).
    await page.reload();
    await page.locator(`tr[data-login="${login1}"]`).waitFor();
    const users = await apiGet(page, '/users');
    assert.ok(users.items.some((u) => u.login === login1 && u.name === 'Dana Demo'));
    assert.deepEqual(await problems(), []);
  } finally {
    await context.close();
  }
});

test('the rights editor grants, revokes and resets rights', async () => {
  const { page, context, problems } = await newPage(browser, server.url);
  try {
    await login(page, DEMO.admin);
    await page.goto('/#/setup/users');
    const row = page.locator('tr[data-login="paula"]');
    await row.getByRole('button', { name: /^Edit rights of/ }).click();
    const editor = page.locator('.rights-editor');
    await editor.locator('input[type="checkbox"]:not([disabled])').first().waitFor();
    const paula = (await apiGet(page, '/users')).items.find((u) => u.login === 'paula');
    const rights = (await apiGet(page, '/rights')).items;
    assert.equal(await editor.locator('input[type="checkbox"]').count(), rights.length, 'a box per right');

    const wrap = await page.locator('.table-wrap').evaluate((el) => [el.scrollWidth, el.clientWidth]);
    assert.ok(wrap[0] <= wrap[1], `the user list fits its card at 1280px with the editor open: ${wrap}`);

    const item = (name) => editor.locator('li.right-item', { has: page.locator(`input[id$="-${name}"]`) });
    const box = (name) => item(name).locator('input[type="checkbox"]');
    assert.equal(await box('status_report_mass_send').isChecked(), false);
    assert.equal(await box('case_create').isChecked(), true);

    // Grant a right the role lacks.
    const put = page.waitForRequest((r) => r.method() === 'PUT' && r.url().endsWith(`/users/${paula.id}/rights/status_report_mass_send`));
    await box('status_report_mass_send').check();
    const putReq = await put;
    assert.deepEqual(putReq.postDataJSON(), { granted: true });
    assert.ok(putReq.headers()['x-csrf-token'], 'PUT sends the CSRF token');
    await item('status_report_mass_send').getByText('Granted').waitFor();
    await row.getByText('Mass reports').waitFor();

    // Revoke one the role has.
    await editor.locator('input[type="checkbox"]:not([disabled])').first().waitFor();
    await box('case_create').uncheck();
    await item('case_create').getByText('Revoked').waitFor();
    let u = await apiGet(page, `/users/${paula.id}`);
    assert.ok(u.rights.includes('status_report_mass_send'));
    assert.ok(!u.rights.includes('case_create'));
    await screenshot(page, 'rights');

    // Reset both to the role default (DELETE).
    for (const name of ['status_report_mass_send', 'case_create']) {
      const del = page.waitForRequest((r) => r.method() === 'DELETE' && r.url().endsWith(`/rights/${name}`));
      await item(name).getByRole('button', { name: /^Reset/ }).click();
      await del;
      await item(name).getByText('Role default').waitFor();
    }
    u = await apiGet(page, `/users/${paula.id}`);
    assert.ok(!u.rights.includes('status_report_mass_send'));
    assert.ok(u.rights.includes('case_create'));
    assert.equal(await box('case_create').isChecked(), true);
    assert.deepEqual(await problems(), []);
  } finally {
    await context.close();
  }
});

test('deactivate and activate a user (PATCH with If-Match)', async () => {
  const { page, context, problems } = await newPage(browser, server.url);
  try {
    await login(page, DEMO.admin);
    await page.goto('/#/setup');
    const row = page.locator('tr[data-login="avery"]');
    await row.waitFor();
    const before = (await apiGet(page, '/users')).items.find((u) => u.login === 'avery');

    const patch = page.waitForRequest((r) => r.method() === 'PATCH');
    await row.getByRole('button', { name: /^Deactivate/ }).click();
    const req = await patch;
    assert.deepEqual(req.postDataJSON(), { active: false });
    assert.equal(req.headers()['if-match'].replace(/"/g, ''), String(before.version));
    await row.getByText('Inactive').waitFor();

    await row.getByRole('button', { name: /^Activate/ }).click();
    await row.getByText('Active', { exact: true }).waitFor();
    const after = (await apiGet(page, '/users')).items.find((u) => u.login === 'avery');
    assert.equal(after.active, true);
    assert.ok(after.version > before.version + 1, 'two updates');

    // The signed-in admin cannot deactivate themself from here.
    assert.equal(await page.locator('tr[data-login="admin"]').getByRole('button', { name: /^Deactivate/ }).isDisabled(), true);
    assert.deepEqual(await problems(), []);
  } finally {
    await context.close();
  }
});

test('offices: add, refuse to delete one in use with the server detail, delete an empty one', async () => {
  const { page, context, problems } = await newPage(browser, server.url, {
    allow: [{ path: /\/api\/v1\/offices\/\d+$/, status: 409 }],
  });
  try {
    await login(page, DEMO.admin);
    await page.goto('/#/setup/offices');
    await page.locator('tr[data-office]').first().waitFor();

    const name = `Harbour office ${suffix()}`;
    await page.getByRole('button', { name: 'Add office' }).click();
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Address').fill('5 Quay Street');
    await page.getByLabel('Phone').fill('+44 20 7946 0000');
    const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/offices') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Add office' }).click();
    assert.equal((await created).status(), 201);
    const row = page.locator(`tr[data-office="${name}"]`);
    await row.waitFor();
    assert.match(await row.innerText(), /5 Quay Street/);
    const office = (await apiGet(page, '/offices')).items.find((o) => o.name === name);
    assert.ok(office, 'the office exists on the server');

    // Put a user in it (through the Users page), then try to delete it.
    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('button', { name: 'Add user' }).click();
    const login1 = `harbour.${suffix()}`;
    await page.getByLabel('Login', { exact: true }).fill(login1);
    await page.getByLabel('Full name').fill('Harry Harbour');
    await page.getByLabel('Office').selectOption(String(office.id));
    await page.getByLabel('Initial password').fill('a-long-enough-password-42');
    await page.locator('form').getByRole('button', { name: 'Add user' }).click();
    await page.locator(`tr[data-login="${login1}"]`).waitFor();
    assert.match(await page.locator(`tr[data-login="${login1}"]`).innerText(), new RegExp(name));

    await page.getByRole('link', { name: 'Offices' }).click();
    await row.waitFor();
    await row.getByRole('button', { name: `Delete ${name}` }).click();
    const refused = page.waitForResponse((r) => r.request().method() === 'DELETE');
    await row.getByRole('button', { name: `Delete ${name}?` }).click();
    const res = await refused;
    assert.equal(res.status(), 409);
    const problem = await res.json();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.ok((await alert.innerText()).includes(problem.detail), `the alert shows "${problem.detail}"`);
    assert.equal(await row.count(), 1, 'the office stays');
    await screenshot(page, 'offices-409');

    // An office without users goes.
    const empty = `Empty office ${suffix()}`;
    await page.getByRole('button', { name: 'Add office' }).click();
    await page.getByLabel('Name', { exact: true }).fill(empty);
    await page.locator('form').getByRole('button', { name: 'Add office' }).click();
    const emptyRow = page.locator(`tr[data-office="${empty}"]`);
    await emptyRow.waitFor();
    await emptyRow.getByRole('button', { name: `Delete ${empty}` }).click();
    await emptyRow.getByRole('button', { name: `Delete ${empty}?` }).click();
    await emptyRow.waitFor({ state: 'detached' });
    await page.getByText(`Deleted ${empty}.`).waitFor();
    assert.ok(!(await apiGet(page, '/offices')).items.some((o) => o.name === empty));
    assert.deepEqual(await problems(), []);
  } finally {
    await context.close();
  }
});
