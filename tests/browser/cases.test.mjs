// cases.test.mjs - cases through the web UI against a real server with the demo data: a new
// case through the form (every member sent as the contract says, the amount in cents), found
// in the list and by search; the status table's form (the status waits for a type, the close
// reason for the closing status), closing a case and its history with from/to dates and the
// automatic "Closed:" comment; sub-statuses; notes in Last notes, All notes and the timeline;
// editing the case with If-Match and the "changed by someone else" answer to a stale version;
// staff and its history, parties, related and other cases; the list's filters; what a staff
// member and an advisor see; the phone layout.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, login, DEMO, screenshot, heading, horizontalOverflow, adminCaller, suffix } from './server.mjs';

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

/** The firm's lists from the demo data, by name. */
async function setup() {
  const get = async (p) => (await call('GET', `/setup/${p}`)).items;
  const [caseTypes, statusTypes, statuses, closeReasons, noteTypes, valueRanges] = await Promise.all(
    ['case-types', 'status-types', 'statuses', 'close-reasons', 'note-types', 'value-ranges'].map(get));
  const legal = caseTypes.find((t) => t.group === 'legal');
  const stage = statusTypes.find((t) => t.stage);
  const stages = statuses.filter((s) => s.status_type_id === stage.id && (!s.group || s.group === legal.group));
  return { caseTypes, statusTypes, statuses, closeReasons, noteTypes, valueRanges, legal, stage, stages };
}

/** The first stage a new case of the legal group starts in. */
function first(s) {
  return s.stages.find((x) => !x.closing);
}

/** Today as the browser's form fills it in (the test machine's zone). */
function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

