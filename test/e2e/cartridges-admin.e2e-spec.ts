// Admin writes on cartridges: create, patch, delete with history keep|delete, validation (400 naming the
// field, nothing written), 409 on a taken name, who may write, and the cron jobs following every change.
import { SchedulerRegistry } from '@nestjs/schedule';
import request from 'supertest';
import { cartridgeJobName } from '../../src/cartridges/cartridge.scheduler.js';
import { CartridgeExecutionEntity } from '../../src/cartridges/cartridge-execution.entity.js';
import { CartridgeEntity } from '../../src/cartridges/cartridge.entity.js';
import { insertExecution } from '../factories/fixtures.js';
import { newAdminKey, newIngestKey } from '../factories/keys.js';
import { ALPHA_BETA_CASES } from '../factories/suites.js';
import { cartridgeId, countRows, storedCartridge } from '../setup/rows.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';
import { createCartridge } from './cartridges.helpers.js';

const ADMIN = newAdminKey();
const INGEST = newIngestKey();

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ env: { ADMIN_API_KEY: ADMIN, INGEST_API_KEYS: INGEST } });
});
afterAll(async () => {
  await t.close();
});

const post = (body: unknown, key: string | null = ADMIN) => {
  const req = request(t.server).post('/api/cartridges');
  if (key) req.set('X-API-Key', key);
  return req.send(body as object);
};
const patch = (name: string, body: unknown) =>
  request(t.server)
    .patch(`/api/cartridges/${encodeURIComponent(name)}`)
    .set('X-API-Key', ADMIN)
    .send(body as object);
const hasJob = (id: number) => t.app.get(SchedulerRegistry).doesExist('cron', cartridgeJobName(id));

describe('who may write', () => {
  it('no key: 401; the ingest key: 403 (valid, but it may only post results); nothing is written', async () => {
    const before = await countRows(t.dataSource, CartridgeEntity);
    expect((await post({ name: 'Nope' }, null).expect(401)).body.message).toMatch(/admin API key/);
    expect((await post({ name: 'Nope' }, INGEST).expect(403)).body).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      message: 'This API key may not do this: it needs an admin API key',
      request_id: expect.any(String),
    });
    await request(t.server)
      .patch('/api/cartridges/Bio-Cartridge')
      .set('X-API-Key', INGEST)
      .send({ description: 'x' })
      .expect(403);
    await request(t.server).delete('/api/cartridges/Bio-Cartridge?history=keep').set('X-API-Key', INGEST).expect(403);
    await request(t.server).post('/api/cartridges/Bio-Cartridge/run').set('X-API-Key', INGEST).expect(403);
    expect(await countRows(t.dataSource, CartridgeEntity)).toBe(before);
  });

  it('the admin key may (Bearer too)', async () => {
    await request(t.server)
      .post('/api/cartridges')
      .set('Authorization', `Bearer ${ADMIN}`)
      .send({ name: 'Bearer-Cartridge' })
      .expect(201);
  });
});

