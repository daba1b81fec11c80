// PATCH /api/models/:id and DELETE /api/models/:id?history=keep|delete.
import request from 'supertest';
import { MetricEntity } from '../../src/metrics/metric.entity.js';
import { ProbeService } from '../../src/probing/probe.service.js';
import { newAdminKey, newProviderKey, unique, uniqueName } from '../factories/keys.js';
import { startFakeProvider, type FakeProvider } from '../fake-provider/fake-provider.server.js';
import { countRows, metricRows, storedModel } from '../setup/rows.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';
import { createModel } from './probing.helpers.js';

const ADMIN = newAdminKey();

let fake: FakeProvider;
let t: TestApp;

beforeAll(async () => {
  fake = await startFakeProvider({ apiKey: newProviderKey(), defaultText: 'pong' });
  t = await startTestApp({
    env: {
      ...fake.envFor(['openai']),
      SIMULATE_PROVIDERS: 'false',
      ADMIN_API_KEY: ADMIN,
      PROVIDER_ALLOWED_HOSTS: 'llm.example.org',
    },
  });
});
afterAll(async () => {
  await t.close();
  await fake.close();
});
afterEach(() => fake.reset());

const patch = (id: number | string, body: unknown) =>
  request(t.server)
    .patch(`/api/models/${id}`)
    .set('X-API-Key', ADMIN)
    .send(body as object);
const remove = (id: number | string, query = '') =>
  request(t.server).delete(`/api/models/${id}${query}`).set('X-API-Key', ADMIN);

describe('PATCH /api/models/:id', () => {
  it('changes name, provider model, base URL and enabled; null returns an override to the default', async () => {
    const model = await createModel(t, ADMIN, { name: 'Before', api_type: 'openai' });
    const changed = await patch(model.id, {
      name: 'After',
      provider_model: 'gpt-patched',
      base_url: 'https://llm.example.org/v1',
      enabled: false,
    }).expect(200);
    expect(changed.body).toMatchObject({
      id: model.id,
      name: 'After',
      provider_model: 'gpt-patched',
      base_url: 'https://llm.example.org/v1',
      enabled: false,
      probe_mode: 'off',
    });
    expect(await storedModel(t.dataSource, model.id)).toMatchObject({
      name: 'After',
      providerModel: 'gpt-patched',
      enabled: false,
    });

    const back = await patch(model.id, { provider_model: null, base_url: null, enabled: true }).expect(200);
    expect(back.body).toMatchObject({
      name: 'After',
      provider_model: null,
      base_url: null,
      enabled: true,
      probe_mode: 'live',
    });
    await request(t.server).post(`/api/models/${model.id}/probe`).set('X-API-Key', ADMIN).expect(200);
    expect(fake.requests.map((r) => r.model)).toEqual(['gpt-4o-mini']);
  });

  it('a disabled model is left out of probe rounds', async () => {
    const model = await createModel(t, ADMIN, { name: 'Paused', api_type: 'openai', provider_model: 'm-paused' });
    await patch(model.id, { enabled: false }).expect(200);
    await t.app.get(ProbeService).probeAll();
    expect(fake.callsTo('m-paused')).toBe(0);
    expect(await metricRows(t.dataSource, model.id)).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['a null name', { name: null }, /^name must be/],
    ['a null api_type', { api_type: null }, /^api_type must be one of /],
    ['a null enabled', { enabled: null }, /^enabled must be true or false$/],
    ['a blank name', { name: ' ' }, /^name must be 1 to 100 characters$/],
    ['an unknown api_type', { api_type: 'skynet' }, /^api_type must be one of /],
    [
      'a base_url with credentials',
      { base_url: 'https://u:p@llm.example.org/v1' },
      /^base_url must be an http\(s\) URL without credentials$/,
    ],
    ['an unknown field', { status: 'healthy' }, /status should not exist/],
  ])('400 naming the field for %s, and nothing changed', async (_label, body, message) => {
    const model = await createModel(t, ADMIN, { name: unique('Invalid patch'), api_type: 'openai' });
    const res = await patch(model.id, body).expect(400);
    expect(res.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: expect.stringMatching(message),
      request_id: expect.any(String),
    });
    expect(await storedModel(t.dataSource, model.id)).toMatchObject({
      name: model.name,
      apiType: 'openai',
      enabled: true,
    });
  });

  it('409 when renamed to a taken name; renaming to its own name is fine', async () => {
    const model = await createModel(t, ADMIN, { name: 'Renamer', api_type: 'openai' });
    const res = await patch(model.id, { name: 'Gemini' }).expect(409);
    expect(res.body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: 'A model named "Gemini" already exists',
      request_id: expect.any(String),
    });
    expect((await storedModel(t.dataSource, model.id))?.name).toBe('Renamer');
    await patch(model.id, { name: 'Renamer' }).expect(200);
  });

  it('400 when the base URL host is not allowed, including for a new api_type, and nothing changed', async () => {
    const model = await createModel(t, ADMIN, { name: 'Hosted', api_type: 'openai', base_url: `${fake.url}/v1` });
    const bad = await patch(model.id, { base_url: 'https://evil.example.com/v1' }).expect(400);
    expect(bad.body.message).toMatch(/^base_url host is not allowed for openai/);
    // The stored base URL is the openai host's, which groq may not use.
    const retyped = await patch(model.id, { api_type: 'groq' }).expect(400);
    expect(retyped.body.message).toMatch(/^base_url host is not allowed for groq/);
    expect(await storedModel(t.dataSource, model.id)).toMatchObject({ apiType: 'openai', baseUrl: `${fake.url}/v1` });
    await patch(model.id, { api_type: 'groq', base_url: null }).expect(200);
  });

  it('404 for an unknown model, 400 for an id that is none, 401 without the key', async () => {
    expect((await patch(99999, { name: 'Ghost' }).expect(404)).body.message).toBe('Model 99999 not found');
    expect((await patch('abc', { name: 'Ghost' }).expect(400)).body.message).toBe('id must be a positive integer');
    await request(t.server).patch('/api/models/1').send({ name: 'Hijack' }).expect(401);
    expect((await storedModel(t.dataSource, 1))?.name).toBe('Gemini');
  });
});

