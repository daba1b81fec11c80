// The scheduler alone moves a model's state: with PROBE_INTERVAL_MS at 200 ms and nobody calling
// probeAll(), a model whose provider fails goes down, and comes back once the provider answers again.
import { newAdminKey, newProviderKey } from '../factories/keys.js';
import { startFakeProvider, type FakeProvider } from '../fake-provider/fake-provider.server.js';
import { metricRows } from '../setup/rows.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';
import { waitFor } from '../setup/waiting.js';
import { createModel, modelDetail } from './probing.helpers.js';

const ADMIN = newAdminKey();

let fake: FakeProvider;
let t: TestApp;

beforeAll(async () => {
  fake = await startFakeProvider({ apiKey: newProviderKey(), defaultText: 'pong' });
  t = await startTestApp({
    env: { ...fake.envFor(['openai']), SIMULATE_PROVIDERS: 'false', ADMIN_API_KEY: ADMIN, PROBE_INTERVAL_MS: '200' },
  });
});
afterAll(async () => {
  await t.close();
  await fake.close();
});

it('probes every PROBE_INTERVAL_MS: a failing model goes down, then healthy again when it answers', async () => {
  fake.script('m-scheduled', { kind: 'server_error' });
  const model = await createModel(t, ADMIN, { name: 'Scheduled', api_type: 'openai', provider_model: 'm-scheduled' });
  expect(model.status).toBe('unknown');

  await waitFor('the model to be down', async () =>
    (await modelDetail(t, model.id)).status === 'down' ? true : undefined,
  );
  const failures = await metricRows(t.dataSource, model.id);
  expect(failures.length).toBeGreaterThanOrEqual(3);
  expect(failures.every((r) => r.kind === 'probe' && !r.success && r.errorKind === 'server_error')).toBe(true);

  fake.script('m-scheduled', { kind: 'answer', text: 'pong', delayMs: 50 });
  const back = await waitFor('the model to be up again', async () => {
    const detail = await modelDetail(t, model.id);
    return detail.status === 'down' ? undefined : detail;
  });
  expect(back).toMatchObject({ status: 'healthy', last_error_kind: null });
  const after = await metricRows(t.dataSource, model.id);
  // Back up only after two successes in a row.
  expect(after.slice(failures.length).filter((r) => r.success).length).toBeGreaterThanOrEqual(2);
  // Every row is one call (a call in flight may not have its row yet).
  const requests = fake.callsTo('m-scheduled');
  expect(requests - after.length).toBeGreaterThanOrEqual(0);
  expect(requests - after.length).toBeLessThanOrEqual(1);
});
