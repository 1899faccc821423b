// setup-lists.test.mjs - Setup's lists through the web UI against a real server: add, edit
// (PATCH with If-Match, only what changed), delete, the 409 detail when an item is in use, the
// stale-version answer, money typed in dollars and sent in cents, subtypes under a case type,
// and the case number pattern in Settings.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, login, DEMO, screenshot, horizontalOverflow, adminCaller, suffix } from './server.mjs';

let server;
let browser;
let call; // the demo admin through the API, to prepare and check data

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  call = await adminCaller(server);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('close reasons: add, edit, a stale edit, delete', async () => {
  const { page, context, problems } = await newPage(browser, server.url, {
    allow: [{ path: /\/api\/v1\/setup\/close-reasons\/\d+$/, status: 409 }],
  });
  try {
    await login(page, DEMO.admin);
    await page.getByRole('link', { name: 'Setup' }).click();
    await page.getByRole('navigation', { name: 'Setup sections' }).getByRole('link', { name: 'Close reasons' }).click();
    await page.waitForURL(/#\/setup\/close-reasons$/);
    const section = page.locator('section', { has: page.getByRole('heading', { name: 'Close reasons', level: 2 }) });
    await section.locator('tr[data-item]').first().waitFor();

    const name = `Client moved away ${suffix()}`;
    await section.getByRole('button', { name: 'Add close reason' }).click();
    const form = section.getByRole('form', { name: 'Add a close reason' });
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Order').fill('95');
    const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/setup/close-reasons') && r.request().method() === 'POST');
    await form.getByRole('button', { name: 'Add close reason' }).click();
    const res = await created;
    assert.equal(res.status(), 201, await res.text());
    assert.deepEqual(res.request().postDataJSON(), { name, position: 95 });
    const item = await res.json();
    const row = section.locator(`tr[data-item="${name}"]`);
    await row.waitFor();
    await section.getByText(`Added ${name}.`).waitFor();

    // Edit: only the name changes, with If-Match.
    const renamed = `${name} (out of state)`;
    await row.getByRole('button', { name: `Edit ${name}` }).click();
    const edit = section.getByRole('form', { name: `Edit ${name}` });
    await edit.getByLabel('Name').fill(renamed);
    const patched = page.waitForResponse((r) => r.request().method() === 'PATCH');
    await edit.getByRole('button', { name: 'Save' }).click();
    const pres = await patched;
    assert.equal(pres.status(), 200, await pres.text());
    assert.deepEqual(pres.request().postDataJSON(), { name: renamed });
    assert.equal(pres.request().headers()['if-match'].replace(/"/g, ''), String(item.version));
    const row2 = section.locator(`tr[data-item="${renamed}"]`);
    await row2.waitFor();

    // Someone else renames it meanwhile: the next edit is refused as stale.
    const now = await call('GET', `/setup/close-reasons/${item.id}`);
    await row2.getByRole('button', { name: `Edit ${renamed}` }).click();
    await call('PATCH', `/setup/close-reasons/${item.id}`, { position: 96 }, { 'If-Match': String(now.version) });
    const edit2 = section.getByRole('form', { name: `Edit ${renamed}` });
    await edit2.getByLabel('Order').fill('97');
    await edit2.getByRole('button', { name: 'Save' }).click();
    await edit2.getByRole('alert').filter({ hasText: 'changed by someone else' }).waitFor();
    await edit2.getByRole('button', { name: 'Reload' }).click();
    await edit2.waitFor({ state: 'detached' });

    // Delete asks first, then the row goes.
    await row2.getByRole('button', { name: `Delete ${renamed}` }).click();
    await row2.getByRole('button', { name: `Delete ${renamed}?` }).click();
    await row2.waitFor({ state: 'detached' });
    await section.getByText(`Deleted ${renamed}.`).waitFor();
    const list = (await call('GET', '/setup/close-reasons')).items;
    assert.ok(!list.some((x) => x.id === item.id));
    assert.deepEqual(await problems(), []);
  } finally {
    await context.close();
  }
});

test('an item in use is not deleted and the server says where it is used', async () => {
  const { page, context, problems } = await newPage(browser, server.url, {
    allow: [{ path: /\/api\/v1\/setup\/case-types\/\d+$/, status: 409 }],
  });
  try {
    const types = (await call('GET', '/setup/case-types')).items;
    const type = types[0];
    await call('POST', '/cases', { name: `In use ${suffix()}`, case_type_id: type.id });
    await login(page, DEMO.admin);
    await page.goto('/#/setup/case-types');
    const row = page.locator(`tr[data-item="${type.name}"]`);
    await row.waitFor();
    await row.getByRole('button', { name: `Delete ${type.name}` }).click();
    const refused = page.waitForResponse((r) => r.request().method() === 'DELETE');
    await row.getByRole('button', { name: `Delete ${type.name}?` }).click();
    const res = await refused;
    assert.equal(res.status(), 409);
    const problem = await res.json();
    assert.match(problem.detail, /in use/);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.ok((await alert.innerText()).includes(problem.detail), `the alert shows "${problem.detail}"`);
    assert.equal(await row.count(), 1, 'the case type stays');
    await screenshot(page, 'setup-in-use');
    assert.deepEqual(await problems(), []);
  } finally {
    await context.close();
  }
});

test('subtypes under a case type, value ranges in dollars, statuses with a type', async () => {
  const { page, context, problems } = await newPage(browser, server.url, {
    allow: [{ path: /\/api\/v1\/setup\/value-ranges\/\d+$/, status: 422 }],
  });
  try {
    await login(page, DEMO.admin);

    // A case type with a subtype.
    await page.goto('/#/setup/case-types');
    const typeName = `Dog Bite ${suffix()}`;
    await page.getByRole('button', { name: 'Add case type' }).click();
    const form = page.getByRole('form', { name: 'Add a case type' });
    await form.getByLabel('Name').fill(typeName);
    await form.getByLabel('Group').selectOption('legal');
    await form.getByRole('button', { name: 'Add case type' }).click();
    const row = page.locator(`tr[data-item="${typeName}"]`);
    await row.waitFor();
    await row.getByRole('button', { name: `Subtypes of ${typeName}` }).click();
    const children = page.locator('section.child-list', { has: page.getByRole('heading', { name: `Subtypes of ${typeName}` }) });
    await children.getByText('No subtypes yet').waitFor();
    await children.getByRole('button', { name: 'Add subtype' }).click();
    await children.getByLabel('Name').fill('Leash law');
    const sub = page.waitForResponse((r) => r.url().endsWith('/api/v1/setup/case-subtypes') && r.request().method() === 'POST');
    await children.getByRole('form', { name: 'Add a subtype' }).getByRole('button', { name: 'Add subtype' }).click();
    const subRes = await sub;
    assert.equal(subRes.status(), 201, await subRes.text());
    const type = (await call('GET', '/setup/case-types')).items.find((t) => t.name === typeName);
    assert.deepEqual(subRes.request().postDataJSON(), { name: 'Leash law', case_type_id: type.id });
    await children.locator('tr[data-item="Leash law"]').waitFor();
    assert.equal(await horizontalOverflow(page), null);

    // A value range typed in dollars is sent in cents.
    await page.goto('/#/setup/value-ranges');
    const rangeName = `Huge ${suffix()}`;
    await page.getByRole('button', { name: 'Add value range' }).click();
    const vr = page.getByRole('form', { name: 'Add a value range' });
    await vr.getByLabel('Name').fill(rangeName);
    await vr.getByLabel('From ($)').fill('2,000,000');
    await vr.getByLabel('To ($)').fill('5,000,000.00');
    await vr.getByLabel('Disbursement limit ($)').fill('12500.5');
    const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/setup/value-ranges') && r.request().method() === 'POST');
    await vr.getByRole('button', { name: 'Add value range' }).click();
    const vres = await created;
    assert.equal(vres.status(), 201, await vres.text());
    assert.deepEqual(vres.request().postDataJSON(), {
      name: rangeName, low_cents: 200000000, high_cents: 500000000, disbursement_limit_cents: 1250050,
    });
    const vrow = page.locator(`tr[data-item="${rangeName}"]`);
    await vrow.waitFor();
    assert.match(await vrow.innerText(), /\$2,000,000\.00/);
    assert.match(await vrow.innerText(), /\$12,500\.50/);

    // Low above high: the server names the field and the form marks it.
    await vrow.getByRole('button', { name: `Edit ${rangeName}` }).click();
    const edit = page.getByRole('form', { name: `Edit ${rangeName}` });
    await edit.getByLabel('To ($)').fill('1');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.getByRole('alert').waitFor();
    assert.equal(await edit.getByLabel('To ($)').getAttribute('aria-invalid'), 'true');

    // A status of a sub-status type.
    const statusTypes = (await call('GET', '/setup/status-types')).items;
    const medical = statusTypes.find((t) => !t.stage);
    await page.goto('/#/setup/statuses');
    await page.getByRole('button', { name: 'Add status' }).click();
    const st = page.getByRole('form', { name: 'Add a status' });
    const statusName = `Awaiting MRI ${suffix()}`;
    await st.getByLabel('Status type').selectOption(String(medical.id));
    await st.getByLabel('Name').fill(statusName);
    await st.getByLabel('Expected days').fill('21');
    const sres = page.waitForResponse((r) => r.url().endsWith('/api/v1/setup/statuses') && r.request().method() === 'POST');
    await st.getByRole('button', { name: 'Add status' }).click();
    const sr = await sres;
    assert.equal(sr.status(), 201, await sr.text());
    assert.deepEqual(sr.request().postDataJSON(), { status_type_id: medical.id, name: statusName, expected_days: 21 });
    await page.locator(`tr[data-item="${statusName}"]`).waitFor();
    assert.deepEqual(await problems(), [], 'a 422 from the server is an answer the UI expects');
  } finally {
    await context.close();
  }
});

test('settings: the case number pattern', async () => {
  const { page, context, problems } = await newPage(browser, server.url, {
    allow: [{ path: /\/api\/v1\/setup\/settings$/, status: 422 }],
  });
  try {
    await login(page, DEMO.admin);
    await page.goto('/#/setup/settings');
    const input = page.getByLabel('Case number pattern');
    await input.waitFor();
    const before = (await call('GET', '/setup/settings')).case_number_pattern;
    assert.equal(await input.inputValue(), before);

    await input.fill('C-{YY}-{SEQ:4}');
    const yy = String(new Date().getFullYear()).slice(2);
    await page.getByText(`C-${yy}-0042`).waitFor();
    const saved = page.waitForResponse((r) => r.url().endsWith('/setup/settings') && r.request().method() === 'PATCH');
    await page.getByRole('button', { name: 'Save settings' }).click();
    const res = await saved;
    assert.equal(res.status(), 200, await res.text());
    assert.deepEqual(res.request().postDataJSON(), { case_number_pattern: 'C-{YY}-{SEQ:4}' });
    await page.getByText('Saved.', { exact: false }).waitFor();

    // A pattern without {SEQ}: the server refuses and the field is marked.
    await input.fill('CASE-{YYYY}');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('alert').waitFor();
    assert.equal(await input.getAttribute('aria-invalid'), 'true');
    assert.equal((await call('GET', '/setup/settings')).case_number_pattern, 'C-{YY}-{SEQ:4}');

    // New cases get numbers from the pattern.
    const types = (await call('GET', '/setup/case-types')).items;
    const kase = await call('POST', '/cases', { name: `Numbered ${suffix()}`, case_type_id: types[0].id });
    assert.match(kase.number, new RegExp(`^C-${yy}-\\d{4}$`));
    await call('PATCH', '/setup/settings', { case_number_pattern: before });
    assert.deepEqual(await problems(), []);
  } finally {
    await context.close();
  }
});
