// editors.test.mjs - the editors of the case summary through the web UI against a real server
// with the demo data: Setup's new lists (a flag whose parameter shows only for the UDF
// conditions, a user-defined field with picklist choices typed one a line), and on a demo case,
// as staff: a plaintiff added with a contact made from the picker (two phones, the second
// primary), seen in the Plaintiffs table with its primary label, its insurance added from the
// party's panel, and a user-defined field set, a wrong value refused beside its field.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, login, DEMO, heading, screenshot, horizontalOverflow, adminCaller, suffix } from './server.mjs';

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

/** The demo case DEMO-1001 (an Auto Accident case). */
async function demoCase() {
  const found = (await call('GET', '/cases?q=DEMO-1001')).items.find((c) => c.number === 'DEMO-1001');
  assert.ok(found, 'the demo data has DEMO-1001');
  return call('GET', `/cases/${found.id}`);
}

test('setup: a flag on a user-defined field, and a picklist field of a case type', async () => {
  const { page, context, problems } = await newPage(browser, server.url);
  try {
    const kase = await demoCase();
    await login(page, DEMO.admin);

    // A flag: the parameter is asked for only with the UDF conditions.
    await page.goto('/#/setup/flags');
    await page.locator('tr[data-item]').first().waitFor();
    const flagName = `Policy limits known ${suffix()}`;
    await page.getByRole('button', { name: 'Add flag' }).click();
    const form = page.getByRole('form', { name: 'Add a flag' });
    await form.getByLabel('Name').fill(flagName);
    await form.getByLabel('Shown when').selectOption('liens');
    assert.equal(await form.getByLabel('Field', { exact: true }).count(), 0, 'no parameter for a plain condition');
    await form.getByLabel('Shown when').selectOption('udf_set');
    await form.getByLabel('Field', { exact: true }).fill('Policy limit');
    await form.getByLabel('Details in').selectOption('udf');
    const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/setup/flags') && r.request().method() === 'POST');
    await form.getByRole('button', { name: 'Add flag' }).click();
    const res = await created;
    assert.equal(res.status(), 201, await res.text());
    assert.deepEqual(res.request().postDataJSON(), { name: flagName, condition: 'udf_set', param: 'Policy limit', target: 'udf' });
    const row = page.locator(`tr[data-item="${flagName}"]`);
    await row.waitFor();
    assert.match(await row.innerText(), /A user-defined field is filled in/);

    // Changing the condition to one without a parameter clears it.
    await row.getByRole('button', { name: `Edit ${flagName}` }).click();
    const edit = page.getByRole('form', { name: `Edit ${flagName}` });
    await edit.getByLabel('Shown when').selectOption('critical_task');
    const patched = page.waitForResponse((r) => r.request().method() === 'PATCH');
    await edit.getByRole('button', { name: 'Save' }).click();
    const pres = await patched;
    assert.equal(pres.status(), 200, await pres.text());
    assert.deepEqual(pres.request().postDataJSON(), { condition: 'critical_task', param: '' });

    // A picklist field for the demo case's type: the choices are typed one a line.
    await page.goto('/#/setup/udf-fields');
    await page.getByRole('button', { name: 'Add field' }).click();
    const uform = page.getByRole('form', { name: 'Add a field' });
    const fieldName = `Vehicle ${suffix()}`;
    await uform.getByLabel('Case type').selectOption(String(kase.case_type.id));
    await uform.getByLabel('Name').fill(fieldName);
    await uform.getByLabel('Format').selectOption('picklist');
    await uform.getByLabel('Choices').fill('Car\n  Truck \n\nBus\n');
    await uform.getByLabel('Required').check();
    const ucreated = page.waitForResponse((r) => r.url().endsWith('/api/v1/setup/udf-fields') && r.request().method() === 'POST');
    await uform.getByRole('button', { name: 'Add field' }).click();
    const ures = await ucreated;
    assert.equal(ures.status(), 201, await ures.text());
    assert.deepEqual(ures.request().postDataJSON(), {
      case_type_id: kase.case_type.id, name: fieldName, format: 'picklist', required: true, options: ['Car', 'Truck', 'Bus'],
    });
    const urow = page.locator(`tr[data-item="${fieldName}"]`);
    await urow.waitFor();
    assert.match(await urow.innerText(), /Car, Truck, Bus/);
    assert.match(await urow.innerText(), /Required/);
    assert.equal(await horizontalOverflow(page), null);
    await screenshot(page, 'setup-udf-fields');
    assert.deepEqual(await problems(), []);
  } finally {
    await context.close();
  }
});

