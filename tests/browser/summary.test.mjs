// summary.test.mjs - the case summary page through the web UI against a real server with the
// demo data, signed in as the demo staff user: a demo legal case's summary shows what
// GET /api/v1/cases/{id}/summary holds (statuses, key dates with the next deadline, flags that
// lead to their tab or area, plaintiffs and defendants, the eight tabs with their has-data dots);
// a task added through Quick add shows in Tasks with its priority and description, and leaves the
// list once marked complete; a note, an appointment and a deadline added through Quick add show
// in their areas; the phone layout does not scroll sideways.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, login, DEMO, heading, horizontalOverflow, adminCaller, suffix, screenshot } from './server.mjs';

let server;
let browser;
let call; // the demo admin through the API, to find and check data

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  call = await adminCaller(server);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const TAB_LABELS = {
  incident_facts: 'Incident facts', injuries: 'Injuries', liens: 'Liens', other_cases: 'Other cases',
  surrogate: 'Surrogate', bankruptcy: 'Bankruptcy', related_cases: 'Related cases', other_plaintiffs: 'Other plaintiffs',
};
const TAB_TARGETS = { injuries: 'injuries', bankruptcy: 'bankruptcy', surrogate: 'surrogate', liens: 'liens', incident: 'incident_facts' };

/** The demo legal case (Reed v. Northside Transit) and its summary as the API gives it. */
async function demoCase() {
  const found = (await call('GET', '/cases?q=DEMO-1001')).items;
  const kase = found.find((c) => c.number === 'DEMO-1001');
  assert.ok(kase, 'the demo data has DEMO-1001');
  assert.equal(kase.case_type.group, 'legal');
  return { kase, summary: await call('GET', `/cases/${kase.id}/summary`) };
}

/** Today in the browser's zone, as a date input takes it, moved by `days`. */
function isoDay(days = 0) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

