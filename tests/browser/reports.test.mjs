// reports.test.mjs - case status reports through the web UI against a real server with the demo
// data (e-mail goes to the server's dir sink, see tests/api/helper.mjs): the admin opens Case
// status from the side menu, picks an office, previews (an advisor without an e-mail address is
// an issue, the options freeze) and sends (the result counts e-mailed, printed and failed reports
// and the letters are a PDF); staff tag cases in the case list for a report on those cases (the
// bulk options are refused beside the buttons); the requirements and the policy of an insurance
// case are edited on its page (a key requirement is bold); an office's follow-ups are edited in
// Setup (a stage twice is refused beside its row) and then offer "due for follow-up"; tagged
// advisors fix the dialog's Advisor section; the advisor Avery sees their case read-only and
// another case not at all; and the dialog at phone width.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, newPage, login, DEMO, heading, screenshot, horizontalOverflow, adminCaller, suffix } from './server.mjs';

const PHONE = { width: 375, height: 740 };

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

/** A demo case by number, in full. */
async function demoCase(number) {
  const found = (await call('GET', `/cases?q=${number}`)).items.find((c) => c.number === number);
  assert.ok(found, `the demo data has ${number}`);
  return call('GET', `/cases/${found.id}`);
}

/** A role of the advisor category. */
async function advisorRole() {
  const role = (await call('GET', '/setup/roles')).items.find((r) => r.category === 'advisor');
  assert.ok(role, 'the demo data has an advisor role');
  return role;
}

/** Waits for the answer to `method` on a path ending with `tail`. */
const answer = (page, method, tail) => page.waitForResponse((r) => r.request().method() === method
  && new URL(r.url()).pathname.endsWith(tail));

