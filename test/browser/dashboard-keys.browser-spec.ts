/// <reference lib="dom" />
// The dashboard on a server that wants keys (READ_API_KEY and ADMIN_API_KEY set): it asks for the read
// key once (the REST reads and the socket both need it), keeps it for the tab, and asks for the admin
// key at the first admin action.
import type { Browser, Page } from 'playwright-core';
import { newAdminKey } from '../factories/keys.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';
import { assertDashboardBuilt, DASHBOARD_DIST, launchChromium } from './chromium.js';

const READ_KEY = 'read-key-for-the-dashboard-test';
const ADMIN_KEY = newAdminKey();

let t: TestApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  assertDashboardBuilt();
  t = await startTestApp({
    listen: true,
    env: { READ_API_KEY: READ_KEY, ADMIN_API_KEY: ADMIN_KEY, DASHBOARD_PATH: DASHBOARD_DIST },
  });
  browser = await launchChromium();
  page = await (await browser.newContext()).newPage();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('the dashboard with keys configured', () => {
  it('asks for the read key once, then shows the models live, and remembers it on reload', async () => {
    await page.goto(`${t.url}/dashboard/`);
    const dialog = page.getByRole('dialog', { name: 'Read key needed' });
    await dialog.waitFor();
    await page.getByLabel('READ_API_KEY').fill(READ_KEY);
    await page.keyboard.press('Enter');
    await page.locator('.model-card').first().waitFor();
    await page.locator('[data-state="live"]').waitFor();
    expect(await dialog.count()).toBe(0);
    await page.reload();
    await page.locator('[data-state="live"]').waitFor();
    await page.locator('.model-card').first().waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
  });

  it('asks for the admin key at the first admin action and does it with that key', async () => {
    await page.goto(`${t.url}/dashboard/dcrs`);
    await page.getByRole('button', { name: 'Start a run now' }).click();
    await page.getByRole('dialog', { name: 'Admin key needed' }).waitFor();
    await page.getByLabel('ADMIN_API_KEY').fill(ADMIN_KEY);
    await page.getByRole('button', { name: 'Use key' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Run #\d+ started\.$/ })
      .waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('shawn-dashboard.admin-key'))).toBe(ADMIN_KEY);
  });
});
