import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isDeepStrictEqual } from 'node:util';
import request from 'supertest';
import { startTestApp, type TestApp } from '../setup/test-app.js';

const ADMIN_KEY = 'docs-admin-key-0123456789';
const READ_KEY = 'docs-read-key-0123456789';

/** The security requirements an operation may document: open, reads, ingest workers, admins. */
const PUBLIC: Operation['security'] = [];
const READ = [{ 'read-key': [] }, { 'admin-key': [] }];
const INGEST = [{ 'ingest-key': [] }, { 'admin-key': [] }];
const ADMIN = [{ 'admin-key': [] }];

interface Operation {
  summary?: string;
  description?: string;
  security?: Record<string, unknown>[];
  parameters?: { name: string; in: string }[];
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

describe('API documentation', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { ADMIN_API_KEY: ADMIN_KEY, READ_API_KEY: READ_KEY } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('serves the OpenAPI document with a summary, a description and a typed success response for every operation', async () => {
    const res = await request(t.server).get('/docs-json').expect(200);
    const paths = res.body.paths as Record<string, Record<string, Operation>>;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining([
        '/',
        '/api/health',
        '/api/models',
        '/api/models/{id}',
        '/api/metrics',
        '/api/dcrs/status',
        '/api/dcrs/history',
        '/api/cartridges',
        '/api/cartridges/{name}/results',
      ]),
    );
    for (const [path, operations] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        expect({ path, method, summary: operation.summary, description: operation.description }).toEqual({
          path,
          method,
          summary: expect.any(String),
          description: expect.any(String),
        });
        const success = Object.entries(operation.responses).find(([code]) => code.startsWith('2'));
        expect(success).toBeDefined();
        if (success![0] !== '204') expect(success![1].content?.['application/json']?.schema).toBeDefined();
        // Every operation says which keys it takes; every write takes one, and every keyed operation
        // documents the refusals: no key (401), a key without the right (403), the rate limit (429).
        const allowed = method === 'get' ? [PUBLIC, READ, ADMIN] : [INGEST, ADMIN];
        expect({ path, method, security: allowed.filter((s) => isDeepStrictEqual(s, operation.security)) }).toEqual({
          path,
          method,
          security: [operation.security],
        });
        const documented = ['401', '403', '429'].filter((code) => operation.responses[code] !== undefined);
        expect({ path, method, documented }).toEqual({
          path,
          method,
          documented: operation.security?.length ? ['401', '403', '429'] : [],
        });
      }
    }
    expect(paths['/api/notification-channels']['get'].security).toEqual(ADMIN);
    expect(paths['/api/models']['get'].security).toEqual(READ);
    expect(paths['/api/cartridges/{name}/results']['post'].security).toEqual(INGEST);
    expect(paths['/api/health']['get'].security).toEqual(PUBLIC);
    expect(paths['/api/metrics']['get'].parameters!.map((p) => p.name).sort()).toEqual([
      'days',
      'limit',
      'model_id',
      'resolution',
    ]);
  });

  it('with READ_API_KEY and ADMIN_API_KEY set, documents a key on exactly the operations that answer 401 without one', async () => {
    const paths = (await request(t.server).get('/docs-json').expect(200)).body.paths as Record<
      string,
      Record<string, Operation>
    >;
    const documented: string[] = [];
    const enforced: string[] = [];
    for (const [path, operations] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const route = `${method.toUpperCase()} ${path}`;
        if (operation.security?.length) documented.push(route);
        // Guards run before validation and handlers: a keyed route answers 401 whatever the id or body.
        const url = path.replace(/\{[^}]+\}/g, '1');
        const res = await request(t.server)[method as 'get' | 'post' | 'patch' | 'delete'](url).send({});
        if (res.status === 401) enforced.push(route);
      }
    }
    expect(enforced.length).toBeGreaterThan(30);
    expect(documented.sort()).toEqual(enforced.sort());
  });

  it('serves Swagger UI at /docs and ReDoc at /redoc', async () => {
    const swagger = await request(t.server).get('/docs').expect(200);
    expect(swagger.text).toContain('swagger-ui');
    const redoc = await request(t.server).get('/redoc').expect(200);
    expect(redoc.text).toContain('<redoc spec-url="/docs-json">');
  });

  it('serves ReDoc from the installed package, not a CDN, so /redoc works on a closed network', async () => {
    const page = await request(t.server).get('/redoc').expect(200);
    const sources = [...page.text.matchAll(/src="([^"]+)"/g)].map((match) => match[1]);
    const require = createRequire(import.meta.url);
    const { version } = JSON.parse(readFileSync(require.resolve('redoc/package.json'), 'utf8')) as { version: string };
    expect(sources).toEqual([`/redoc/${version}/redoc.standalone.js`]);

    const script = await request(t.server).get(sources[0]).expect(200);
    expect(script.headers['content-type']).toMatch(/^text\/javascript/);
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const bundle = readFileSync(require.resolve('redoc/bundles/redoc.standalone.js'), 'utf8');
    expect(script.text.length).toBeGreaterThan(100_000);
    expect(script.text === bundle).toBe(true);

    // The pages may load nothing from another origin.
    const policy = page.headers['content-security-policy'];
    expect(policy).toContain("script-src 'self';");
    expect(policy).not.toMatch(/https?:/);
  });
});