test('a demo case summary shows its areas; a task added through quick add is completed and leaves Tasks', async () => {
  const { page, context, problems } = await newPage(browser, server.url);
  try {
    const { kase, summary } = await demoCase();
    await login(page, DEMO.paula);
    const loaded = page.waitForResponse((r) => r.url().endsWith(`/api/v1/cases/${kase.id}/summary`));
    await page.goto(`/#/cases/${kase.id}`);
    assert.equal((await loaded).status(), 200);
    await heading(page, kase.name);

    // The status table: one row per current status, the stage first and in bold.
    const statusRows = page.locator('.status-table tbody tr[data-status-type]');
    await statusRows.first().waitFor();
    assert.equal(await statusRows.count(), summary.statuses.length);
    const stage = summary.statuses.find((s) => s.status_type.stage);
    assert.match(await page.locator('.status-table tr.is-primary').innerText(), new RegExp(stage.status.name));
    await screenshot(page, 'summary', { fullPage: true });

    // Key dates, with the next deadline/SOL in red when it is overdue.
    const dates = page.locator('dl[aria-label="Key dates"] #next-deadline');
    await page.locator('dl[aria-label="Key dates"]').getByText('Retainer signed').waitFor();
    const next = summary.key_dates.next_deadline;
    if (next) {
      assert.match(await dates.innerText(), new RegExp(next.label));
      assert.equal(await dates.locator('.date-overdue').count(), next.overdue ? 1 : 0);
    }
    const info = page.locator('dl[aria-label="Case information"]');
    for (const label of ['State', 'Office', 'Estimated value', 'Total liability coverage', 'Total settlements', 'Liability']) {
      await info.getByText(label, { exact: true }).waitFor();
    }

    // Flags: each a link; one with a tab target opens its tab, one with an area moves there.
    if (summary.flags.length) {
      const flags = page.getByRole('list', { name: 'Flags' });
      for (const f of summary.flags) await flags.getByRole('link', { name: f.name }).waitFor();
      const toTab = summary.flags.find((f) => TAB_TARGETS[f.target]);
      if (toTab) {
        await flags.getByRole('link', { name: toTab.name }).click();
        const tab = page.getByRole('tab', { name: new RegExp(`^${TAB_LABELS[TAB_TARGETS[toTab.target]]}`) });
        assert.equal(await tab.getAttribute('aria-selected'), 'true', `${toTab.name} opens its tab`);
        await page.waitForFunction((id) => document.activeElement?.id === id, `tab-${TAB_TARGETS[toTab.target]}`);
      }
      const toArea = summary.flags.find((f) => !TAB_TARGETS[f.target]);
      if (toArea) {
        await flags.getByRole('link', { name: toArea.name }).click();
        await page.waitForFunction((id) => document.activeElement?.id === id || document.activeElement?.id === 'area-basic',
          `area-${toArea.target}`);
      }
    }

    // Plaintiffs and defendants, each party a row.
    const plaintiffs = page.locator('#area-plaintiffs');
    for (const p of summary.plaintiffs) await plaintiffs.locator(`tr[data-party="${p.contact.name}"]`).waitFor();
    const defendants = page.locator('#area-defendants');
    for (const p of summary.defendants) await defendants.locator(`tr[data-party="${p.contact.name}"]`).waitFor();
    if (summary.plaintiffs[0]?.primary_label) {
      assert.match(await plaintiffs.locator(`tr[data-party="${summary.plaintiffs[0].contact.name}"]`).innerText(),
        new RegExp(summary.plaintiffs[0].primary_label));
    }

    // The eight tabs, each with its has-data dot (Incident facts always has data); arrows move.
    const tabs = page.getByRole('tablist', { name: 'More about the case' }).getByRole('tab');
    assert.equal(await tabs.count(), 8);
    for (const [id, label] of Object.entries(TAB_LABELS)) {
      const has = id === 'incident_facts' || !!summary.tabs[id].has_data;
      const tab = page.locator(`#tab-${id}`);
      assert.equal(await tab.getAttribute('data-has-data'), String(has), `${label} dot`);
      assert.equal(await tab.locator('.tab-dot.is-on').count(), has ? 1 : 0);
      assert.match(await tab.textContent(), new RegExp(`${label}.*\\(${has ? 'has data' : 'no data'}\\)`));
    }
    await page.locator('#tab-incident_facts').click();
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.locator('#tab-injuries').getAttribute('aria-selected'), 'true');
    await page.waitForFunction(() => document.activeElement?.id === 'tab-injuries');
    await page.locator('#tab-liens').click();
    const liens = page.getByRole('tabpanel').getByRole('table', { name: 'Lien totals' });
    await liens.waitFor();
    assert.match(await liens.locator('tfoot').innerText(), /Total/);
    if (!summary.tabs.liens.has_data) assert.match(await liens.locator('tfoot').innerText(), /\$0\.00/);

    // Quick add a task: the form posts it and the summary shows it in Tasks.
    const subject = `Call the adjuster ${suffix()}`;
    await page.getByRole('toolbar', { name: 'Quick add' }).getByRole('button', { name: 'Task' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a task' });
    await dialog.getByLabel('Subject').fill(subject);
    await dialog.getByLabel('Description').fill('Ask for the property damage estimate.');
    await dialog.getByLabel('Priority').selectOption('high');
    await dialog.getByLabel('Due date').fill(isoDay(3));
    const posted = page.waitForResponse((r) => r.url().endsWith(`/cases/${kase.id}/tasks`) && r.request().method() === 'POST');
    const reloaded = page.waitForResponse((r) => r.url().endsWith(`/cases/${kase.id}/summary`));
    await dialog.getByRole('button', { name: 'Add task' }).click();
    const pres = await posted;
    assert.equal(pres.status(), 201, await pres.text());
    const sent = pres.request().postDataJSON();
    assert.equal(sent.subject, subject);
    assert.equal(sent.priority, 'high');
    assert.equal(sent.due_date, isoDay(3));
    assert.equal(sent.description, 'Ask for the property damage estimate.');
    const task = await pres.json();
    await reloaded;
    await dialog.waitFor({ state: 'detached' });

    const tasks = page.locator('#area-tasks');
    const row = tasks.locator(`tr[data-task="${subject}"]`);
    await row.waitFor();
    await row.getByRole('img', { name: 'High priority' }).waitFor();
    await row.getByRole('button', { name: `Description of ${subject}` }).click();
    await page.locator(`#task-pop-${task.id}`).getByText('Ask for the property damage estimate.').waitFor();
    await page.keyboard.press('Escape');
    await page.locator(`#task-pop-${task.id}`).waitFor({ state: 'hidden' });

    // Mark it complete: it leaves the list, and the API has it done.
    const completed = page.waitForResponse((r) => r.url().endsWith(`/cases/${kase.id}/tasks/${task.id}/complete`));
    await row.getByRole('button', { name: `Mark ${subject} complete` }).click();
    assert.equal((await completed).status(), 200);
    await row.waitFor({ state: 'detached' });
    const open = (await call('GET', `/cases/${kase.id}/tasks?open=true`)).items;
    assert.ok(!open.some((t) => t.id === task.id), 'no longer an open task');
    const done = await call('GET', `/cases/${kase.id}/tasks/${task.id}`);
    assert.equal(done.completed, true);
    // After the summary is read again, it is still gone.
    await page.reload();
    await heading(page, kase.name);
    await tasks.waitFor();
    assert.equal(await tasks.locator(`tr[data-task="${subject}"]`).count(), 0);
    assert.deepEqual(await problems(), []);
  } finally {
    await context.close();
  }
});

test('quick add: a note, an appointment with an attendee and a plaintiff SOL show in their areas', async () => {
  const { page, context, problems } = await newPage(browser, server.url);
  try {
    const { kase, summary } = await demoCase();
    await login(page, DEMO.paula);
    await page.goto(`/#/cases/${kase.id}`);
    await heading(page, kase.name);
    const bar = page.getByRole('toolbar', { name: 'Quick add' });

    // A note lands in Last notes.
    const body = `Quick note ${suffix()}`;
    await bar.getByRole('button', { name: 'Note' }).click();
    let dialog = page.getByRole('dialog', { name: 'Add a note' });
    await dialog.getByLabel('Note').fill(body);
    await dialog.getByRole('button', { name: 'Add note' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('list', { name: 'Last notes' }).getByText(body).waitFor();

    // An appointment tomorrow with Paula attending: in Pending appointments, attendees in the popover.
    const users = (await call('GET', '/users')).items;
    const paula = users.find((u) => u.login === 'paula');
    const subject = `Client meeting ${suffix()}`;
    await bar.getByRole('button', { name: 'Appointment' }).click();
    dialog = page.getByRole('dialog', { name: 'Add an appointment' });
    await dialog.getByLabel('Subject').fill(subject);
    await dialog.getByLabel('Starts').fill(`${isoDay(1)}T10:30`);
    await dialog.getByLabel('Add someone from the firm').selectOption(String(paula.id));
    await dialog.getByRole('list', { name: 'Attendees' }).getByText(paula.name).waitFor();
    const posted = page.waitForResponse((r) => r.url().endsWith(`/cases/${kase.id}/appointments`) && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: 'Add appointment' }).click();
    const ares = await posted;
    assert.equal(ares.status(), 201, await ares.text());
    assert.deepEqual(ares.request().postDataJSON().attendees, [{ user_id: paula.id }]);
    const appt = await ares.json();
    await dialog.waitFor({ state: 'detached' });
    const row = page.locator('#area-appointments').locator(`tr[data-appointment="${subject}"]`);
    await row.waitFor();
    await row.getByRole('button', { name: `Attendees of ${subject}` }).click();
    await page.locator(`#appt-pop-${appt.id}`).getByText(paula.name).waitFor();
    await page.keyboard.press('Escape');

    // A plaintiff SOL (for the first plaintiff when there is one) in Pending critical deadlines.
    const deadlines = page.locator('#area-deadlines');
    await deadlines.getByRole('button', { name: 'Add a plaintiff SOL' }).click();
    dialog = page.getByRole('dialog', { name: 'Add a deadline or SOL' });
    assert.equal(await dialog.getByLabel('Kind').inputValue(), 'plaintiff_sol');
    const plaintiff = summary.plaintiffs[0];
    if (plaintiff) await dialog.getByLabel('Party').selectOption(String(plaintiff.id));
    await dialog.getByLabel('Due date').fill(isoDay(400));
    await dialog.getByLabel('Comments').fill('two years from the incident');
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    const sol = deadlines.locator('tr[data-deadline="Plaintiff SOL"]').filter({ hasText: 'two years from the incident' });
    await sol.waitFor();
    if (plaintiff) assert.match(await sol.innerText(), new RegExp(plaintiff.contact.name));
    assert.deepEqual(await problems(), []);
  } finally {
    await context.close();
  }
});

test('the summary on a phone does not scroll sideways', async () => {
  const { page, context, problems } = await newPage(browser, server.url, { viewport: { width: 390, height: 844 } });
  try {
    const { kase } = await demoCase();
    await login(page, DEMO.paula);
    await page.goto(`/#/cases/${kase.id}`);
    await heading(page, kase.name);
    await page.locator('#area-tabs').waitFor();
    await screenshot(page, 'summary', { fullPage: true });
    assert.equal(await horizontalOverflow(page), null);
    assert.deepEqual(await problems(), []);
  } finally {
    await context.close();
  }
});
