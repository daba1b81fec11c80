// GET /api/models from the in-memory snapshot: the same bytes as the list serialized, a strong ETag,
// 304 on If-None-Match, and a new tag as soon as a model changes (admin write, probe, removal).
import request from 'supertest';
import { newAdminKey } from '../factories/keys.js';
import { fixedClock, startTestApp, type TestApp } from '../setup/test-app.js';
import { createModel, probeNow } from './probing.helpers.js';

const ADMIN = newAdminKey();
let t: TestApp;
const clock = fixedClock();

beforeAll(async () => {
  t = await startTestApp({ clock, env: { ADMIN_API_KEY: ADMIN } });
});
afterAll(async () => {
  await t.close();
});

const list = (headers: Record<string, string> = {}) => {
  const req = request(t.server).get('/api/models');
  for (const [name, value] of Object.entries(headers)) req.set(name, value);
  return req.buffer(true);
};

describe('GET /api/models snapshot', () => {
  it('sends the serialized list with a strong ETag, and 304 with no body when asked with that tag', async () => {
    const first = await list().expect(200);
    expect(first.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(first.headers['cache-control']).toBe('no-cache');
    const etag = first.headers['etag'];
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(first.text).toBe(JSON.stringify(first.body));
    expect(Number(first.headers['content-length'])).toBe(Buffer.byteLength(first.text));

    const again = await list().expect(200);
    expect(again.headers['etag']).toBe(etag);
    expect(again.text).toBe(first.text);

    const notModified = await list({ 'If-None-Match': etag }).expect(304);
    expect(notModified.text).toBe('');
    expect(notModified.headers['etag']).toBe(etag);
    await list({ 'If-None-Match': `"other", W/${etag}` }).expect(304);
    await list({ 'If-None-Match': '"other"' }).expect(200);
  });

  it('changes the ETag after an admin change, a probe and a removal, each visible in the body', async () => {
    const created = await createModel(t, ADMIN, { name: 'Snapshot One', api_type: 'openai' });
    const afterCreate = await list().expect(200);
    const tagCreate = afterCreate.headers['etag'];
    expect((afterCreate.body.models as { id: number }[]).map((m) => m.id)).toContain(created.id);

    await request(t.server)
      .patch(`/api/models/${created.id}`)
      .set('X-API-Key', ADMIN)
      .send({ enabled: false })
      .expect(200);
    const afterPatch = await list({ 'If-None-Match': tagCreate }).expect(200);
    const patched = (afterPatch.body.models as { id: number; enabled: boolean }[]).find((m) => m.id === created.id);
    expect(patched?.enabled).toBe(false);
    const tagPatch = afterPatch.headers['etag'];
    expect(tagPatch).not.toBe(tagCreate);

    // A probe rewrites the model's state (last_probe_at) through the state service, not an admin write.
    const beforeProbe = await list().expect(200);
    await probeNow(t, ADMIN, 1).expect(200);
    const afterProbe = await list({ 'If-None-Match': beforeProbe.headers['etag'] }).expect(200);
    const probed = (afterProbe.body.models as { id: number; last_probe_at: string | null }[]).find((m) => m.id === 1);
    expect(probed?.last_probe_at).not.toBeNull();

    await request(t.server).delete(`/api/models/${created.id}?history=delete`).set('X-API-Key', ADMIN).expect(204);
    const afterRemove = await list({ 'If-None-Match': afterProbe.headers['etag'] }).expect(200);
    expect((afterRemove.body.models as { id: number }[]).map((m) => m.id)).not.toContain(created.id);
  });

  it('reads afresh on Cache-Control: no-cache, and answers 304 to the fresh tag', async () => {
    const current = await list().expect(200);
    clock.advance(60_000);
    // Nothing changed: the kept snapshot, read before the clock moved.
    const kept = await list().expect(200);
    expect(kept.text).toBe(current.text);
    const fresh = await list({ 'Cache-Control': 'no-cache' }).expect(200);
    expect(fresh.body.timestamp).toBe(clock.now().toISOString());
    expect(fresh.body.timestamp).not.toBe(current.body.timestamp);
    expect(fresh.body.models).toEqual(current.body.models);
    const freshTag = fresh.headers['etag'];
    expect(freshTag).not.toBe(current.headers['etag']);
    await list({ 'If-None-Match': freshTag }).expect(304);
    await list({ Pragma: 'no-cache', 'If-None-Match': freshTag }).expect(304);
  });
});
