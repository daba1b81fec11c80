// The access matrix: every operation of the committed openapi.json × (no key, read key, ingest key,
// admin key), and both socket transports × the same keys, with READ_API_KEY, ADMIN_API_KEY and
// INGEST_API_KEYS all set. What each operation should answer comes from its documented security: open
// ([]) lets everyone through; otherwise no key is a 401, a key whose scheme is listed gets through and
// any other key is a 403. "Through" means the guard let the request reach validation or the handler:
// any answer but 401, 403 or a 5xx. Ids and names that do not exist keep the writes from changing
// anything, except POST /api/dcrs/run, whose run is awaited.
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { ioClient, ioRefusal, wsClient, wsRefusal } from '../setup/realtime-clients.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';
import { newAdminKey } from '../factories/keys.js';

type Kind = 'none' | 'read' | 'ingest' | 'admin';
type Answer = 'through' | '401' | '403' | '5xx';
type Method = 'get' | 'post' | 'patch' | 'delete';

const KINDS: readonly Kind[] = ['none', 'read', 'ingest', 'admin'];
const KEYS: Record<Exclude<Kind, 'none'>, string> = {
  read: newAdminKey(),
  ingest: newAdminKey(),
  admin: newAdminKey(),
};

interface Operation {
  security?: Record<string, unknown>[];
  parameters?: { name: string; in: string; schema?: { type?: string } }[];
}
const contract = JSON.parse(readFileSync(new URL('../../openapi.json', import.meta.url), 'utf8')) as {
  paths: Record<string, Partial<Record<Method, Operation>>>;
};

/** Every documented operation, with a URL whose ids and names exist nowhere. */
const OPERATIONS = Object.entries(contract.paths).flatMap(([path, operations]) =>
  Object.entries(operations).map(([method, operation]) => {
    const types = new Map((operation.parameters ?? []).map((p) => [p.name, p.schema?.type]));
    const url = path.replace(/\{([^}]+)\}/g, (_match, name: string) =>
      types.get(name) === 'number' || types.get(name) === 'integer' ? '999999' : 'no-such-thing',
    );
    return { route: `${method.toUpperCase()} ${path}`, method: method as Method, url, security: operation.security };
  }),
);

function expected(security: Operation['security'], kind: Kind): Answer {
  if (security === undefined) throw new Error('every operation documents its security');
  if (security.length === 0) return 'through';
  if (kind === 'none') return '401';
  return security.some((requirement) => `${kind}-key` in requirement) ? 'through' : '403';
}

function answerOf(status: number): Answer {
  if (status === 401 || status === 403) return String(status) as Answer;
  return status >= 500 ? '5xx' : 'through';
}

describe('the access matrix, with every kind of key configured', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      listen: true,
      env: {
        READ_API_KEY: KEYS.read,
        INGEST_API_KEYS: KEYS.ingest,
        ADMIN_API_KEY: KEYS.admin,
        // No provider answers: the DCRS run the admin row starts ends at once.
        SIMULATE_PROVIDERS: 'false',
        MODEL_UPDATE_INTERVAL_MS: '0',
      },
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('every documented operation × no key, read key, ingest key, admin key', async () => {
    expect(OPERATIONS.length).toBeGreaterThan(35);
    const want: string[] = [];
    const got: string[] = [];
    const badBodies: unknown[] = [];
    let dcrsRun: number | undefined;
    for (const [index, operation] of OPERATIONS.entries()) {
      // Admin last, so that its writes come after every refused attempt.
      for (const kind of KINDS) {
        const req = request(t.url)[operation.method](operation.url);
        // Both ways of sending a key, one operation in two.
        if (kind !== 'none' && index % 2 === 0) req.set('X-API-Key', KEYS[kind]);
        if (kind !== 'none' && index % 2 === 1) req.set('Authorization', `Bearer ${KEYS[kind]}`);
        const res = operation.method === 'get' || operation.method === 'delete' ? await req : await req.send({});
        want.push(`${operation.route} with ${kind}: ${expected(operation.security, kind)}`);
        got.push(`${operation.route} with ${kind}: ${answerOf(res.status)}`);
        if (res.status === 401 || res.status === 403) {
          const body = res.body as Record<string, unknown>;
          if (
            Object.keys(body).sort().join() !== 'error,message,request_id,statusCode' ||
            body.statusCode !== res.status
          ) {
            badBodies.push({ route: operation.route, kind, body });
          }
        }
        if (operation.route === 'POST /api/dcrs/run' && res.status === 202) dcrsRun = res.body.run_id as number;
      }
    }
    expect(got).toEqual(want);
    expect(badBodies).toEqual([]);
    // The one write that started something: let it finish before the app closes.
    expect(dcrsRun).toEqual(expect.any(Number));
    const runStatus = async () =>
      (await request(t.url).get(`/api/dcrs/runs/${dcrsRun}`).set('X-API-Key', KEYS.read).expect(200)).body.status;
    for (let waited = 0; waited < 10_000 && (await runStatus()) === 'running'; waited += 50) await sleep(50);
    expect(await runStatus()).not.toBe('running');
  });

  it('the pages of the docs stay open', async () => {
    for (const path of ['/docs', '/docs-json', '/redoc']) await request(t.url).get(path).expect(200);
  });

  it.each(KINDS)('Socket.io with %s', async (kind) => {
    const options = kind === 'none' ? {} : { auth: { token: KEYS[kind] } };
    if (kind === 'read' || kind === 'admin') {
      const client = await ioClient(t.url, options);
      client.emit('get_models');
      await client.inbox.until('models_update');
      client.close();
    } else {
      expect((await ioRefusal(t.url, options)).statusCode).toBe(kind === 'none' ? 401 : 403);
    }
  });

  it.each(KINDS)('raw /ws with %s', async (kind) => {
    const options = kind === 'none' ? {} : { token: KEYS[kind] };
    if (kind === 'read' || kind === 'admin') {
      const client = await wsClient(t.url, undefined, options);
      client.send('get_models');
      await client.inbox.until('models_update');
      client.close();
    } else {
      expect((await wsRefusal(t.url, options)).statusCode).toBe(kind === 'none' ? 401 : 403);
    }
  });
});