test('a new case through the form, then in the list and found by search', async () => {
  const { page, context, problems } = await newPage(browser, server.url);
  try {
    const s = await setup();
    const subtypes = (await call('GET', `/setup/case-subtypes?case_type_id=${s.legal.id}`)).items;
    const offices = (await call('GET', '/offices')).items;
    await login(page, DEMO.admin);
    await page.getByRole('link', { name: 'New case' }).click();
    await heading(page, 'New case');
    const form = page.getByRole('form', { name: 'New case' });

    // The subtype and starting stage wait for a case type.
    assert.equal(await form.getByLabel('Subtype').isDisabled(), true);
    assert.equal(await form.getByLabel('Starting stage').isDisabled(), true);
    assert.equal(await form.getByLabel('Opened').inputValue(), today(), 'opened defaults to today');

    const word = `zebracorn${suffix()}`;
    const name = `Whitfield v. Acme ${suffix()}`;
    await form.getByLabel('Case name').fill(name);
    await form.getByLabel('Case type').selectOption(String(s.legal.id));
    if (subtypes.length) {
      assert.equal(await form.getByLabel('Subtype').isDisabled(), false);
      const offered = await form.getByLabel('Subtype').locator('option').allInnerTexts();
      assert.deepEqual(offered.slice(1).map((t) => t.trim()), subtypes.map((x) => x.name), 'only the subtypes of the type');
      await form.getByLabel('Subtype').selectOption(String(subtypes[0].id));
    }
    await form.getByLabel('State').selectOption('NY');
    if (offices.length) await form.getByLabel('Office').selectOption(String(offices[0].id));
    await form.getByLabel('Incident date').fill('2026-01-15');
    await form.getByLabel('Estimated value').selectOption(String(s.valueRanges[1].id));
    await form.getByLabel('Minimum settlement').fill('25,000.50');
    await form.getByLabel('Value comments').fill('Liability is clear');
    await form.getByLabel('Serious injury').check();
    await form.getByLabel('Description').fill(`Rear-ended at a light; the ${word} witness saw it.`);

    // A bad amount is refused before anything is sent.
    await form.getByLabel('Minimum settlement').fill('25k');
    await form.getByRole('button', { name: 'Open case' }).click();
    await form.getByRole('alert').filter({ hasText: 'Minimum settlement' }).waitFor();
    assert.equal(await form.getByLabel('Minimum settlement').getAttribute('aria-invalid'), 'true');
    await form.getByLabel('Minimum settlement').fill('25,000.50');

    const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/cases') && r.request().method() === 'POST');
    await form.getByRole('button', { name: 'Open case' }).click();
    const res = await created;
    assert.equal(res.status(), 201, await res.text());
    const sent = res.request().postDataJSON();
    assert.deepEqual(sent, {
      name, case_type_id: s.legal.id, ...(subtypes.length ? { case_subtype_id: subtypes[0].id } : {}),
      state: 'NY', ...(offices.length ? { office_id: offices[0].id } : {}), owner_id: (await call('GET', '/me')).user.id,
      incident_date: '2026-01-15', opened_date: today(), value_range_id: s.valueRanges[1].id,
      min_settlement_cents: 2500050, value_comments: 'Liability is clear', serious_injury: true,
      description: `Rear-ended at a light; the ${word} witness saw it.`,
    });
    const kase = await res.json();

    // The case page opens: number and name in the header, the first stage in the status table.
    await page.waitForURL(new RegExp(`#/cases/${kase.id}$`));
    await heading(page, name);
    if (kase.number) await page.locator('.page-kicker', { hasText: kase.number }).waitFor();
    const stageRow = page.locator('.status-table tr.is-primary');
    await stageRow.waitFor();
    assert.match(await stageRow.innerText(), new RegExp(s.stages.find((x) => !x.closing).name));
    assert.match(await page.locator('.facts').last().innerText(), /\$25,000\.50/);
    await screenshot(page, 'case-page', { fullPage: true });

    // In the list, and found by a word of its description.
    await page.getByRole('link', { name: 'Cases', exact: true }).first().click();
    await heading(page, 'Cases');
    await page.locator(`tr[data-case-id="${kase.id}"]`).waitFor();
    await page.getByLabel('Search cases').fill(word);
    await page.getByRole('heading', { name: 'Matching cases' }).waitFor();
    const rows = page.locator('tr[data-case-id]');
    await page.waitForFunction((id) => {
      const r = [...document.querySelectorAll('tr[data-case-id]')];
      return r.length === 1 && r[0].dataset.caseId === String(id);
    }, kase.id);
    assert.match(await rows.first().innerText(), new RegExp(name.replace(/\./g, '\\.')));
    await page.getByLabel('Search cases').fill(`nothing${suffix()}`);
    await page.getByText('No case matches').waitFor();
    await page.getByRole('button', { name: 'Clear' }).click();
    await page.locator(`tr[data-case-id="${kase.id}"]`).waitFor();

    // A click on the row opens the case.
    await page.locator(`tr[data-case-id="${kase.id}"] td`).nth(1).click();
    await heading(page, name);
    assert.deepEqual(await problems(), []);
  } finally {
    await context.close();
  }
});

