// HTTP helpers shared by the cartridge e2e specs.
import request from 'supertest';
import type { TestApp } from '../setup/test-app.js';

/** POST /api/cartridges as an admin; fails the test unless it answers 201. */
export async function createCartridge(
  t: TestApp,
  adminKey: string,
  body: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const res = await request(t.server).post('/api/cartridges').set('X-API-Key', adminKey).send(body);
  if (res.status !== 201) throw new Error(`POST /api/cartridges answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as Record<string, unknown>;
}

export function postResult(
  t: TestApp,
  name: string,
  key: string | null,
  idempotencyKey: string | null,
  body: unknown,
): request.Test {
  const req = request(t.server).post(`/api/cartridges/${encodeURIComponent(name)}/results`);
  if (key !== null) req.set('X-API-Key', key);
  if (idempotencyKey !== null) req.set('Idempotency-Key', idempotencyKey);
  return req.send(body as object);
}

export async function listed(t: TestApp, name: string): Promise<Record<string, unknown> | undefined> {
  const res = await request(t.server).get('/api/cartridges').expect(200);
  return (res.body.cartridges as Record<string, unknown>[]).find((c) => c['name'] === name);
}
