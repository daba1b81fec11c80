// POST /api/models: what a new model looks like, validation (400 naming the field, nothing written),
// 409 on a taken name, and base URLs limited to the api_type's configured host or PROVIDER_ALLOWED_HOSTS.
import request from 'supertest';
import { ModelEntity } from '../../src/models/model.entity.js';
import { newAdminKey, newProviderKey } from '../factories/keys.js';
import { startFakeProvider, type FakeProvider } from '../fake-provider/fake-provider.server.js';
import { countRows } from '../setup/rows.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';

const ADMIN = newAdminKey();

let fake: FakeProvider;
let t: TestApp;

beforeAll(async () => {
  fake = await startFakeProvider({ apiKey: newProviderKey() });
  t = await startTestApp({
    env: {
      ...fake.envFor(['openai']),
      SIMULATE_PROVIDERS: 'true',
      ADMIN_API_KEY: ADMIN,
      PROVIDER_ALLOWED_HOSTS: 'Proxy.Internal:8443,llm.example.org',
    },
  });
});
afterAll(async () => {
  await t.close();
  await fake.close();
});

const post = (body: unknown) =>
  request(t.server)
    .post('/api/models')
    .set('X-API-Key', ADMIN)
    .send(body as object);

it('creates a model: 201, status unknown, its probe mode, and it is listed', async () => {
  const res = await post({ name: '  Groq-Llama ', api_type: 'groq', provider_model: 'llama-3.3-70b-versatile' }).expect(
    201,
  );
  expect(res.body).toEqual({
    id: expect.any(Number),
    name: 'Groq-Llama',
    api_type: 'groq',
    last_score: 0,
    response_time: 0,
    uptime_percent: 100,
    status: 'unknown',
    updated_at: expect.any(String),
    probe_mode: 'simulated',
    provider_model: 'llama-3.3-70b-versatile',
    base_url: null,
    enabled: true,
    last_probe_at: null,
    last_error_kind: null,
    quota: null,
  });
  const list = (await request(t.server).get('/api/models').expect(200)).body.models;
  expect(list.find((m: { id: number }) => m.id === res.body.id)).toEqual(res.body);

  const live = await post({ name: 'Live one', api_type: 'openai', base_url: `${fake.url}/v1/`, enabled: true }).expect(
    201,
  );
  expect(live.body).toMatchObject({ probe_mode: 'live', base_url: `${fake.url}/v1/` });
});

describe('validation: 400 naming the field, nothing written', () => {
  const valid = { name: 'Valid name', api_type: 'openai' };
  it.each<[string, Record<string, unknown>, RegExp]>([
    ['no name', { api_type: 'openai' }, /^name must be/],
    ['a blank name', { ...valid, name: '   ' }, /^name must be 1 to 100 characters$/],
    ['a name of 101 characters', { ...valid, name: 'x'.repeat(101) }, /^name must be 1 to 100 characters$/],
    ['a number as name', { ...valid, name: 42 }, /^name must be/],
    ['no api_type', { name: 'No type' }, /^api_type must be one of openai, anthropic, google, groq/],
    ['an unknown api_type', { ...valid, api_type: 'skynet' }, /^api_type must be one of /],
    ['an empty provider_model', { ...valid, provider_model: '' }, /^provider_model must be 1 to 200 characters$/],
    [
      'a base_url that is not http(s)',
      { ...valid, base_url: 'ftp://api.openai.com/v1' },
      /^base_url must be an http\(s\) URL without credentials$/,
    ],
    [
      'a base_url with credentials',
      { ...valid, base_url: 'https://user:secret@api.openai.com/v1' },
      /^base_url must be an http\(s\) URL without credentials$/,
    ],
    ['a base_url that is no URL', { ...valid, base_url: 'not a url' }, /^base_url must be/],
    ['enabled as a string', { ...valid, enabled: 'yes' }, /^enabled must be true or false$/],
    ['an unknown field', { ...valid, api_key: 'sk-123' }, /api_key should not exist/],
  ])('%s', async (_label, body, message) => {
    const before = await countRows(t.dataSource, ModelEntity);
    const res = await post(body).expect(400);
    expect(res.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: expect.stringMatching(message),
      request_id: expect.any(String),
    });
    expect(await countRows(t.dataSource, ModelEntity)).toBe(before);
  });

  it('a body that is not JSON', async () => {
    const before = await countRows(t.dataSource, ModelEntity);
    const res = await request(t.server)
      .post('/api/models')
      .set('X-API-Key', ADMIN)
      .set('Content-Type', 'application/json')
      .send('{"name": ');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(await countRows(t.dataSource, ModelEntity)).toBe(before);
  });
});