describe('create', () => {
  it('a full cartridge: 201, listed with its new fields, detail with its check set', async () => {
    const res = await post({
      name: '  News-Cartridge ',
      description: 'Daily news digest',
      schedule: { cron: '0  7 * * *', timezone: 'Asia/Seoul' },
      check_set: ALPHA_BETA_CASES,
      depends_on: ['Groq', 'Gemini'],
    }).expect(201);
    expect(res.body).toEqual({
      name: 'News-Cartridge',
      status: 'idle',
      last_execution: null,
      success_rate: null,
      description: 'Daily news digest',
      schedule: { cron: '0 7 * * *', timezone: 'Asia/Seoul' },
      depends_on: ['Groq', 'Gemini'],
      has_check_set: true,
      check_set: [
        {
          id: 'alpha',
          prompt: 'Say alpha',
          max_tokens: 256,
          assert: [{ type: 'icontains', value: 'alpha', weight: 1 }],
        },
        { id: 'beta', prompt: 'Say beta', max_tokens: 256, assert: [{ type: 'icontains', value: 'beta', weight: 1 }] },
      ],
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    const { check_set: _checks, created_at: _created, updated_at: _updated, ...listItem } = res.body;
    const list = await request(t.server).get('/api/cartridges').expect(200);
    expect(list.body.cartridges).toContainEqual(listItem);
    expect((await request(t.server).get('/api/cartridges/News-Cartridge').expect(200)).body).toEqual(res.body);
    expect(hasJob(await cartridgeId(t.dataSource, 'News-Cartridge'))).toBe(true);
  });

  it('a bare name: defaults everywhere, a schedule in UTC when no time zone is given', async () => {
    const bare = await createCartridge(t, ADMIN, { name: 'Bare-Cartridge' });
    expect(bare).toMatchObject({
      description: null,
      schedule: null,
      depends_on: null,
      has_check_set: false,
      check_set: null,
    });
    const utc = await createCartridge(t, ADMIN, { name: 'Hourly-Cartridge', schedule: { cron: '0 * * * *' } });
    expect(utc['schedule']).toEqual({ cron: '0 * * * *', timezone: 'UTC' });
    // A schedule without a check set: workers run it, so no job here.
    expect(hasJob(await cartridgeId(t.dataSource, 'Hourly-Cartridge'))).toBe(false);
  });

  it('a taken name is a 409', async () => {
    const res = await post({ name: 'Bio-Cartridge' }).expect(409);
    expect(res.body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: 'A cartridge named "Bio-Cartridge" already exists',
      request_id: expect.any(String),
    });
  });
});

describe('validation: 400 naming the field, nothing written', () => {
  const checks = ALPHA_BETA_CASES;
  it.each<[string, Record<string, unknown>, RegExp]>([
    ['no name', {}, /^name must be 1 to 100 characters$/],
    ['a blank name', { name: '  ' }, /^name must be 1 to 100 characters$/],
    ['a long name', { name: 'x'.repeat(101) }, /^name must be 1 to 100 characters$/],
    ['a long description', { name: 'V', description: 'x'.repeat(501) }, /^description must be a string of at most 500/],
    ['a schedule that is text', { name: 'V', schedule: '0 * * * *' }, /^schedule must be an object/],
    [
      'a bad cron',
      { name: 'V', schedule: { cron: 'every hour' } },
      /^schedule\.cron must be a five-field cron expression/,
    ],
    ['a cron with seconds', { name: 'V', schedule: { cron: '0 0 * * * *' } }, /^schedule\.cron must be a five-field/],
    [
      'a bad time zone',
      { name: 'V', schedule: { cron: '0 * * * *', timezone: 'Mars/Base' } },
      /^schedule\.timezone must be an IANA time zone/,
    ],
    [
      'an unknown schedule field',
      { name: 'V', schedule: { cron: '0 * * * *', every: 1 } },
      /^schedule\.property every should not exist$/,
    ],
    [
      'a check set that is no list',
      { name: 'V', check_set: { id: 'a' } },
      /^check_set must be an array of cases or null$/,
    ],
    ['an empty check set', { name: 'V', check_set: [] }, /^Invalid check_set: check_set must be a non-empty array/],
    [
      'a case without prompt',
      { name: 'V', check_set: [checks[0], { id: 'beta', assert: [{ type: 'icontains', value: 'b' }] }] },
      /^Invalid check_set: check_set\[1\] \(id "beta"\)\.prompt must be a non-empty string \(got nothing\)$/,
    ],
    [
      'a bad assertion',
      { name: 'V', check_set: [{ id: 'a', prompt: 'p', assert: [{ type: 'regex', value: '(' }] }] },
      /^Invalid check_set: check_set\[0\] \(id "a"\)\.assert\[0\]\.value is not a valid regular expression/,
    ],
    [
      'a duplicate case id',
      { name: 'V', check_set: [checks[0], checks[0]] },
      /check_set\[1\] \(id "alpha"\)\.id duplicates check_set\[0\]/,
    ],
    ['an empty depends_on', { name: 'V', depends_on: [] }, /^depends_on must name at least one model/],
    ['depends_on with a number', { name: 'V', depends_on: ['Groq', 7] }, /^depends_on must contain model names/],
    [
      'depends_on twice the same',
      { name: 'V', depends_on: ['Groq', 'Groq'] },
      /^depends_on must not name a model twice$/,
    ],
    ['an unknown model', { name: 'V', depends_on: ['Groq', 'Skynet'] }, /^Unknown model\(s\) in depends_on: Skynet$/],
    ['an unknown field', { name: 'V', owner: 'me' }, /^property owner should not exist$/],
  ])('%s', async (_label, body, message) => {
    const before = await countRows(t.dataSource, CartridgeEntity);
    const res = await post(body).expect(400);
    expect(res.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: expect.stringMatching(message),
      request_id: expect.any(String),
    });
    expect(await countRows(t.dataSource, CartridgeEntity)).toBe(before);
  });
});

