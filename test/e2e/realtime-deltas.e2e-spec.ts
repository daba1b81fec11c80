// Deltas: a client that subscribes with `deltas: true` gets the whole list (model_snapshot) and then only
// what changed (model_delta, numbered); applying them rebuilds exactly the list GET /api/models gives,
// through a model added, changed, probed and removed. Clients without deltas keep the full model_update.
import request from 'supertest';
import type { ModelResponse } from '../../src/models/dto/model.response.js';
import { applyModelDelta } from '../../src/realtime/model-delta.js';
import type { RealtimeMessage } from '../../src/realtime/realtime-events.js';
import { newAdminKey } from '../factories/keys.js';
import { ioClient, wsClient, type IoClient, type WsClient } from '../setup/realtime-clients.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';
import { waitFor } from '../setup/waiting.js';
import { createModel, probeNow } from './probing.helpers.js';

const ADMIN = newAdminKey();
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({
    listen: true,
    env: { ADMIN_API_KEY: ADMIN, MODEL_UPDATE_INTERVAL_MS: '100', NEURAL_SIGNAL_INTERVAL_MS: '0' },
  });
});
afterAll(async () => {
  await t.close();
});

/** A client's view of the list: the snapshot, then every delta in seq order; a gap fails the test. */
function rebuilt(client: IoClient | WsClient): { models: ModelResponse[]; average: number | null; seq: number } {
  const [snapshot] = client.inbox.of('model_snapshot');
  if (!snapshot) throw new Error('no model_snapshot');
  let models = snapshot.models;
  let average = snapshot.average_score;
  let seq = snapshot.seq;
  for (const delta of client.inbox.of('model_delta')) {
    expect(delta.stream).toBe(snapshot.stream);
    if (delta.seq <= snapshot.seq) continue; // sent before the snapshot was taken
    expect(delta.seq).toBe(seq + 1);
    models = applyModelDelta(models, delta);
    average = delta.average_score;
    seq = delta.seq;
  }
  return { models, average, seq };
}

async function listNow(): Promise<{ models: ModelResponse[]; average_score: number | null }> {
  const res = await request(t.server).get('/api/models').expect(200);
  return res.body as { models: ModelResponse[]; average_score: number | null };
}

/** Waits until the client's rebuilt list equals GET /api/models. */
async function converges(client: IoClient | WsClient): Promise<number> {
  return waitFor('the deltas to rebuild the listed models', async () => {
    const expected = await listNow();
    const view = rebuilt(client);
    const same =
      JSON.stringify(view.models) === JSON.stringify(expected.models) && view.average === expected.average_score;
    return same ? view.seq : undefined;
  });
}

it('rebuilds the full list from a snapshot and the deltas, over an add, a change, a probe and a removal', async () => {
  const io = await ioClient(t.url);
  const ws = await wsClient(t.url);
  const plain = await ioClient(t.url);
  try {
    io.emit('subscribe', { deltas: true });
    ws.send(JSON.stringify({ type: 'subscribe', deltas: true }));
    const [subscribed] = await io.inbox.until('subscribed');
    expect(subscribed.deltas).toBe(true);
    expect(subscribed.topics).toHaveLength(6);
    await io.inbox.until('model_snapshot');
    await ws.inbox.until('model_snapshot');
    expect(rebuilt(io).models).toEqual((await listNow()).models);

    const created = await createModel(t, ADMIN, { name: 'Delta One', api_type: 'openai' });
    const seqAfterAdd = await converges(io);
    expect(seqAfterAdd).toBeGreaterThanOrEqual(1);
    const addDelta = io.inbox.of('model_delta').find((d) => d.changed.some((m) => m.id === created.id));
    // Only what changed travels: the new model, not the ten others.
    expect(addDelta?.changed.map((m) => m.id)).toEqual([created.id]);

    await request(t.server)
      .patch(`/api/models/${created.id}`)
      .set('X-API-Key', ADMIN)
      .send({ name: 'Delta Renamed' })
      .expect(200);
    await converges(io);
    await probeNow(t, ADMIN, 2).expect(200);
    await converges(io);
    await request(t.server).delete(`/api/models/${created.id}?history=delete`).set('X-API-Key', ADMIN).expect(204);
    await converges(io);
    expect(io.inbox.of('model_delta').some((d) => d.removed.includes(created.id))).toBe(true);
    await converges(ws);

    // Delta clients get no full model_update; the others get nothing else.
    expect(io.inbox.of('model_update')).toEqual([]);
    expect(ws.inbox.of('model_update')).toEqual([]);
    await plain.inbox.until('model_update', 2);
    expect(plain.inbox.of('model_delta')).toEqual([]);
    const last = plain.inbox.of('model_update').at(-1) as RealtimeMessage<'model_update'>;
    expect(last.models.length).toBeGreaterThan(0);
  } finally {
    io.disconnect();
    plain.disconnect();
    ws.close();
  }
});

it('turns deltas off again, and refuses deltas that are not a boolean', async () => {
  const io = await ioClient(t.url);
  try {
    io.emit('subscribe', { deltas: 'yes' });
    const [error] = await io.inbox.until('error');
    expect(error.message).toBe('deltas must be true or false');
    io.emit('subscribe', { topics: ['alerts'], deltas: true });
    await io.inbox.until('model_snapshot');
    io.emit('subscribe', { deltas: false });
    const answers = await io.inbox.until('subscribed', 2);
    expect(answers[1]).toMatchObject({ topics: ['alerts'] });
    expect(answers[1].deltas).toBeUndefined();
    await io.inbox.until('model_update');
  } finally {
    io.disconnect();
  }
});