test('admin: Case status from the side menu, an office, a preview with an issue, then the send and its result', async () => {
  const { page, context, problems } = await newPage(browser, server.url);
  try {
    // An advisor who prefers e-mail but has no address: the preview must name the issue.
    const kase = await demoCase('DEMO-2001');
    assert.ok(kase.office, 'DEMO-2001 belongs to an office');
    const last = `Nomail${suffix()}`;
    const nora = await call('POST', '/contacts', { kind: 'person', first_name: 'Nora', last_name: last, preferred_comm: 'email' });
    await call('POST', `/cases/${kase.id}/staff`, { contact_id: nora.id, role_id: (await advisorRole()).id });
    const noraName = nora.display_name || `Nora ${last}`;

    await login(page, DEMO.admin);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Case status…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Case status' });
    await dialog.getByLabel('Office', { exact: true }).selectOption({ label: kase.office.name });
    await dialog.getByText(/follow-ups by stage/).waitFor();

    const previewed = answer(page, 'POST', '/reports/status/preview');
    await dialog.getByRole('button', { name: 'Preview' }).click();
    const pres = await previewed;
    assert.equal(pres.status(), 201, await pres.text());
    const sent = pres.request().postDataJSON();
    assert.equal(sent.office_id, kase.office.id);
    assert.equal(sent.advisors, 'all');
    assert.equal(sent.cases, 'all');
    assert.equal(sent.method, 'preferred');
    assert.equal(sent.subject, '');
    const preview = await pres.json();

    // The advisors who would get a report, the one without an address highlighted with its issue.
    const rows = dialog.locator('tr[data-advisor]');
    await rows.first().waitFor();
    assert.equal(await rows.count(), preview.reports.length);
    assert.ok(preview.reports.length >= 2, 'more than one advisor on the office\'s pending cases');
    const noraRow = dialog.locator(`tr[data-advisor="${noraName}"]`);
    await noraRow.waitFor();
    assert.match(await noraRow.getAttribute('class'), /cs-row-issue/);
    assert.equal(await noraRow.locator('[data-issue="email_missing"]').count(), 1);
    assert.match(await noraRow.innerText(), /DEMO-2001/);
    assert.match(await dialog.getByTestId('preview-summary').innerText(), /issue/);

    // The options are frozen; Print is the preview's PDF.
    assert.equal(await dialog.getByLabel('Office', { exact: true }).isDisabled(), true);
    assert.equal(await dialog.getByRole('radio', { name: 'All advisors' }).isDisabled(), true);
    const print = dialog.getByRole('link', { name: 'Print' });
    assert.equal(await print.getAttribute('href'), `/api/v1/reports/status/previews/${preview.id}/pdf`);
    const pdf = await page.request.get(`/api/v1/reports/status/previews/${preview.id}/pdf`);
    assert.equal(pdf.status(), 200);
    assert.match(pdf.headers()['content-type'], /application\/pdf/);
    await screenshot(page, 'case-status-preview');

    // Send what was previewed; the result is read until every report is settled.
    const sending = answer(page, 'POST', '/reports/status/send');
    await dialog.locator('#cs-actions').getByRole('button', { name: 'Send', exact: true }).click();
    const sres = await sending;
    assert.ok([200, 202].includes(sres.status()), await sres.text());
    assert.deepEqual(sres.request().postDataJSON(), { preview_id: preview.id });
    await dialog.getByTestId('send-state').filter({ hasText: 'Done' }).waitFor({ timeout: 60000 });

    const countOf = async (k) => Number(await dialog.locator(`[data-count="${k}"] dd`).innerText());
    const emailed = await countOf('emailed');
    const printed = await countOf('printed');
    const failed = await countOf('failed');
    assert.ok(emailed + printed >= 1, 'some report went out');
    assert.ok(failed >= 1, 'the report without an address failed');
    assert.equal(await countOf('queued'), 0);
    assert.equal(await dialog.locator('tr[data-outcome="emailed"]').count(), emailed);
    assert.equal(await dialog.locator('tr[data-outcome="printed"]').count(), printed);
    const noraResult = dialog.locator(`tr[data-advisor="${noraName}"]`);
    assert.equal(await noraResult.getAttribute('data-outcome'), 'failed');
    const mailDir = path.join(server.dir, 'mail');
    const messages = fs.existsSync(mailDir) ? fs.readdirSync(mailDir).filter((f) => f.endsWith('.eml')) : [];
    assert.ok(messages.length >= emailed, 'each e-mailed report is a message in the mail sink');
    if (printed > 0) {
      const letters = dialog.getByRole('link', { name: 'Download letters (PDF)' });
      await letters.waitFor();
      const href = await letters.getAttribute('href');
      assert.match(href, /^\/api\/v1\/reports\/status\/\d+\/letters$/);
      const lres = await page.request.get(href);
      assert.equal(lres.status(), 200);
      assert.match(lres.headers()['content-type'], /application\/pdf/);
    }
    await screenshot(page, 'case-status-result');

    // The log of an advisor who was e-mailed shows the report.
    const mailed = dialog.locator('tr[data-outcome="emailed"]').first();
    const mailedName = emailed ? await mailed.getAttribute('data-advisor') : null;
    await dialog.locator('#cs-actions').getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });
    if (mailedName) {
      await page.goto('/#/reports/advisors');
      await heading(page, 'Advisors');
      await page.getByRole('button', { name: `Log of ${mailedName}` }).click();
      const log = page.getByRole('dialog', { name: `Log of ${mailedName}` });
      await log.locator('.advisor-log-entry').first().waitFor();
      assert.match(await log.locator('.advisor-log-entry').first().innerText(), /E-mail/);
      await screenshot(page, 'advisor-log');
      await page.keyboard.press('Escape');
    }
    assert.deepEqual(await problems(), []);
  } finally {
    await context.close();
  }
});

test('staff: tagged cases in the case list are the dialog\'s selected cases; bulk options are refused beside the buttons', async () => {
  const { page, context, problems } = await newPage(browser, server.url, {
    allow: [{ path: /\/api\/v1\/reports\/status\/preview$/, status: 403 }],
  });
  try {
    const a = await demoCase('DEMO-2001');
    const b = await demoCase('DEMO-2002');
    await login(page, DEMO.paula);
    assert.equal(await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Case status…' }).count(), 0,
      'no bulk Case status without the mass send right');
    await page.goto('/#/cases');
    await page.getByLabel('Search cases').fill('DEMO-200');
    await page.locator(`tr[data-case-id="${a.id}"]`).waitFor();
    await page.getByLabel('Tag DEMO-2001').check();
    await page.getByLabel('Tag DEMO-2002').check();
    const bar = page.getByRole('group', { name: 'Tagged' });
    await bar.getByText('2 cases tagged').waitFor();
    await bar.getByRole('button', { name: 'Case status…' }).click();

    const dialog = page.getByRole('dialog', { name: 'Case status' });
    const selected = dialog.getByRole('radio', { name: 'Selected pending cases' });
    await selected.waitFor();
    assert.equal(await selected.isChecked(), true);
    const picked = dialog.getByRole('list', { name: 'Selected pending cases' });
    assert.match(await picked.innerText(), /DEMO-2001/);
    assert.match(await picked.innerText(), /DEMO-2002/);

    // All pending cases needs the mass send right: 403, shown by the buttons.
    await dialog.getByRole('radio', { name: 'All pending cases', exact: true }).check();
    const refused = answer(page, 'POST', '/reports/status/preview');
    await dialog.getByRole('button', { name: 'Preview' }).click();
    assert.equal((await refused).status(), 403);
    const alert = dialog.locator('#cs-actions').getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /right/);

    // Back to the tagged cases: the preview is made.
    await selected.check();
    const previewed = answer(page, 'POST', '/reports/status/preview');
    await dialog.getByRole('button', { name: 'Preview' }).click();
    const res = await previewed;
    assert.equal(res.status(), 201, await res.text());
    const body = res.request().postDataJSON();
    assert.equal(body.cases, 'selected');
    assert.deepEqual([...body.case_ids].sort((x, y) => x - y), [a.id, b.id].sort((x, y) => x - y));
    assert.equal(body.advisors, 'all');
    await dialog.locator('#cs-preview-title').waitFor();
    await dialog.locator('#cs-actions').getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });
    assert.deepEqual(await problems(), []);
  } finally {
    await context.close();
  }
});