test('staff: a plaintiff with a new contact, its insurance, and a user-defined field', async () => {
  const { page, context, problems } = await newPage(browser, server.url, {
    allow: [{ path: /\/api\/v1\/cases\/\d+\/udf$/, status: 422 }],
  });
  try {
    const kase = await demoCase();
    const money = `Policy limit ${suffix()}`;
    await call('POST', '/setup/udf-fields', { case_type_id: kase.case_type.id, name: money, format: 'money' });
    const insurer = (await call('GET', '/contacts?q=Midwest')).items.find((c) => c.kind === 'organisation');
    assert.ok(insurer, 'the demo data has the Midwest insurer');

    await login(page, DEMO.paula);
    await page.goto(`/#/cases/${kase.id}`);
    await heading(page, kase.name);
    const plaintiffs = page.locator('#area-plaintiffs');
    await plaintiffs.getByRole('button', { name: 'Add a plaintiff' }).click();
    const add = page.getByRole('dialog', { name: 'Add a plaintiff' });

    // The contact is made from the picker: two phones, the second one primary.
    await add.getByRole('button', { name: 'New contact… (Plaintiff)' }).click();
    const dialog = page.getByRole('dialog', { name: 'New contact' });
    const last = `Marsh${suffix()}`;
    await dialog.getByLabel('First name').fill('Nora');
    await dialog.getByLabel('Last name').fill(last);
    await dialog.getByLabel('Nickname').fill('Nor');
    await dialog.getByLabel('Phone 1', { exact: true }).fill('555-0100');
    await dialog.getByRole('button', { name: 'Add phone' }).click();
    await dialog.getByLabel('Phone 2', { exact: true }).fill('555-0199');
    await dialog.getByLabel('Phone 2 label').fill('mobile');
    await dialog.getByLabel('Phone 2 is the primary phone').check();
    await dialog.getByLabel('E-mail 1', { exact: true }).fill(`nora.${last.toLowerCase()}@example.com`);
    await screenshot(page, 'contact-dialog');
    const made = page.waitForResponse((r) => r.url().endsWith('/api/v1/contacts') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: 'Add contact' }).click();
    const cres = await made;
    assert.equal(cres.status(), 201, await cres.text());
    const sent = cres.request().postDataJSON();
    assert.deepEqual(sent.phones, [{ label: '', value: '555-0100', primary: false }, { label: 'mobile', value: '555-0199', primary: true }]);
    assert.deepEqual(sent.emails, [{ label: '', value: `nora.${last.toLowerCase()}@example.com`, primary: true }]);
    const contact = await cres.json();
    assert.equal(contact.phone, '555-0199', 'the primary phone is the contact’s phone');
    await dialog.waitFor({ state: 'detached' });
    const name = contact.display_name;
    await add.locator('.picked', { hasText: name }).waitFor();

    // The party: a role, and the primary contact of the case.
    await add.getByLabel('Role in the incident').fill('Passenger');
    await add.getByLabel('Primary contact').check();
    const party = page.waitForResponse((r) => r.url().endsWith(`/api/v1/cases/${kase.id}/parties`) && r.request().method() === 'POST');
    await add.getByRole('button', { name: 'Add plaintiff' }).click();
    const pres = await party;
    assert.equal(pres.status(), 201, await pres.text());
    assert.deepEqual(pres.request().postDataJSON(), { contact_id: contact.id, role: 'Passenger', primary_contact: true, kind: 'plaintiff' });

    // The party's panel follows: add its insurance there.
    const panel = page.getByRole('dialog', { name: `Plaintiff: ${name}` });
    await panel.getByText(`${name} was added.`).waitFor();
    const row = plaintiffs.locator(`tr[data-party="${name}"]`);
    await row.waitFor(); // the summary behind was read again
    await panel.getByRole('button', { name: 'Add insurance' }).click();
    const ins = panel.getByRole('form', { name: 'Add insurance' });
    await ins.getByRole('combobox', { name: 'Insurance company' }).fill('Midwest');
    await ins.getByRole('option', { name: new RegExp(insurer.display_name) }).click();
    await ins.getByLabel('Claim number').fill('CLM-778');
    await ins.getByLabel('Coverage').fill('25,000');
    const insured = page.waitForResponse((r) => r.url().endsWith(`/api/v1/cases/${kase.id}/insurance`) && r.request().method() === 'POST');
    await ins.getByRole('button', { name: 'Add insurance' }).click();
    const ires = await insured;
    assert.equal(ires.status(), 201, await ires.text());
    const p = await pres.json();
    assert.deepEqual(ires.request().postDataJSON(), { company_id: insurer.id, claim_number: 'CLM-778', coverage_cents: 2500000, party_id: p.id });
    await panel.locator(`tr[data-row="insurance ${insurer.display_name}"]`).waitFor();
    await screenshot(page, 'party-panel');
    await panel.getByRole('button', { name: 'Close' }).first().click();
    await panel.waitFor({ state: 'detached' });

    // The Plaintiffs table: the primary label, the primary phone, the insurance.
    await row.locator('text=CLM-778').waitFor();
    const text = await row.innerText();
    assert.match(text, /Contact/, 'the primary label');
    assert.match(text, /555-0199/, 'the primary phone');
    assert.match(text, new RegExp(insurer.display_name));
    assert.match(text, /\$25,000\.00/);
    const stored = (await call('GET', `/cases/${kase.id}/parties`)).items.find((x) => x.id === p.id);
    assert.equal(stored.primary_label, 'Contact');

    // A user-defined field: three decimals of money are refused beside the field, then it saves.
    const udf = page.locator('#area-udf');
    await udf.getByRole('button', { name: 'Edit the user-defined fields' }).click();
    const uform = page.getByRole('form', { name: 'User-defined fields' });
    const input = uform.getByLabel(money, { exact: true });
    await input.fill('12.345');
    const refused = page.waitForResponse((r) => r.url().endsWith(`/api/v1/cases/${kase.id}/udf`) && r.request().method() === 'PATCH');
    await uform.getByRole('button', { name: 'Save fields' }).click();
    const rres = await refused;
    assert.equal(rres.status(), 422, await rres.text());
    assert.equal((await rres.json()).field, `values.${money}`);
    await input.and(page.locator('[aria-invalid="true"]')).waitFor();
    const describedBy = await input.getAttribute('aria-describedby');
    const error = page.locator(`[id="${describedBy}"]`);
    assert.ok((await error.innerText()).length > 0, 'the reason is shown beside the field');
    assert.equal(await uform.getByRole('alert').count(), 0, 'not in an alert above the form');
    await screenshot(page, 'udf-refused');

    await input.fill('1250.50');
    const saved = page.waitForResponse((r) => r.url().endsWith(`/api/v1/cases/${kase.id}/udf`) && r.request().method() === 'PATCH');
    await uform.getByRole('button', { name: 'Save fields' }).click();
    const sres = await saved;
    assert.equal(sres.status(), 200, await sres.text());
    assert.deepEqual(sres.request().postDataJSON(), { values: { [money]: 1250.5 } });
    await uform.waitFor({ state: 'detached' });
    await udf.locator(`[data-udf="${money}"]`, { hasText: '$1,250.50' }).waitFor();
    const values = (await call('GET', `/cases/${kase.id}/udf`)).items;
    assert.equal(values.find((u) => u.field.name === money).value, 125050);
    await screenshot(page, 'case-editors', { fullPage: true });
    assert.equal(await horizontalOverflow(page), null);
    assert.deepEqual(await problems(), []);
  } finally {
    await context.close();
  }
});
