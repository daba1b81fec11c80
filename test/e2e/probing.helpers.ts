// HTTP helpers shared by the probing, models-admin, auth and secrets e2e specs: admin requests and reads.
import request from 'supertest';
import type { TestApp } from '../setup/test-app.js';

export interface CreatedModel {
  id: number;
  name: string;
  [field: string]: unknown;
}

/** POST /api/models as an admin; fails the test unless it answers 201. */
export async function createModel(
  t: TestApp,
  adminKey: string | null,
  body: Record<string, unknown>,
): Promise<CreatedModel> {
  const req = request(t.server).post('/api/models');
  if (adminKey !== null) req.set('X-API-Key', adminKey);
  const res = await req.send(body);
  if (res.status !== 201) throw new Error(`POST /api/models answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as CreatedModel;
}

/** POST /api/models/:id/probe as an admin; returns the response (status not checked). */
export function probeNow(t: TestApp, adminKey: string, id: number): request.Test {
  return request(t.server).post(`/api/models/${id}/probe`).set('X-API-Key', adminKey);
}

export async function modelDetail(t: TestApp, id: number): Promise<Record<string, unknown>> {
  const res = await request(t.server).get(`/api/models/${id}`).expect(200);
  return res.body as Record<string, unknown>;
}