test('staff: a key requirement added on an insurance case is bold and last; the policy is saved with If-Match', async () => {
  const { page, context, problems } = await newPage(browser, server.url);
  try {
    const kase = await demoCase('DEMO-2002');
    const before = (await call('GET', `/cases/${kase.id}/requirements`)).items;
    const policy = await call('GET', `/cases/${kase.id}/policy`);
    await login(page, DEMO.paula);
    await page.goto(`/#/cases/${kase.id}`);
    await heading(page, kase.name);
    const area = page.locator('#area-pending');
    await area.waitFor();
    const table = area.locator('.record-table');
    if (before.length) await table.locator('tr[data-row]').first().waitFor();

    const name = `Signed illustration ${suffix()}`;
    await area.getByRole('button', { name: 'Add requirement' }).click();
    const form = area.getByRole('form', { name: 'Add requirement' });
    await form.getByLabel('Requirement', { exact: true }).fill(name);
    await form.getByLabel('Key requirement (shown in bold)').check();
    const added = answer(page, 'POST', `/cases/${kase.id}/requirements`);
    await form.getByRole('button', { name: 'Add requirement' }).click();
    const res = await added;
    assert.equal(res.status(), 201, await res.text());
    assert.deepEqual(res.request().postDataJSON(), { name, status: 'outstanding', key: true });

    const row = table.locator(`tr[data-row="${name}"]`);
    await row.waitFor();
    const names = await table.locator('tr[data-row]').evaluateAll((trs) => trs.map((t) => t.dataset.row));
    assert.equal(names[names.length - 1], name, 'a new requirement goes last');
    assert.equal(names.length, before.length + 1);
    const weight = await row.locator('.req-name').evaluate((el) => Number(getComputedStyle(el).fontWeight));
    assert.ok(weight >= 600, `a key requirement is bold (font-weight ${weight})`);
    assert.match(await row.innerText(), /Outstanding/);

    // The policy: PUT with the version it was read at.
    await area.getByRole('button', { name: 'Edit the policy' }).click();
    const panel = page.getByRole('dialog', { name: 'Edit the policy' });
    const product = `Own-occupation LTD ${suffix()}`;
    await panel.getByLabel('Product').fill(product);
    const saved = answer(page, 'PUT', `/cases/${kase.id}/policy`);
    await panel.getByRole('button', { name: 'Save policy' }).click();
    const pres = await saved;
    assert.equal(pres.status(), 200, await pres.text());
    if (policy.version) assert.equal(pres.request().headers()['if-match'], `"${policy.version}"`);
    assert.equal(pres.request().postDataJSON().product, product);
    await panel.waitFor({ state: 'hidden' });
    await area.getByText(product).waitFor();
    assert.deepEqual(await problems(), []);
  } finally {
    await context.close();
  }
});

