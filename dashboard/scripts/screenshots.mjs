// Screenshots of the dashboard's main pages into docs/, for the README. Run against a server with the
// demo data: `npm start` (SQLite, demo history), then `npm run dashboard:screenshots` (or with the base
// URL as argument: `npm run dashboard:screenshots -- http://127.0.0.1:8123`). Uses the system Chromium.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const base = (process.argv[2] ?? 'http://127.0.0.1:8000').replace(/\/$/, '');
const out = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs');
mkdirSync(out, { recursive: true });

const SHOTS = [
  { file: 'dashboard-overview.png', path: '/dashboard/', wait: '.model-card' },
  { file: 'dashboard-model.png', path: '/dashboard/models/1', wait: '[data-testid="percentile-charts"]' },
  { file: 'dashboard-dcrs.png', path: '/dashboard/dcrs', wait: 'table' },
  { file: 'dashboard-alerts.png', path: '/dashboard/alerts', wait: '#open-heading' },
  { file: 'dashboard-routing.png', path: '/dashboard/routing', wait: '[data-testid="export-snippet"]' },
  { file: 'dashboard-maintenance.png', path: '/dashboard/maintenance', wait: '#windows-heading' },
  { file: 'dashboard-overview-dark-phone.png', path: '/dashboard/', wait: '.model-card', phone: true },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  for (const shot of SHOTS) {
    const context = await browser.newContext(
      shot.phone
        ? { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, colorScheme: 'dark' }
        : { viewport: { width: 1280, height: 900 }, colorScheme: 'light' },
    );
    const page = await context.newPage();
    await page.goto(`${base}${shot.path}`);
    await page.waitForSelector(shot.wait);
    await page.waitForSelector('[data-state="live"]');
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(out, shot.file), fullPage: !shot.phone });
    console.log(`wrote docs/${shot.file}`);
    await context.close();
  }
} finally {
  await browser.close();
}
