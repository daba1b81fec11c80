// What the OpenAPI fuzz suite (fuzz.e2e-spec.ts) found, each pinned by its own test on both engines:
// a body nested thousands of levels deep overflowed the validation's stack (500), and a NUL character
// in any text that reached PostgreSQL failed the query (500). Both are a 400 naming the field now, and
// write nothing.
import request from 'supertest';
import { MAX_INPUT_DEPTH } from '../../src/common/input-limits.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';
import { newAdminKey } from '../factories/keys.js';
import { dumpAllTables } from '../setup/rows.js';

const ADMIN_KEY = newAdminKey();

/** `depth` levels of arrays around a number, as JSON text. */
const nestedText = (depth: number): string => `${'['.repeat(depth)}1${']'.repeat(depth)}`;

const report = {
  status: 'success',
  started_at: '2026-02-01T08:00:00Z',
  finished_at: '2026-02-01T08:00:05Z',
};

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ env: { ADMIN_API_KEY: ADMIN_KEY } });
});
afterAll(async () => {
  await t.close();
});

function post(path: string, body: string, idempotencyKey?: string): request.Test {
  const req = request(t.server).post(path).set('X-API-Key', ADMIN_KEY).set('Content-Type', 'application/json');
  if (idempotencyKey) req.set('Idempotency-Key', idempotencyKey);
  return req.send(body);
}

describe('a body nested too deeply', () => {
  it('is a 400 naming the limit, not a 500, as a field or as the whole body; nothing is written', async () => {
    const before = await dumpAllTables(t.dataSource);
    const deepField = await post('/api/models', `{"name": "Deep", "api_type": ${nestedText(5_000)}}`).expect(400);
    const deepBody = await post('/api/cartridges/Bio-Cartridge/results', nestedText(20_000), 'deep-1').expect(400);
    const deepOutput = await post(
      '/api/cartridges/Bio-Cartridge/results',
      JSON.stringify({ ...report, output: JSON.parse(nestedText(MAX_INPUT_DEPTH)) }),
      'deep-2',
    ).expect(400);
    for (const res of [deepField, deepBody, deepOutput]) {
      expect(res.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: `The request body is nested deeper than ${MAX_INPUT_DEPTH} levels`,
        request_id: expect.any(String),
      });
    }
    expect(await dumpAllTables(t.dataSource)).toEqual(before);
  });

  it(`still takes a worker's output nested up to the limit (${MAX_INPUT_DEPTH} levels with the body)`, async () => {
    const body = JSON.stringify({ ...report, output: JSON.parse(nestedText(MAX_INPUT_DEPTH - 1)) });
    await post('/api/cartridges/Bio-Cartridge/results', body, 'deep-ok').expect(201);
  });
});

describe('a NUL character in any text', () => {
  it('is a 400 naming the field, in a path, a body field or an array item; nothing is written', async () => {
    const before = await dumpAllTables(t.dataSource);
    const cases: [request.Test, string][] = [
      [request(t.server).get('/api/cartridges/Bio%00'), 'name'],
      [post('/api/models', JSON.stringify({ name: 'Nul\u0000', api_type: 'groq' })), 'name'],
      [post('/api/manual-test', JSON.stringify({ models: ['Gemini', 'Gem\u0000ini'] })), 'models[1]'],
      [
        post('/api/cartridges/Bio-Cartridge/results', JSON.stringify({ ...report, summary: '\u0000' }), 'nul-1'),
        'summary',
      ],
      [
        post(
          '/api/notification-channels',
          JSON.stringify({
            name: 'n',
            kind: 'webhook',
            url: 'https://hooks.fuzz.invalid/',
            secret: `${'s'.repeat(16)}\u0000`,
          }),
        ),
        'secret',
      ],
    ];
    for (const [sent, field] of cases) {
      const res = await sent.expect(400);
      expect(res.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: `${field} must not contain a NUL character (U+0000)`,
        request_id: expect.any(String),
      });
    }
    expect(await dumpAllTables(t.dataSource)).toEqual(before);
  });

  it('other control and unusual characters still reach the usual validation', async () => {
    const res = await post('/api/models', JSON.stringify({ name: 'Tab\tBell\u0007💥', api_type: 'groq' })).expect(201);
    expect(res.body.name).toBe('Tab\tBell\u0007💥');
  });
});
