// shell.test.mjs - the signed-in shell: navigation by rights (Setup only for admin), the phone
// layout (no sideways scrolling, navigation behind the menu button), and a tour of every page
// that must leave no console error, uncaught exception or CSP violation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, login, DEMO, screenshot, horizontalOverflow, heading } from './server.mjs';

const PHONE = { width: 375, height: 740 };

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

const navLinks = (page) => page.getByRole('navigation', { name: 'Main' }).getByRole('link');

test('Setup is in the navigation for admin and absent for staff', async () => {
  const admin = await newPage(browser, server.url);
  try {
    await login(admin.page, DEMO.admin);
    assert.deepEqual(await navLinks(admin.page).allInnerTexts(), ['Cases', 'Reports', 'Setup']);
    await navLinks(admin.page).filter({ hasText: 'Setup' }).click();
    await admin.page.waitForURL(/#\/setup/);
    await heading(admin.page, 'Setup');
    await assert.doesNotReject(admin.page.locator('tr[data-login="paula"]').waitFor());
    assert.equal(await navLinks(admin.page).filter({ hasText: 'Setup' }).getAttribute('aria-current'), 'page');
    assert.deepEqual(await admin.problems(), []);
  } finally {
    await admin.context.close();
  }

  const staff = await newPage(browser, server.url);
  try {
    const apiCalls = [];
    staff.page.on('request', (r) => { if (r.url().includes('/api/v1/')) apiCalls.push(new URL(r.url()).pathname); });
    await login(staff.page, DEMO.paula);
    assert.deepEqual(await navLinks(staff.page).allInnerTexts(), ['Cases', 'Reports']);
    assert.equal(await staff.page.getByRole('link', { name: 'Setup' }).count(), 0);
    // Typing the address does not open it either, and asks the server for nothing admin-only.
    await staff.page.goto('/#/setup');
    await assert.doesNotReject(staff.page.getByText('Setup needs the administration right').waitFor());
    assert.deepEqual(apiCalls.filter((p) => /\/(users|rights)\b/.test(p)), []);
    assert.deepEqual(await staff.problems(), []);
  } finally {
    await staff.context.close();
  }
});

test('phone width: no sideways scrolling, and the navigation opens from the menu button', async () => {
  const { page, context, problems } = await newPage(browser, server.url, { viewport: PHONE });
  try {
    await page.goto('/');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    assert.equal(await horizontalOverflow(page), null, 'login page');
    await screenshot(page, 'login');

    await login(page, DEMO.admin);
    assert.equal(await horizontalOverflow(page), null, 'cases page');
    await screenshot(page, 'shell');

    const menu = page.getByRole('button', { name: 'Open menu' });
    assert.ok(await menu.isVisible(), 'the menu button shows on a phone');
    assert.equal(await menu.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.getByRole('link', { name: 'Reports' }).isVisible(), false, 'the navigation is folded away');
    assert.equal(await page.getByRole('button', { name: 'Log out' }).isVisible(), false);

    await menu.click();
    const close = page.getByRole('button', { name: 'Close menu' });
    assert.equal(await close.getAttribute('aria-expanded'), 'true');
    const user = (await (await page.request.get('/api/v1/me')).json()).user;
    assert.ok(await page.getByTestId('user-name').filter({ hasText: user.name }).isVisible(), 'the user name in the menu');
    assert.ok(await page.getByRole('button', { name: 'Log out' }).isVisible(), 'log out in the menu');
    assert.equal(await horizontalOverflow(page), null, 'open menu');
    await screenshot(page, 'menu');

    await page.getByRole('link', { name: 'Reports' }).click();
    await page.waitForURL(/#\/reports$/);
    await heading(page, 'Reports');
    await page.getByRole('link', { name: 'Reports' }).waitFor({ state: 'hidden' }); // the menu closes after choosing
    assert.equal(await horizontalOverflow(page), null, 'reports page');

    // Escape closes the menu too.
    await page.getByRole('button', { name: 'Open menu' }).click();
    await page.getByRole('link', { name: 'Setup' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('link', { name: 'Setup' }).waitFor({ state: 'hidden' });
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'menu-button', 'focus back on the menu button');

    await page.getByRole('button', { name: 'Open menu' }).click();
    await page.getByRole('link', { name: 'Setup' }).click();
    await page.locator('tr[data-login="paula"]').waitFor();
    assert.equal(await horizontalOverflow(page), null, 'setup, users');
    await page.locator('tr[data-login="paula"]').getByRole('button', { name: /^Edit rights of/ }).click();
    await page.locator('.rights-editor input[type="checkbox"]:not([disabled])').first().waitFor();
    assert.equal(await horizontalOverflow(page), null, 'setup, rights editor');
    await page.getByRole('button', { name: 'Add user' }).click();
    await page.getByLabel('Initial password').waitFor();
    assert.equal(await horizontalOverflow(page), null, 'setup, add user form');
    await screenshot(page, 'setup', { fullPage: true });

    await page.getByRole('link', { name: 'Offices' }).click();
    await page.locator('tr[data-office]').first().waitFor();
    assert.equal(await horizontalOverflow(page), null, 'setup, offices');

    await page.getByRole('button', { name: 'Open menu' }).click();
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    assert.deepEqual(await problems(), []);
  } finally {
    await context.close();
  }
});

test('every page loads without console errors or CSP violations', async () => {
  for (const viewport of [{ width: 1280, height: 800 }, PHONE]) {
    const { page, context, problems } = await newPage(browser, server.url, {
      viewport, allow: [{ path: /\/api\/v1\/cases\/999999(\/summary)?$/, status: 404 }], // the "case not found" page
    });
    try {
      await page.goto('/');
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      // The empty form asks for input without a request; a wrong password shows the alert.
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').waitFor();
      await page.getByLabel('Login', { exact: true }).fill(DEMO.admin.login);
      await page.getByLabel('Password', { exact: true }).fill('wrong-password-123');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByText('Sign-in failed').waitFor();

      await login(page, DEMO.admin);
      for (const [hash, ready] of [
        ['#/cases', () => page.locator('tr[data-case-id], .empty').first().waitFor()],
        ['#/cases/new', () => page.getByLabel('Case name').waitFor()],
        ['#/cases/999999', () => page.getByText('Case not found').waitFor()],
        ['#/setup/case-types', () => page.locator('tr[data-item]').first().waitFor()],
        ['#/setup/statuses', () => page.locator('tr[data-item]').first().waitFor()],
        ['#/setup/roles', () => page.locator('tr[data-item]').first().waitFor()],
        ['#/setup/value-ranges', () => page.locator('tr[data-item]').first().waitFor()],
        ['#/setup/settings', () => page.getByLabel('Case number pattern').waitFor()],
        ['#/reports', () => page.getByRole('heading', { name: 'Case status reports' }).waitFor()],
        ['#/reports/advisors', () => page.locator('tr[data-advisor], .empty').first().waitFor()],
        ['#/setup', () => page.locator('tr[data-login="admin"]').waitFor()],
        ['#/setup/offices', () => page.locator('tr[data-office]').first().waitFor()],
        ['#/missing', () => page.getByText('Page not found').waitFor()],
      ]) {
        await page.goto(`/${hash}`);
        await ready();
        // Let any late resource (icons, the select arrow) load and report.
        await page.waitForLoadState('networkidle');
      }
      await page.goto('/#/setup');
      await page.locator('tr[data-login="paula"]').getByRole('button', { name: /^Edit rights of/ }).click();
      await page.locator('.rights-editor input[type="checkbox"]:not([disabled])').first().waitFor();
      await page.getByRole('button', { name: 'Add user' }).click();
      await page.getByLabel('Role', { exact: true }).waitFor();
      await page.waitForLoadState('networkidle');
      const styleAttrs = await page.evaluate(() => document.querySelectorAll('[style]').length);
      assert.equal(styleAttrs, 0, 'no style attributes in the markup (CSP blocks them)');
      if (viewport.width < 900) await page.getByRole('button', { name: 'Open menu' }).click();
      await page.getByRole('button', { name: 'Log out' }).click();
      await page.getByRole('button', { name: 'Sign in' }).waitFor();

      const staff = await newPage(browser, server.url, { viewport });
      try {
        await login(staff.page, DEMO.paula);
        await staff.page.goto('/#/setup');
        await staff.page.getByText('Setup needs the administration right').waitFor();
        assert.deepEqual(await staff.problems(), [], `staff at ${viewport.width}px`);
      } finally {
        await staff.context.close();
      }
      assert.deepEqual(await problems(), [], `admin at ${viewport.width}px`);
    } finally {
      await context.close();
    }
  }
});
