// A key goes only to a host its owner configured: a model whose base_url host stops being allowed (the
// settings changed between two starts) is no longer called with the api_type's key.
import request from 'supertest';
import { ProbeService } from '../../src/probing/probe.service.js';
import { newAdminKey, newProviderKey } from '../factories/keys.js';
import { startFakeProvider, type FakeProvider } from '../fake-provider/fake-provider.server.js';
import { metricRows } from '../setup/rows.js';
import { createTestDatabase, type TestDatabase } from '../setup/test-database.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';
import { createModel, probeNow } from './probing.helpers.js';

const ADMIN = newAdminKey();
const PROVIDER_KEY = newProviderKey();

let fake: FakeProvider;
let proxy: FakeProvider;
let database: TestDatabase;

beforeAll(async () => {
  fake = await startFakeProvider({ apiKey: PROVIDER_KEY, defaultText: 'pong' });
  proxy = await startFakeProvider({ apiKey: PROVIDER_KEY, defaultText: 'pong' });
  database = await createTestDatabase();
});
afterAll(async () => {
  await fake.close();
  await proxy.close();
  await database.drop();
});

async function start(env: Record<string, string>): Promise<TestApp> {
  return startTestApp({
    database,
    env: { ...fake.envFor(['openai']), SIMULATE_PROVIDERS: 'false', ADMIN_API_KEY: ADMIN, ...env },
  });
}

it('a model pointing at a host that is no longer allowed is off, and the proxy never sees the key again', async () => {
  const first = await start({ PROVIDER_ALLOWED_HOSTS: new URL(proxy.url).host });
  let id: number;
  try {
    id = (
      await createModel(first, ADMIN, { name: 'Via proxy', api_type: 'openai', base_url: proxy.baseUrlFor('openai') })
    ).id;
    await probeNow(first, ADMIN, id).expect(200);
    expect(proxy.requests).toHaveLength(1);
  } finally {
    await first.close();
  }

  const second = await start({});
  try {
    const res = await probeNow(second, ADMIN, id).expect(422);
    expect(res.body.message).toBe(
      `Model "Via proxy" cannot be probed: base_url host ${new URL(proxy.url).host} is not allowed for openai (set PROVIDER_ALLOWED_HOSTS)`,
    );
    await second.app.get(ProbeService).probeAll();
    expect(proxy.requests).toHaveLength(1);
    expect((await metricRows(second.dataSource, id)).length).toBe(1);
    expect((await request(second.server).get(`/api/models/${id}`).expect(200)).body).toMatchObject({
      probe_mode: 'off',
      base_url: proxy.baseUrlFor('openai'),
    });
  } finally {
    await second.close();
  }
});