describe('names are unique', () => {
  it('409 on a name that is taken (after trimming), and nothing written', async () => {
    await post({ name: 'Twin', api_type: 'openai' }).expect(201);
    const before = await countRows(t.dataSource, ModelEntity);
    for (const name of ['Twin', ' Twin  ']) {
      const res = await post({ name, api_type: 'groq' }).expect(409);
      expect(res.body).toEqual({
        statusCode: 409,
        error: 'Conflict',
        message: 'A model named "Twin" already exists',
        request_id: expect.any(String),
      });
    }
    const seed = await post({ name: 'Gemini', api_type: 'google' }).expect(409);
    expect(seed.body.message).toBe('A model named "Gemini" already exists');
    expect(await countRows(t.dataSource, ModelEntity)).toBe(before);
  });

  it('concurrent creations of one name: one 201, the others 409, never a 500', async () => {
    const before = await countRows(t.dataSource, ModelEntity);
    const statuses = await Promise.all(
      Array.from({ length: 6 }, () => post({ name: 'Race', api_type: 'openai' }).then((r) => r.status)),
    );
    expect(statuses.sort()).toEqual([201, 409, 409, 409, 409, 409]);
    expect(await countRows(t.dataSource, ModelEntity)).toBe(before + 1);
  });
});

describe('base_url hosts', () => {
  it("400 and nothing written for a host that is neither the api_type's nor allowed", async () => {
    const before = await countRows(t.dataSource, ModelEntity);
    for (const [apiType, baseUrl] of [
      ['openai', 'https://evil.example.com/v1'],
      ['openai', 'https://api.openai.com/v1'], // the default host, but OPENAI_BASE_URL points elsewhere
      ['openai', `${fake.url.replace(/:\d+$/, ':1')}/v1`], // same address, another port
      ['groq', `${fake.url}/v1`], // openai's configured host is not groq's
      ['others', 'http://localhost:11434/v1'],
      ['openai', 'https://proxy.internal/v1'], // allowed with its port only
    ]) {
      const res = await post({ name: `Host ${baseUrl}`, api_type: apiType, base_url: baseUrl }).expect(400);
      expect(res.body.message).toBe(
        `base_url host is not allowed for ${apiType}: use the host configured for it or add the host to PROVIDER_ALLOWED_HOSTS`,
      );
    }
    expect(await countRows(t.dataSource, ModelEntity)).toBe(before);
  });

  it("accepts the api_type's configured host, its catalog default, and PROVIDER_ALLOWED_HOSTS", async () => {
    for (const [apiType, baseUrl] of [
      ['openai', `${fake.url}/openai/v1`],
      ['groq', 'https://api.groq.com/openai/v1'],
      ['others', 'https://proxy.internal:8443/v1'],
      ['mistral', 'https://LLM.example.org/v1'],
    ]) {
      const res = await post({ name: `Allowed ${apiType}`, api_type: apiType, base_url: baseUrl });
      expect([baseUrl, res.status]).toEqual([baseUrl, 201]);
      expect(res.body.base_url).toBe(baseUrl);
    }
  });
});
