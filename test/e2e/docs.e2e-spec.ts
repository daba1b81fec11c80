import request from 'supertest';
import { startTestApp, type TestApp } from '../setup/test-app.js';

interface Operation {
  summary?: string;
  security?: Record<string, unknown>[];
  parameters?: { name: string; in: string }[];
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

describe('API documentation', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('serves the OpenAPI document with a summary and a typed success response for every operation', async () => {
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
        expect({ path, method, summary: operation.summary }).toEqual({ path, method, summary: expect.any(String) });
        const success = Object.entries(operation.responses).find(([code]) => code.startsWith('2'));
        expect(success).toBeDefined();
        if (success![0] !== '204') expect(success![1].content?.['application/json']?.schema).toBeDefined();
        if (method !== 'get' || operation.summary!.includes('(admin')) {
          // Every write needs a key: OpenAPI says which and documents the 401.
          expect({ path, method, security: operation.security }).toEqual({
            path,
            method,
            security: [{ 'admin-key': [] }],
          });
          expect(operation.responses['401']).toBeDefined();
        }
      }
    }
    expect(paths['/api/metrics']['get'].parameters!.map((p) => p.name).sort()).toEqual(['days', 'limit', 'model_id']);
  });

  it('serves Swagger UI at /docs and ReDoc at /redoc', async () => {
    const swagger = await request(t.server).get('/docs').expect(200);
    expect(swagger.text).toContain('swagger-ui');
    const redoc = await request(t.server).get('/redoc').expect(200);
    expect(redoc.text).toContain('<redoc spec-url="/docs-json">');
  });
});