test('admin: an office\'s follow-ups by stage (a stage twice is refused beside its row), then "due for follow-up" is offered', async () => {
  const { page, context, problems } = await newPage(browser, server.url, {
    allow: [{ path: /\/api\/v1\/offices\/\d+\/follow-up$/, status: 422 }],
  });
  try {
    const office = await call('POST', '/offices', { name: `North Office ${suffix()}` });
    await login(page, DEMO.admin);
    await page.goto('/#/setup/offices');
    await page.locator(`tr[data-office="${office.name}"]`).waitFor();
    await page.getByRole('button', { name: `Follow-ups of ${office.name}` }).click();
    const panel = page.getByRole('dialog', { name: `Follow-ups of ${office.name}` });
    await panel.getByRole('radio', { name: /By stage/ }).check();
    await panel.getByRole('button', { name: 'Add a stage' }).click();
    await panel.getByRole('button', { name: 'Add a stage' }).click();
    const first = panel.locator('[data-stage-row="0"]');
    const second = panel.locator('[data-stage-row="1"]');
    const stageValue = await first.getByLabel('Stage', { exact: true }).locator('option').nth(1).getAttribute('value');
    await first.getByLabel('Stage', { exact: true }).selectOption(stageValue);
    await first.getByLabel('Interval (days)').fill('14');
    await first.getByLabel('Report text').fill('Still with the underwriters.');
    await second.getByLabel('Stage', { exact: true }).selectOption(stageValue);

    const refused = answer(page, 'PUT', `/offices/${office.id}/follow-up`);
    await panel.getByRole('button', { name: 'Save follow-ups' }).click();
    const bad = await refused;
    assert.equal(bad.status(), 422);
    assert.equal((await bad.json()).field, 'stages[1].status_id');
    await second.locator('.field-error').waitFor();
    assert.equal(await second.getByLabel('Stage', { exact: true }).getAttribute('aria-invalid'), 'true');

    await second.getByRole('button', { name: 'Remove stage 2' }).click();
    const saved = answer(page, 'PUT', `/offices/${office.id}/follow-up`);
    await panel.getByRole('button', { name: 'Save follow-ups' }).click();
    const ok = await saved;
    assert.equal(ok.status(), 200, await ok.text());
    assert.deepEqual(ok.request().postDataJSON(), {
      method: 'stage', stages: [{ status_id: Number(stageValue), interval_days: 14, report_text: 'Still with the underwriters.' }],
    });
    await panel.waitFor({ state: 'hidden' });

    // The firm's report settings (Setup > Status reports): a blank subject is refused before sending.
    await page.goto('/#/setup/status-reports');
    const settings = page.getByRole('form', { name: 'Status report settings' });
    const subject = settings.getByLabel('Default subject');
    const oldSubject = await subject.inputValue();
    await subject.fill('  ');
    await settings.getByRole('button', { name: 'Save report settings' }).click();
    assert.equal(await subject.getAttribute('aria-invalid'), 'true');
    await subject.fill('Where your cases stand');
    await settings.getByLabel('Received').check();
    const put = answer(page, 'PUT', '/setup/status-report');
    await settings.getByRole('button', { name: 'Save report settings' }).click();
    const pres = await put;
    assert.equal(pres.status(), 200, await pres.text());
    assert.deepEqual(pres.request().postDataJSON(), { default_subject: 'Where your cases stand', include: ['outstanding', 'received'] });
    await settings.getByText('Saved.').waitFor();
    await call('PUT', '/setup/status-report', { default_subject: oldSubject, include: ['outstanding'] });

    // The dialog offers the follow-up date for this office, and one case per letter is forced on.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Case status…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Case status' });
    assert.equal(await dialog.getByRole('radio', { name: /due for follow-up/ }).count(), 0, 'not without an office');
    await dialog.getByLabel('Office', { exact: true }).selectOption({ label: office.name });
    await dialog.getByRole('radio', { name: /due for follow-up/ }).check();
    const one = dialog.getByLabel('One case per letter');
    assert.equal(await one.isChecked(), true);
    assert.equal(await one.isDisabled(), true);
    await dialog.locator('#cs-actions').getByRole('button', { name: 'Close' }).click();
    assert.deepEqual(await problems(), []);
  } finally {
    await context.close();
  }
});