describe('patch', () => {
  it('changes only what is sent; null clears; the job follows the schedule and check set', async () => {
    await createCartridge(t, ADMIN, { name: 'Patch-Me', description: 'first', check_set: ALPHA_BETA_CASES });
    const id = await cartridgeId(t.dataSource, 'Patch-Me');
    expect(hasJob(id)).toBe(false);

    const scheduled = await patch('Patch-Me', { schedule: { cron: '30 * * * *' } }).expect(200);
    expect(scheduled.body).toMatchObject({
      description: 'first',
      schedule: { cron: '30 * * * *', timezone: 'UTC' },
      has_check_set: true,
    });
    expect(hasJob(id)).toBe(true);

    const renamed = await patch('Patch-Me', { name: 'Patched', description: null, depends_on: ['OpenAI'] }).expect(200);
    expect(renamed.body).toMatchObject({
      name: 'Patched',
      description: null,
      depends_on: ['OpenAI'],
      schedule: { cron: '30 * * * *' },
    });
    await request(t.server).get('/api/cartridges/Patch-Me').expect(404);
    expect(hasJob(id)).toBe(true);

    const noChecks = await patch('Patched', { check_set: null, depends_on: null }).expect(200);
    expect(noChecks.body).toMatchObject({ has_check_set: false, check_set: null, depends_on: null });
    expect(hasJob(id)).toBe(false);
  });

  it('400 naming the field leaves the cartridge as it was; a taken name is a 409; an unknown one a 404', async () => {
    await createCartridge(t, ADMIN, { name: 'Stay-Same', description: 'kept' });
    const id = await cartridgeId(t.dataSource, 'Stay-Same');
    const before = await storedCartridge(t.dataSource, id);
    const bad = await patch('Stay-Same', {
      description: 'changed',
      check_set: [{ id: 'a', prompt: 'p', assert: [] }],
    }).expect(400);
    expect(bad.body.message).toMatch(/check_set\[0\] \(id "a"\)\.assert must be a non-empty array/);
    expect(await storedCartridge(t.dataSource, id)).toEqual(before);
    await patch('Stay-Same', { name: null }).expect(400);
    const taken = await patch('Stay-Same', { name: 'Investment-Cartridge' }).expect(409);
    expect(taken.body.message).toBe('A cartridge named "Investment-Cartridge" already exists');
    expect(await storedCartridge(t.dataSource, id)).toEqual(before);
    await patch('Nope-Cartridge', { description: 'x' }).expect(404);
  });
});

describe('delete', () => {
  const remove = (name: string, query: string) =>
    request(t.server)
      .delete(`/api/cartridges/${encodeURIComponent(name)}${query}`)
      .set('X-API-Key', ADMIN);

  it('history is required: keep or delete, never assumed', async () => {
    expect((await remove('Bio-Cartridge', '').expect(400)).body.message).toBe('history must be keep or delete');
    await remove('Bio-Cartridge', '?history=yes').expect(400);
    await request(t.server).get('/api/cartridges/Bio-Cartridge').expect(200);
    await remove('Nope-Cartridge', '?history=keep').expect(404);
  });

  it('keep: gone from the API, executions kept, name suffixed and free again, job removed', async () => {
    await createCartridge(t, ADMIN, { name: 'Keep-Me', schedule: { cron: '0 * * * *' }, check_set: ALPHA_BETA_CASES });
    const id = await cartridgeId(t.dataSource, 'Keep-Me');
    await insertExecution(t.dataSource, 'Keep-Me', { status: 'success', startedAt: new Date() });
    expect(hasJob(id)).toBe(true);

    await remove('Keep-Me', '?history=keep').expect(204);
    await request(t.server).get('/api/cartridges/Keep-Me').expect(404);
    await request(t.server).get('/api/cartridges/Keep-Me/results').expect(404);
    const names = (await request(t.server).get('/api/cartridges').expect(200)).body.cartridges.map(
      (c: { name: string }) => c.name,
    );
    expect(names.some((n: string) => n.startsWith('Keep-Me'))).toBe(false);
    expect(await countRows(t.dataSource, CartridgeExecutionEntity, { cartridgeId: id })).toBe(1);
    expect(await storedCartridge(t.dataSource, id)).toMatchObject({
      name: `Keep-Me (removed #${id})`,
      deletedAt: expect.any(Date),
    });
    expect(hasJob(id)).toBe(false);
    await createCartridge(t, ADMIN, { name: 'Keep-Me' });
  });

  it('delete: the cartridge and its executions are gone', async () => {
    await createCartridge(t, ADMIN, { name: 'Drop-Me' });
    const id = await cartridgeId(t.dataSource, 'Drop-Me');
    await insertExecution(t.dataSource, 'Drop-Me', { status: 'failure', startedAt: new Date() });
    await insertExecution(t.dataSource, 'Drop-Me', { status: 'success', startedAt: new Date() });
    await remove('Drop-Me', '?history=delete').expect(204);
    expect(await storedCartridge(t.dataSource, id)).toBeNull();
    expect(await countRows(t.dataSource, CartridgeExecutionEntity, { cartridgeId: id })).toBe(0);
  });
});
