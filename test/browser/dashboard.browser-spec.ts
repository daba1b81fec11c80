/// <reference lib="dom" />
// The dashboard in a real browser against the real app (SQLite, the fake provider behind four models):
// what a person watching it sees, live, without reloading; and no serious accessibility violation.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { FAKE_MODELS, startEvaluationEnv, type EvaluationEnv } from '../setup/evaluation-env.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';
import { createTestDatabase, type TestDatabase } from '../setup/test-database.js';
import { waitFor } from '../setup/waiting.js';
import { assertDashboardBuilt, DASHBOARD_DIST, launchChromium, seriousViolations } from './chromium.js';

interface ModelRow {
  id: number;
  name: string;
  last_score: number;
}

let evaluation: EvaluationEnv;
let database: TestDatabase;
let t: TestApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Content Security Policy refusals the browser reported: the page must need none. */
const cspErrors: string[] = [];

async function startApp(port?: number): Promise<TestApp> {
  return startTestApp({
    database,
    listen: true,
    port,
    env: { ...evaluation.env, MODEL_UPDATE_INTERVAL_MS: '300', DASHBOARD_PATH: DASHBOARD_DIST },
  });
}

async function api<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(`${t.url}${path}`, { ...init, headers: { 'content-type': 'application/json' } });
  if (!res.ok) throw new Error(`${init?.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const models = async () => (await api<{ models: ModelRow[] }>('/api/models')).models;
const card = (name: string) => page.locator(`.model-card[data-model="${name}"]`);

beforeAll(async () => {
  assertDashboardBuilt();
  evaluation = await startEvaluationEnv();
  database = await createTestDatabase();
  t = await startApp();
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspErrors.push(message.text());
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
  await database?.drop();
  await evaluation?.close();
});

beforeEach(() => evaluation.fake.reset());

describe('the dashboard in Chromium', () => {
  it('is served under /dashboard and its overview lists every model, connected live', async () => {
    const expected = (await models()).map((model) => model.name);
    expect(expected.length).toBeGreaterThanOrEqual(4);
    await page.goto(`${t.url}/dashboard/`);
    await page.locator('[data-state="live"]').waitFor();
    await card(expected[0]).waitFor();
    const shown = await page
      .locator('.model-card')
      .evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset['model']));
    expect(shown).toEqual(expected);
    expect(await page.locator('h1').textContent()).toBe('Overview');
    expect(cspErrors).toEqual([]);
  });

  it('moves a number when a model_update arrives, without reloading or asking the API again', async () => {
    const gemini = (await models()).find((model) => model.name === 'Gemini')!;
    await page.goto(`${t.url}/dashboard/`);
    const score = card('Gemini').locator('[data-field="score"]');
    await score.waitFor();
    expect(await score.textContent()).not.toBe('5.0');
    const navigations: string[] = [];
    const modelReads: string[] = [];
    page.on('framenavigated', (frame) => navigations.push(frame.url()));
    page.on('request', (req) => {
      if (new URL(req.url()).pathname === '/api/models') modelReads.push(req.url());
    });
    // The suite scores "alpha" 5 of 10: the evaluation changes Gemini's last_score on the server only.
    evaluation.fake.script(FAKE_MODELS.Gemini, { kind: 'answer', text: 'alpha' });
    await api(`/api/models/${gemini.id}/evaluate`, { method: 'POST' });
    await page.waitForFunction(
      () => document.querySelector('.model-card[data-model="Gemini"] [data-field="score"]')?.textContent === '5.0',
    );
    expect(navigations).toEqual([]);
    expect(modelReads).toEqual([]);
  });

  it('starts a manual test from the page and shows it finished with its scores', async () => {
    evaluation.fake.script(FAKE_MODELS.Gemini, { kind: 'answer', text: 'alpha beta', delayMs: 200 });
    evaluation.fake.script(FAKE_MODELS.Groq, { kind: 'answer', text: 'alpha', delayMs: 200 });
    await page.goto(`${t.url}/dashboard/`);
    await page.getByRole('link', { name: 'Manual test' }).click();
    await page.getByRole('checkbox', { name: 'Gemini' }).check();
    await page.getByRole('checkbox', { name: 'Groq' }).check();
    await page.getByRole('button', { name: 'Start test' }).click();
    const status = page.getByRole('status').filter({ hasText: /^Run [0-9a-f-]{36} is (testing|queued)\.$/ });
    await status.waitFor();
    const runId = /Run ([0-9a-f-]{36})/.exec((await status.textContent()) ?? '')![1];
    const run = page.locator(`[data-run-id="${runId}"]`);
    await page.locator(`[data-run-id="${runId}"][data-status="completed"]`).waitFor({ timeout: 15_000 });
    const rows = await run
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].slice(0, 2).map((cell) => cell.textContent)));
    expect(rows).toEqual([
      ['Gemini', '10.0'],
      ['Groq', '5.0'],
    ]);
  });

  it('shows a DCRS run started from the page in a progress bar that reaches 100 %', async () => {
    for (const model of Object.values(FAKE_MODELS)) {
      evaluation.fake.script(model, { kind: 'answer', text: 'alpha beta', delayMs: 150 });
    }
    await page.goto(`${t.url}/dashboard/dcrs`);
    await page.getByRole('heading', { name: 'Live progress' }).waitFor();
    // Every value the bar takes, from the first event on.
    await page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { seen: number[] }).seen = seen;
      new MutationObserver(() => {
        const now = document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow');
        if (now !== null && now !== undefined && seen.at(-1) !== Number(now)) seen.push(Number(now));
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await page.getByRole('button', { name: 'Start a run now' }).click();
    await page.locator('.live-progress[data-phase="completed"]').waitFor({ timeout: 20_000 });
    const bar = page.getByRole('progressbar', { name: 'DCRS run progress' });
    expect(await bar.getAttribute('aria-valuenow')).toBe('100');
    expect(await bar.textContent()).toBe('100 %');
    const seen = await page.evaluate(() => (window as unknown as { seen: number[] }).seen);
    expect(seen[0]).toBeLessThan(100);
    expect(seen.at(-1)).toBe(100);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    // The finished run reloads the latest run with its per-model results.
    await page.getByRole('table').filter({ hasText: 'Gemini' }).first().waitFor();
  });

  it('shows an alert as it opens and acknowledges it from the page', async () => {
    const openai = (await models()).find((model) => model.name === 'OpenAI')!;
    await page.goto(`${t.url}/dashboard/alerts`);
    await page.getByRole('heading', { name: /^Open/ }).waitFor();
    evaluation.fake.script(FAKE_MODELS.OpenAI, { kind: 'server_error' });
    for (let i = 0; i < 3; i += 1) {
      await fetch(`${t.url}/api/models/${openai.id}/probe`, { method: 'POST' });
    }
    const alert = page.locator('.alert-row', { hasText: 'OpenAI' }).filter({ hasText: 'model_down' });
    await alert.waitFor({ timeout: 15_000 });
    const id = Number(await alert.getAttribute('data-alert-id'));
    await alert.getByRole('button', { name: /^Acknowledge alert/ }).click();
    await alert.getByText(/acknowledged/).waitFor();
    await waitFor('the alert to be acknowledged on the server', async () => {
      const list = await api<{ alerts: { id: number; acknowledged_at: string | null }[] }>('/api/alerts');
      return list.alerts.find((a) => a.id === id)?.acknowledged_at ?? undefined;
    });
    expect(await alert.getByRole('button', { name: /^Acknowledge alert/ }).count()).toBe(0);
  });

  it('shows a model page with its timeline and its latency percentiles, axe-clean', async () => {
    // After the previous test OpenAI went down (3 server errors) and the DCRS run scored it.
    const openai = (await models()).find((model) => model.name === 'OpenAI')!;
    await page.goto(`${t.url}/dashboard/models/${openai.id}`);
    await page.getByRole('heading', { name: /^OpenAI/, level: 1 }).waitFor();
    const timeline = page.getByTestId('timeline');
    await timeline.locator('li[data-type="status_change"]').first().waitFor();
    expect(await timeline.locator('li[data-type="status_change"]').first().textContent()).toMatch(/down/);
    expect(await timeline.locator('li[data-type="dcrs_score"]').count()).toBeGreaterThan(0);
    const charts = page.getByTestId('percentile-charts');
    await charts.waitFor();
    expect(Number(await charts.getAttribute('data-points'))).toBeGreaterThan(0);
    expect(await charts.locator('.uplot').count()).toBe(2);
    const legend = await charts.locator('.u-legend').first().textContent();
    expect(legend).toMatch(/p50 \(ms\).*p95 \(ms\).*p99 \(ms\)/);
    // The 24 h row of the speed table has a measured p50 (the DCRS run's successful calls).
    const day = page.getByTestId('speed-table').locator('tbody tr').first();
    expect(await day.locator('td').nth(2).textContent()).toMatch(/^[\d,]+ ms$/);
    expect(await page.getByTestId('errors-by-kind').textContent()).toContain('server_error');
    // The 7 d range reloads the percentiles and the timeline for 7 days.
    await page.getByRole('button', { name: '7 d' }).click();
    await page.getByRole('heading', { name: 'Timeline (7 d)' }).waitFor();
    await timeline.locator('li[data-type="status_change"]').first().waitFor();

    const axeContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const axePage = await axeContext.newPage();
    await axePage.goto(`${t.url}/dashboard/models/${openai.id}`);
    await axePage.getByTestId('timeline').waitFor();
    await axePage.locator('[data-testid="percentile-charts"] .uplot').first().waitFor();
    expect(await seriousViolations(axePage)).toEqual([]);
    await axeContext.close();
    expect(cspErrors).toEqual([]);
  });

  it('adds a one-off maintenance window from the page and deletes it', async () => {
    // Tomorrow, so that no model is in maintenance for the tests after this one.
    const local = (at: Date) => new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    const start = new Date(Date.now() + 24 * 3_600_000);
    await page.goto(`${t.url}/dashboard/maintenance`);
    await page.getByRole('heading', { name: 'Maintenance windows', level: 1 }).waitFor();
    const form = page.getByRole('form', { name: 'Add a one-off window' });
    await form.getByLabel('Model').selectOption({ label: 'Groq' });
    await form.getByLabel('Starts').fill(local(start));
    await form.getByLabel('Ends').fill(local(new Date(start.getTime() + 3_600_000)));
    await form.getByLabel('Reason').fill('Browser test upgrade');
    await form.getByRole('button', { name: 'Add window' }).click();
    const added = page.getByRole('status').filter({ hasText: /^Window #\d+ added\.$/ });
    await added.waitFor();
    const id = Number(/#(\d+)/.exec((await added.textContent()) ?? '')![1]);
    const row = page.locator(`tr[data-window="${id}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('Groq');
    const listed = await api<{ windows: { id: number; reason: string; starts_at: string }[] }>(
      '/api/maintenance-windows',
    );
    const stored = listed.windows.find((w) => w.id === id)!;
    expect(stored.reason).toBe('Browser test upgrade');
    expect(Math.abs(Date.parse(stored.starts_at) - start.getTime())).toBeLessThan(60_000);
    await row.getByRole('button', { name: `Delete window ${id}` }).click();
    await row.waitFor({ state: 'detached' });
    const after = await api<{ windows: { id: number }[] }>('/api/maintenance-windows');
    expect(after.windows.map((w) => w.id)).not.toContain(id);
  });

  it('has no serious or critical axe-core violation on any page, light or dark', async () => {
    const gemini = (await models()).find((model) => model.name === 'Gemini')!;
    const pages = [
      ['/dashboard/', '.model-card'],
      [`/dashboard/models/${gemini.id}`, '[data-testid="percentile-charts"]'],
      ['/dashboard/dcrs', '#history-heading'],
      ['/dashboard/cartridges', '.card'],
      ['/dashboard/alerts', '#open-heading'],
      ['/dashboard/routing', '[data-testid="export-snippet"]'],
      ['/dashboard/maintenance', '#windows-heading'],
      ['/dashboard/manual-test', '.pick'],
    ] as const;
    const found: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      // axe is injected as a script of its own, which the strict CSP would refuse: this context bypasses it.
      const axeContext = await browser.newContext({
        viewport: { width: 1280, height: 900 },
        colorScheme,
        bypassCSP: true,
      });
      const axePage = await axeContext.newPage();
      for (const [path, ready] of pages) {
        await axePage.goto(`${t.url}${path}`);
        await axePage.locator(ready).first().waitFor();
        found.push(...(await seriousViolations(axePage)).map((v) => `${colorScheme} ${path}: ${v}`));
      }
      await axeContext.close();
    }
    expect(found).toEqual([]);
  });

  it('fits a phone: no sideways scrolling, the menu opens from its button', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
    const small = await phone.newPage();
    await small.goto(`${t.url}/dashboard/`);
    await small.locator('.model-card').first().waitFor();
    expect(await small.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await small.getByRole('button', { name: 'Menu' }).click();
    await small.getByRole('link', { name: 'Routing' }).click();
    await small.getByRole('heading', { name: 'Routing', level: 1 }).waitFor();
    await phone.close();
  });

  it('answers a deep link with the page and shows the connection recovering after a server restart', async () => {
    const step = { timeout: 15_000 };
    await page.goto(`${t.url}/dashboard/routing`);
    await page.getByRole('heading', { name: 'Routing', level: 1 }).waitFor(step);
    await page.locator('[data-state="live"]').waitFor(step);
    const port = Number(new URL(t.url).port);
    await t.close();
    await page.locator('[data-state="reconnecting"]').waitFor(step);
    t = await startApp(port);
    await page.locator('[data-state="live"]').waitFor(step);
    // And it is live again: a change made on the restarted server shows without a reload.
    const groq = (await models()).find((model) => model.name === 'Groq')!;
    await page.getByRole('link', { name: 'Overview' }).click();
    await card('Groq').waitFor(step);
    evaluation.fake.script(FAKE_MODELS.Groq, { kind: 'answer', text: 'nothing' });
    const evaluated = await api<{ score: number }>(`/api/models/${groq.id}/evaluate`, { method: 'POST' });
    expect(evaluated.score).toBe(0);
    await page.waitForFunction(
      () => document.querySelector('.model-card[data-model="Groq"] [data-field="score"]')?.textContent === '0.0',
      undefined,
      step,
    );
    expect(cspErrors).toEqual([]);
  }, 60_000);
});