test('admin: tagged advisors fix the Advisor section of the dialog', async () => {
  const { page, context, problems } = await newPage(browser, server.url);
  try {
    const advisors = (await call('GET', '/advisors?limit=2')).items;
    assert.ok(advisors.length >= 2, 'the demo data has two advisors');
    await login(page, DEMO.admin);
    await page.goto('/#/reports/advisors');
    await heading(page, 'Advisors');
    for (const a of advisors) await page.getByLabel(`Tag ${a.name}`).check();
    await page.getByRole('group', { name: 'Tagged' }).getByRole('button', { name: 'Case status…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Case status' });
    const list = dialog.getByRole('list', { name: 'Selected advisors' });
    await list.waitFor();
    for (const a of advisors) assert.match(await list.innerText(), new RegExp(a.name));
    assert.equal(await dialog.getByRole('radio', { name: 'All advisors' }).count(), 0, 'the Advisor section is fixed');
    const previewed = answer(page, 'POST', '/reports/status/preview');
    await dialog.getByRole('button', { name: 'Preview' }).click();
    const res = await previewed;
    assert.equal(res.status(), 201, await res.text());
    const body = res.request().postDataJSON();
    assert.equal(body.advisors, 'selected');
    assert.deepEqual([...body.advisor_ids].sort((x, y) => x - y), advisors.map((a) => a.id).sort((x, y) => x - y));
    const names = await dialog.locator('tr[data-advisor]').evaluateAll((trs) => trs.map((t) => t.dataset.advisor));
    for (const n of names) assert.ok(advisors.some((a) => a.name === n), `${n} was tagged`);
    assert.deepEqual(await problems(), []);
  } finally {
    await context.close();
  }
});

test('advisor: their insurance case read-only (stage, policy, outstanding requirements), another case not found', async () => {
  const { page, context, problems } = await newPage(browser, server.url, {
    allow: [{ path: /\/api\/v1\/cases\/\d+$/, status: 404 }],
  });
  try {
    const mine = await demoCase('DEMO-2001');
    const other = await demoCase('DEMO-1001');
    const outstanding = (await call('GET', `/cases/${mine.id}/requirements?outstanding=true`)).items;
    await login(page, DEMO.avery);
    await heading(page, 'Cases');
    await page.locator(`tr[data-case-id="${mine.id}"]`).waitFor();
    assert.equal(await page.locator(`tr[data-case-id="${other.id}"]`).count(), 0, 'only their own cases are listed');
    assert.equal(await page.getByRole('checkbox').count(), 0, 'no tags without a send right');

    await page.goto(`/#/cases/${mine.id}`);
    await heading(page, mine.name);
    await page.locator('.adv-stage').filter({ hasText: mine.stage.name }).waitFor();
    const area = page.locator('#area-pending');
    await area.waitFor();
    await area.getByText('Policy number').waitFor();
    const items = area.locator('.req-list li');
    if (outstanding.length) await items.first().waitFor();
    assert.deepEqual(await items.evaluateAll((lis) => lis.map((li) => li.dataset.row)), outstanding.map((r) => r.name),
      'the outstanding requirements in their order');
    for (const r of outstanding.filter((x) => x.key)) {
      assert.equal(await area.locator(`li[data-row="${r.name}"] .req-key`).count(), 1, `${r.name} is bold`);
    }
    const main = page.locator('main');
    for (const name of [/^Edit/, /^Add/, /^Delete/, /^Edit the policy$/]) {
      assert.equal(await main.getByRole('button', { name }).count(), 0, `no ${name} button`);
    }
    await screenshot(page, 'advisor-case', { fullPage: true });

    await page.goto(`/#/cases/${other.id}`);
    await page.getByRole('heading', { name: 'Case not found' }).waitFor();
    assert.deepEqual(await problems(), []);
  } finally {
    await context.close();
  }
});

test('phone width: the dialog, its preview, the advisors and the pending case area do not scroll sideways', async () => {
  const { page, context, problems } = await newPage(browser, server.url, { viewport: PHONE });
  try {
    await login(page, DEMO.admin);
    await page.getByRole('button', { name: 'Open menu' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Case status…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Case status' });
    await dialog.getByLabel('Office', { exact: true }).waitFor();
    assert.equal(await horizontalOverflow(page), null, 'the options');
    // Keyboard: the radios are reachable and Escape closes the dialog.
    await dialog.getByRole('radio', { name: 'Print all' }).focus();
    await page.keyboard.press('Space');
    assert.equal(await dialog.getByRole('radio', { name: 'Print all' }).isChecked(), true);
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await dialog.locator('#cs-preview-title').waitFor();
    assert.equal(await horizontalOverflow(page), null, 'the preview');
    await screenshot(page, 'case-status-phone');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.goto('/#/reports/advisors');
    await page.locator('tr[data-advisor]').first().waitFor();
    assert.equal(await horizontalOverflow(page), null, 'the advisors');
    const kase = await demoCase('DEMO-2001');
    await page.goto(`/#/cases/${kase.id}`);
    await page.locator('#area-pending tr[data-row]').first().waitFor();
    assert.equal(await horizontalOverflow(page), null, 'the pending case area');
    await screenshot(page, 'pending-case-phone', { fullPage: true });
    assert.deepEqual(await problems(), []);
  } finally {
    await context.close();
  }
});