test('the status form: change the stage, close with a reason, see the history', async () => {
  const { page, context, problems } = await newPage(browser, server.url);
  try {
    const s = await setup();
    const kase = await call('POST', '/cases', { name: `Stage test ${suffix()}`, case_type_id: s.legal.id });
    const first = s.stages.filter((x) => !x.closing)[0];
    const next = s.stages.filter((x) => !x.closing)[1];
    const closing = s.stages.find((x) => x.closing);
    const reason = s.closeReasons[0];
    assert.ok(first && next && closing && reason, 'the demo data has stages, a closing status and a close reason');

    await login(page, DEMO.admin);
    await page.goto(`/#/cases/${kase.id}`);
    await heading(page, kase.name);
    const stageRow = page.locator('.status-table tr.is-primary');
    await stageRow.filter({ hasText: first.name }).waitFor();
    assert.equal(await stageRow.locator('strong').innerText(), s.stage.name, 'the stage in bold');
    assert.match(await stageRow.innerText(), /\(0 days\)/);

    await stageRow.getByRole('button', { name: 'Add a status' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a status' });
    await dialog.waitFor();
    const type = dialog.getByLabel('Status type');
    const status = dialog.getByLabel('Status', { exact: true });
    const why = dialog.getByLabel('Close reason');
    const expected = dialog.getByLabel('Expected # of days');
    assert.equal(await status.isDisabled(), true, 'no status before a type is chosen');
    assert.equal(await why.isDisabled(), true, 'no close reason before a status is chosen');
    assert.equal(await dialog.getByLabel('Date').inputValue(), today(), 'the date defaults to today');

    await type.selectOption(String(s.stage.id));
    assert.equal(await status.isDisabled(), false);
    assert.equal(await why.isDisabled(), true, 'still no close reason without a status');
    const offered = (await status.locator('option').allInnerTexts()).slice(1).map((t) => t.trim());
    assert.deepEqual(offered, s.stages.map((x) => x.name), 'the stage statuses of the case group and of every group');

    await status.selectOption(String(next.id));
    assert.equal(await why.isDisabled(), true, 'a status that does not close: no close reason');
    assert.equal(await expected.inputValue(), String(next.expected_days), 'expected days from the status');

    await status.selectOption(String(closing.id));
    assert.equal(await why.isDisabled(), false, 'the closing status asks for a reason');
    assert.equal(await expected.inputValue(), String(closing.expected_days));

    // Clear comments empties the field.
    await dialog.getByLabel('Comments').fill('typed by mistake');
    await dialog.getByRole('button', { name: 'Clear comments' }).click();
    assert.equal(await dialog.getByLabel('Comments').inputValue(), '');

    // Without a reason the form says so and sends nothing.
    let posted = 0;
    page.on('request', (r) => { if (r.method() === 'POST' && r.url().endsWith('/statuses')) posted += 1; });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Close reason' }).waitFor();
    assert.equal(posted, 0);

    await why.selectOption(String(reason.id));
    await dialog.getByLabel('Comments').fill('Settled at mediation');
    await screenshot(page, 'status-form');
    const saved = page.waitForResponse((r) => r.url().endsWith(`/cases/${kase.id}/statuses`) && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: 'Save' }).click();
    const res = await saved;
    assert.equal(res.status(), 201, await res.text());
    assert.deepEqual(res.request().postDataJSON(), {
      status_type_id: s.stage.id, status_id: closing.id, expected_days: closing.expected_days, date: today(),
      comments: 'Settled at mediation', close_reason_id: reason.id,
    });
    await dialog.waitFor({ state: 'detached' });

    // The table and the case follow.
    await stageRow.filter({ hasText: closing.name }).waitFor();
    await page.getByRole('list', { name: 'Flags' }).getByText('Closed').waitFor();

    // The history lists both rows with their dates and the automatic comment.
    await stageRow.getByRole('button', { name: 'Status history' }).click();
    const history = page.getByRole('dialog', { name: 'Status history' });
    const rows = history.locator('tbody tr');
    await rows.nth(1).waitFor();
    assert.equal(await rows.count(), 2);
    const [closed, opened] = [rows.nth(0), rows.nth(1)];
    assert.match(await closed.innerText(), new RegExp(closing.name));
    assert.match(await closed.innerText(), new RegExp(`Closed: ${reason.name}`), 'the automatic close comment');
    assert.match(await closed.innerText(), /Settled at mediation/);
    assert.match(await closed.innerText(), /Current/);
    assert.equal(await closed.locator('td[data-label="From"] time').getAttribute('datetime'), today());
    assert.match(await opened.innerText(), new RegExp(first.name));
    assert.equal(await opened.locator('td[data-label="From"] time').getAttribute('datetime'), kase.opened_date);
    assert.equal(await opened.locator('td[data-label="To"] time').getAttribute('datetime'), today());
    assert.match(await opened.innerText(), /Ada Admin/, 'the staff who set it');
    await screenshot(page, 'status-history');
    await page.keyboard.press('Escape');
    await history.waitFor({ state: 'detached' });

    // The server agrees.
    const h = (await call('GET', `/cases/${kase.id}/statuses/history`)).items;
    assert.equal(h.length, 2);
    assert.equal((await call('GET', `/cases/${kase.id}`)).closed, true);
    assert.deepEqual(await problems(), []);
  } finally {
    await context.close();
  }
});

test('a sub-status: add, edit its expected days, delete', async () => {
  const { page, context, problems } = await newPage(browser, server.url);
  try {
    const s = await setup();
    const sub = s.statusTypes.find((t) => !t.stage);
    const subs = s.statuses.filter((x) => x.status_type_id === sub.id && (!x.group || x.group === s.legal.group));
    assert.ok(subs.length, 'the demo data has statuses of a sub-status type');
    const kase = await call('POST', '/cases', { name: `Sub-status test ${suffix()}`, case_type_id: s.legal.id });
    await login(page, DEMO.admin);
    await page.goto(`/#/cases/${kase.id}`);
    await heading(page, kase.name);

    await page.getByRole('button', { name: 'Add a status' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a status' });
    await dialog.getByLabel('Status type').selectOption(String(sub.id));
    await dialog.getByLabel('Status', { exact: true }).selectOption(String(subs[0].id));
    assert.equal(await dialog.getByLabel('Close reason').isDisabled(), true);
    await dialog.getByLabel('Date').fill('2026-01-02');
    await dialog.getByRole('button', { name: 'Save' }).click();
    const row = page.locator(`.status-table tr[data-status-type="${sub.name}"]`);
    await row.waitFor();
    assert.match(await row.innerText(), new RegExp(subs[0].name));
    assert.equal(await row.locator('time').getAttribute('datetime'), '2026-01-02');
    assert.equal(await row.locator('strong').count(), 0, 'only the stage is bold');

    await row.getByRole('button', { name: `Edit the ${sub.name} status` }).click();
    const edit = page.getByRole('dialog', { name: `Edit the ${sub.name}` });
    assert.equal(await edit.getByLabel('Status type').isDisabled(), true, 'the type of a row stays');
    await edit.getByLabel('Expected # of days').fill('1');
    const patched = page.waitForResponse((r) => r.request().method() === 'PATCH');
    await edit.getByRole('button', { name: 'Save' }).click();
    const pres = await patched;
    assert.equal(pres.status(), 200, await pres.text());
    assert.deepEqual(pres.request().postDataJSON(), { expected_days: 1 });
    await row.getByText('Overdue').waitFor();

    await row.getByRole('button', { name: `Delete the ${sub.name} status` }).click();
    await row.getByRole('button', { name: `Remove ${sub.name}?` }).click();
    await row.waitFor({ state: 'detached' });
    const h = (await call('GET', `/cases/${kase.id}/statuses/history`)).items;
    assert.ok(h.some((r) => r.status_type.id === sub.id && r.to_date), 'the ended row stays in the history');
    assert.deepEqual(await problems(), []);
  } finally {
    await context.close();
  }
});

test('a note shows in Last notes and in the timeline', async () => {
  const { page, context, problems } = await newPage(browser, server.url);
  try {
    const s = await setup();
    const kase = await call('POST', '/cases', { name: `Note test ${suffix()}`, case_type_id: s.legal.id });
    await login(page, DEMO.admin);
    await page.goto(`/#/cases/${kase.id}`);
    await heading(page, kase.name);
    await page.getByText('No notes yet.').waitFor();

    await page.getByRole('button', { name: 'Add a note' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a note' });
    await dialog.waitFor();
    const type = s.noteTypes[1] || s.noteTypes[0];
    await dialog.getByLabel('Type').selectOption(String(type.id));
    const body = `Called the adjuster ${suffix()}; they will send the file.`;
    await dialog.getByLabel('Note').fill(body);
    const saved = page.waitForResponse((r) => r.url().endsWith(`/cases/${kase.id}/notes`) && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: 'Add note' }).click();
    const res = await saved;
    assert.equal(res.status(), 201, await res.text());
    const sent = res.request().postDataJSON();
    assert.equal(sent.note_type_id, type.id);
    assert.equal(sent.body, body);
    assert.match(sent.at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    const last = page.getByRole('list', { name: 'Last notes' });
    const note = last.locator('li', { hasText: body });
    await note.waitFor();
    assert.match(await note.innerText(), new RegExp(type.name));
    assert.match(await note.innerText(), /Ada Admin/);

    const timeline = page.locator('section', { has: page.getByRole('heading', { name: 'Timeline' }) });
    await timeline.locator('tr[data-event="note.added"]').waitFor();
    await timeline.locator('tr[data-event="case.created"]').waitFor();

    // All notes finds it by a word of its body.
    await page.getByRole('button', { name: 'All notes' }).click();
    const all = page.getByRole('dialog', { name: 'All notes' });
    await all.getByRole('list', { name: 'All notes' }).locator('li', { hasText: body }).waitFor();
    await all.getByLabel('Search notes').fill('adjuster');
    await all.locator('li', { hasText: body }).waitFor();
    await all.getByLabel('Search notes').fill(`nothing${suffix()}`);
    await all.getByText('No note matches').waitFor();
    await all.getByRole('button', { name: 'Close' }).click();
    await all.waitFor({ state: 'detached' });

    // Edit (only the body changes, with If-Match), then delete.
    const created = await res.json();
    await note.getByRole('button', { name: /^Edit the note/ }).click();
    const edit = page.getByRole('dialog', { name: 'Edit note' });
    await edit.getByLabel('Note').fill(`${body} They sent it.`);
    const patched = page.waitForResponse((r) => r.request().method() === 'PATCH');
    await edit.getByRole('button', { name: 'Save' }).click();
    const pres = await patched;
    assert.equal(pres.status(), 200, await pres.text());
    assert.deepEqual(pres.request().postDataJSON(), { body: `${body} They sent it.` });
    assert.equal(pres.request().headers()['if-match'].replace(/"/g, ''), String(created.version));
    const changed = last.locator('li', { hasText: 'They sent it.' });
    await changed.waitFor();
    await timeline.locator('tr[data-event="note.changed"]').waitFor();
    await changed.getByRole('button', { name: /^Delete the note/ }).click();
    await changed.getByRole('button', { name: 'Delete note?' }).click();
    await page.getByText('No notes yet.').waitFor();
    await timeline.locator('tr[data-event="note.deleted"]').waitFor();
    assert.deepEqual(await problems(), []);
  } finally {
    await context.close();
  }
});

test('edit case sends If-Match and a stale version says someone else changed it', async () => {
  const { page, context, problems } = await newPage(browser, server.url, {
    allow: [{ path: /\/api\/v1\/cases\/\d+$/, status: 409 }],
  });
  try {
    const s = await setup();
    const kase = await call('POST', '/cases', { name: `Edit test ${suffix()}`, case_type_id: s.legal.id });
    await login(page, DEMO.admin);
    await page.goto(`/#/cases/${kase.id}`);
    await heading(page, kase.name);

    await page.getByRole('button', { name: 'Edit case' }).click();
    let dialog = page.getByRole('dialog', { name: 'Edit case' });
    await dialog.getByLabel('Expected resolution').fill('2027-06-30');
    await dialog.getByLabel('Estimated value').selectOption(String(s.valueRanges[0].id));
    const saved = page.waitForResponse((r) => r.url().endsWith(`/cases/${kase.id}`) && r.request().method() === 'PATCH');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    const res = await saved;
    assert.equal(res.status(), 200, await res.text());
    assert.equal(res.request().headers()['if-match'].replace(/"/g, ''), String(kase.version));
    assert.deepEqual(res.request().postDataJSON(), { value_range_id: s.valueRanges[0].id, expected_resolution_date: '2027-06-30' });
    await dialog.waitFor({ state: 'detached' });
    await page.locator('.facts time[datetime="2027-06-30"]').waitFor();

    // The value history panel.
    await page.getByRole('button', { name: s.valueRanges[0].name }).click();
    const values = page.getByRole('dialog', { name: 'Estimated value history' });
    await values.locator('tbody tr').first().waitFor();
    assert.match(await values.innerText(), new RegExp(s.valueRanges[0].name.replace(/\$/g, '\\$')));
    await values.getByRole('button', { name: 'Close' }).click();

    // Someone else changes the case meanwhile: the next save is refused and says so.
    const fresh = await call('GET', `/cases/${kase.id}`);
    await call('PATCH', `/cases/${kase.id}`, { description: 'changed elsewhere' }, { 'If-Match': String(fresh.version) });
    await page.getByRole('button', { name: 'Edit case' }).click();
    dialog = page.getByRole('dialog', { name: 'Edit case' });
    await dialog.getByLabel('Value comments').fill('Looks stronger now');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    const alert = dialog.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /changed by someone else/);
    await alert.getByRole('button', { name: 'Reload' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('.case-description', { hasText: 'changed elsewhere' }).waitFor();
    assert.deepEqual(await problems(), []);
  } finally {
    await context.close();
  }
});

test('staff with history, a party added as a new contact, other and related cases', async () => {
  const { page, context, problems } = await newPage(browser, server.url);
  try {
    const s = await setup();
    const roles = (await call('GET', '/setup/roles')).items;
    const paralegal = roles.find((r) => r.category === 'paralegal');
    const attorney = roles.find((r) => r.category === 'attorney');
    const users = (await call('GET', '/users')).items;
    const paula = users.find((u) => u.login === 'paula');
    const one = await call('POST', '/cases', { name: `Staff test ${suffix()}`, case_type_id: s.legal.id });
    const two = await call('POST', '/cases', { name: `Sibling ${suffix()}`, case_type_id: s.legal.id });
    await login(page, DEMO.admin);
    await page.goto(`/#/cases/${one.id}`);
    await heading(page, one.name);

    // Staff: add Paula as paralegal, then make her the attorney (a new assignment).
    const staff = page.locator('section', { has: page.getByRole('heading', { name: 'Staff', exact: true }) });
    await staff.getByText('Nobody is assigned yet.').waitFor();
    await staff.getByRole('button', { name: 'Add staff' }).click();
    let dialog = page.getByRole('dialog', { name: 'Add staff' });
    await dialog.getByLabel('Staff member').selectOption(String(paula.id));
    await dialog.getByLabel('Role').selectOption(String(paralegal.id));
    await dialog.getByLabel('Comments').fill('Handles the records');
    const added = page.waitForResponse((r) => r.url().endsWith(`/cases/${one.id}/staff`) && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: 'Save' }).click();
    const ares = await added;
    assert.equal(ares.status(), 201, await ares.text());
    assert.deepEqual(ares.request().postDataJSON(), { user_id: paula.id, role_id: paralegal.id, comments: 'Handles the records' });
    const row = staff.locator(`tr[data-staff="${paula.name}"]`);
    await row.filter({ hasText: paralegal.name }).waitFor();

    await row.getByRole('button', { name: `Edit ${paralegal.name} ${paula.name}` }).click();
    dialog = page.getByRole('dialog', { name: `Edit ${paralegal.name}` });
    await dialog.getByLabel('Role').selectOption(String(attorney.id));
    const changed = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes(`/cases/${one.id}/staff/`));
    await dialog.getByRole('button', { name: 'Save' }).click();
    const cres = await changed;
    assert.equal(cres.status(), 200, await cres.text());
    assert.deepEqual(cres.request().postDataJSON(), { role_id: attorney.id });
    assert.ok(cres.request().headers()['if-match'], 'If-Match sent');
    await staff.locator(`tr[data-staff="${paula.name}"]`).filter({ hasText: attorney.name }).waitFor();

    await staff.getByRole('button', { name: 'Show history' }).click();
    const history = page.getByRole('dialog', { name: 'Staff history' });
    await history.locator('tbody tr').nth(1).waitFor();
    const text = await history.innerText();
    assert.match(text, new RegExp(paralegal.name));
    assert.match(text, new RegExp(attorney.name));
    assert.match(text, /Current/);
    await history.getByRole('button', { name: 'Close' }).click();

    // Parties (added through the API here; the party editors have their own tests): a plaintiff
    // shows in Plaintiffs; the same plaintiff on the sibling case.
    const last = `Quill${suffix()}`;
    const contact = await call('POST', '/contacts', { first_name: 'Rosa', last_name: last });
    await call('POST', `/cases/${one.id}/parties`, { contact_id: contact.id, kind: 'plaintiff' });
    await page.reload();
    await heading(page, one.name);
    await page.locator('#area-plaintiffs').locator(`tr[data-party="Rosa ${last}"]`).waitFor();
    await call('POST', `/cases/${two.id}/parties`, { contact_id: contact.id, kind: 'plaintiff' });

    // Related (a tab): link the sibling by searching for it.
    await page.getByRole('tab', { name: /^Related cases/ }).click();
    const related = page.getByRole('tabpanel');
    await related.getByRole('button', { name: 'Add related case' }).click();
    await related.getByRole('combobox', { name: 'Case to link' }).fill(two.name.split(' ')[1]);
    const linked = page.waitForResponse((r) => r.url().endsWith(`/cases/${one.id}/related`) && r.request().method() === 'POST');
    await related.getByRole('option', { name: new RegExp(two.name) }).click();
    assert.deepEqual((await linked).request().postDataJSON(), { case_id: two.id });
    await related.locator(`tr[data-case-id="${two.id}"]`).waitFor();
    assert.match(await related.locator(`tr[data-case-id="${two.id}"]`).innerText(), new RegExp(first(s).name));

    // The sibling lists this case as an other case (same plaintiff) and as related (both ways).
    await related.locator(`tr[data-case-id="${two.id}"] a`).click();
    await heading(page, two.name);
    if (one.number) {
      await page.getByRole('tab', { name: /^Other cases/ }).click();
      await page.getByRole('tabpanel').locator(`tr[data-case-id="${one.id}"]`).waitFor();
    }
    await page.getByRole('tab', { name: /^Related cases/ }).click();
    const row1 = page.getByRole('tabpanel').locator(`tr[data-case-id="${one.id}"]`);
    await row1.waitFor();
    assert.match(await row1.innerText(), new RegExp(paula.name), 'the attorney column');

    // Unlinking removes both directions.
    await row1.getByRole('button', { name: /^Unlink/ }).click();
    await row1.getByRole('button', { name: /\?$/ }).click();
    await row1.waitFor({ state: 'detached' });
    assert.deepEqual((await call('GET', `/cases/${one.id}/related`)).items, []);
    assert.deepEqual(await problems(), []);
  } finally {
    await context.close();
  }
});

test('the case list filters by stage and open or closed', async () => {
  const { page, context, problems } = await newPage(browser, server.url);
  try {
    const s = await setup();
    const word = `filterword${suffix()}`;
    const open = await call('POST', '/cases', { name: `Open ${word}`, case_type_id: s.legal.id });
    const shut = await call('POST', '/cases', { name: `Shut ${word}`, case_type_id: s.legal.id });
    const closing = s.stages.find((x) => x.closing);
    await call('POST', `/cases/${shut.id}/statuses`, {
      status_type_id: s.stage.id, status_id: closing.id, close_reason_id: s.closeReasons[0].id,
    });
    await login(page, DEMO.admin);
    await page.goto('/#/cases');
    await page.getByLabel('Search cases').fill(word);
    await page.getByRole('heading', { name: 'Matching cases' }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('tr[data-case-id]').length === 2);
    await page.locator(`tr[data-case-id="${shut.id}"]`).waitFor();
    await page.locator(`tr[data-case-id="${open.id}"]`).waitFor();

    await page.getByRole('button', { name: /^Filters/ }).click();
    const wait = page.waitForRequest((r) => r.url().includes('closed=true'));
    await page.getByLabel('Open or closed').selectOption('true');
    assert.match((await wait).url(), new RegExp(`q=${word}`));
    await page.locator(`tr[data-case-id="${open.id}"]`).waitFor({ state: 'detached' });
    await page.locator(`tr[data-case-id="${shut.id}"]`).waitFor();
    assert.match(await page.locator(`tr[data-case-id="${shut.id}"]`).innerText(), /Closed/);

    await page.getByLabel('Open or closed').selectOption('');
    await page.getByLabel('Stage').selectOption(String(s.stages[0].id));
    await page.locator(`tr[data-case-id="${open.id}"]`).waitFor();
    await page.locator(`tr[data-case-id="${shut.id}"]`).waitFor({ state: 'detached' });
    assert.equal(await page.getByRole('button', { name: /^Filters/ }).innerText(), 'Filters (1)');

    // The filters survive a visit to a case.
    await page.locator(`tr[data-case-id="${open.id}"] a`).click();
    await heading(page, open.name);
    await page.goBack();
    await page.locator(`tr[data-case-id="${open.id}"]`).waitFor();
    assert.equal(await page.getByLabel('Stage').inputValue(), String(s.stages[0].id));
    await page.getByRole('button', { name: 'Clear' }).click();
    assert.deepEqual(await problems(), []);
  } finally {
    await context.close();
  }
});

test('a staff member without the admin right works a case; an advisor only reads', async () => {
  const { page, context, problems } = await newPage(browser, server.url);
  try {
    const s = await setup();
    const kase = await call('POST', '/cases', { name: `Paula's case ${suffix()}`, case_type_id: s.legal.id });
    const apiCalls = [];
    page.on('request', (r) => { if (r.url().includes('/api/v1/')) apiCalls.push(new URL(r.url()).pathname); });
    await login(page, DEMO.paula);
    await page.getByRole('link', { name: 'New case' }).waitFor();
    await page.goto(`/#/cases/${kase.id}`);
    await heading(page, kase.name);
    await page.getByRole('button', { name: 'Add a note' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a note' });
    await dialog.getByLabel('Note').fill('Paula was here');
    await dialog.getByRole('button', { name: 'Add note' }).click();
    await page.getByRole('list', { name: 'Last notes' }).getByText('Paula was here').waitFor();
    await page.getByRole('button', { name: 'Edit case' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit case' });
    assert.equal(await edit.getByLabel('Case name').isDisabled(), true, 'renaming needs case_edit_name_number');
    assert.equal(await edit.getByLabel('Case number').isDisabled(), true);
    await edit.getByRole('button', { name: 'Cancel' }).click();
    assert.deepEqual(apiCalls.filter((p) => /\/api\/v1\/users\b/.test(p)), [], 'no admin-only request');
    assert.deepEqual(await problems(), []);
  } finally {
    await context.close();
  }

  const advisor = await newPage(browser, server.url);
  try {
    await login(advisor.page, DEMO.avery);
    await heading(advisor.page, 'Cases');
    assert.equal(await advisor.page.getByRole('link', { name: 'New case' }).count(), 0, 'no New case without case_create');
    assert.deepEqual(await advisor.problems(), []);
  } finally {
    await advisor.context.close();
  }
});

test('the case page at phone width does not scroll sideways', async () => {
  const { page, context, problems } = await newPage(browser, server.url, { viewport: { width: 375, height: 740 } });
  try {
    const s = await setup();
    const kase = await call('POST', '/cases', { name: `Phone test ${suffix()}`, case_type_id: s.legal.id });
    await login(page, DEMO.admin);
    await page.goto(`/#/cases/${kase.id}`);
    await heading(page, kase.name);
    await page.locator('.status-table tr.is-primary').waitFor();
    await page.locator('section', { has: page.getByRole('heading', { name: 'Timeline' }) }).locator('tbody tr').first().waitFor();
    assert.equal(await horizontalOverflow(page), null, 'case page');
    await screenshot(page, 'case-page', { fullPage: true });
    await page.getByRole('button', { name: 'Add a status' }).click();
    await page.getByRole('dialog', { name: 'Add a status' }).waitFor();
    assert.equal(await horizontalOverflow(page), null, 'status form');
    await page.keyboard.press('Escape');
    await page.goto('/#/cases');
    await page.locator(`tr[data-case-id="${kase.id}"]`).waitFor();
    assert.equal(await horizontalOverflow(page), null, 'case list');
    await page.goto('/#/cases/new');
    await page.getByLabel('Case name').waitFor();
    assert.equal(await horizontalOverflow(page), null, 'new case form');
    assert.deepEqual(await problems(), []);
  } finally {
    await context.close();
  }
});