describe('DELETE /api/models/:id', () => {
  async function modelWithHistory(name: string): Promise<number> {
    const model = await createModel(t, ADMIN, { name, api_type: 'openai', provider_model: `m-${name}` });
    await request(t.server).post(`/api/models/${model.id}/probe`).set('X-API-Key', ADMIN).expect(200);
    await request(t.server).post(`/api/models/${model.id}/probe`).set('X-API-Key', ADMIN).expect(200);
    expect(await metricRows(t.dataSource, model.id)).toHaveLength(2);
    return model.id;
  }

  it('history=keep: the model is gone from the API and from probing, its metrics rows stay, its name is free', async () => {
    const id = await modelWithHistory('Retired');
    await remove(id, '?history=keep').expect(204);

    await request(t.server).get(`/api/models/${id}`).expect(404);
    expect(
      (await request(t.server).get('/api/models').expect(200)).body.models.map((m: { id: number }) => m.id),
    ).not.toContain(id);
    expect(await metricRows(t.dataSource, id)).toHaveLength(2);
    expect(await storedModel(t.dataSource, id)).toMatchObject({
      name: `Retired (removed #${id})`,
      enabled: false,
      deletedAt: expect.any(Date),
    });

    fake.reset();
    await t.app.get(ProbeService).probeAll();
    expect(fake.callsTo('m-Retired')).toBe(0);
    await request(t.server).post(`/api/models/${id}/probe`).set('X-API-Key', ADMIN).expect(404);
    await remove(id, '?history=keep').expect(404);

    const again = await createModel(t, ADMIN, { name: 'Retired', api_type: 'openai' });
    expect(again.id).not.toBe(id);
  });

  it('history=delete: the model and every one of its metrics rows are gone', async () => {
    const id = await modelWithHistory('Erased');
    const keep = await modelWithHistory('Bystander');
    const rowsBefore = await countRows(t.dataSource, MetricEntity);
    await remove(id, '?history=delete').expect(204);

    await request(t.server).get(`/api/models/${id}`).expect(404);
    expect(await storedModel(t.dataSource, id)).toBeNull();
    expect(await metricRows(t.dataSource, id)).toEqual([]);
    expect(await countRows(t.dataSource, MetricEntity)).toBe(rowsBefore - 2);
    expect(await metricRows(t.dataSource, keep)).toHaveLength(2);
  });

  it.each([
    ['', 'history must be keep or delete'],
    ['?history=archive', 'history must be keep or delete'],
    ['?history=keep&force=1', 'property force should not exist'],
  ])('400 for "%s", and nothing removed', async (query, message) => {
    const id = await modelWithHistory(uniqueName('Query'));
    const res = await remove(id, query).expect(400);
    expect(res.body).toEqual({ statusCode: 400, error: 'Bad Request', message, request_id: expect.any(String) });
    expect(await storedModel(t.dataSource, id)).toMatchObject({ deletedAt: null });
    expect(await metricRows(t.dataSource, id)).toHaveLength(2);
  });

  it('404 for an unknown model; 401 without the key, and nothing removed', async () => {
    expect((await remove(99999, '?history=delete').expect(404)).body.message).toBe('Model 99999 not found');
    await request(t.server).delete('/api/models/1?history=delete').expect(401);
    expect(await storedModel(t.dataSource, 1)).toMatchObject({ name: 'Gemini', deletedAt: null });
  });
});
