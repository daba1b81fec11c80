// CartridgeRunnerService with its real repositories and the fake provider: the branches of a run that
// HTTP cannot aim at. Timeouts, models passed over without a call, every model failing, check sets that
// cannot run, runs going elsewhere, and a cartridge removed while its checks run.
import { CartridgeExecutionEntity } from '../../src/cartridges/cartridge-execution.entity.js';
import { CartridgeRunnerService } from '../../src/cartridges/cartridge-runner.service.js';
import type { CartridgeEntity } from '../../src/cartridges/cartridge.entity.js';
import { CartridgesModule } from '../../src/cartridges/cartridges.module.js';
import { CartridgesRepository } from '../../src/cartridges/cartridges.repository.js';
import { DomainError } from '../../src/common/domain-error.js';
import type { CartridgeResultEvent } from '../../src/events/domain-events.js';
import { ModelsRepository } from '../../src/models/models.repository.js';
import { insertCartridge, insertExecution, setRouting } from '../factories/fixtures.js';
import { uniqueName } from '../factories/keys.js';
import { ALPHA_BETA_CASES } from '../factories/suites.js';
import { recordEvents } from '../setup/domain-events.js';
import { FAKE_MODELS, startEvaluationEnv, type EvaluationEnv } from '../setup/evaluation-env.js';
import { countRows } from '../setup/rows.js';
import { startServiceModule, type ServiceModule } from '../setup/service-module.js';
import { FIXED_NOW } from '../setup/test-app.js';

let evaluation: EvaluationEnv;
let s: ServiceModule;
let runner: CartridgeRunnerService;
let results: CartridgeResultEvent[];

beforeAll(async () => {
  evaluation = await startEvaluationEnv();
  // A short provider timeout, so that a hanging model is given up quickly.
  s = await startServiceModule({
    imports: [CartridgesModule],
    env: { ...evaluation.env, PROVIDER_TIMEOUT_MS: '300' },
  });
  runner = s.get(CartridgeRunnerService);
  results = recordEvents(s.module, 'cartridge.result');
});
afterAll(async () => {
  await s.close();
  await evaluation.close();
});
beforeEach(async () => {
  evaluation.fake.reset();
  results.length = 0;
  s.clock.set(FIXED_NOW);
  await setRouting(s.dataSource, 'OpenAI', ['Groq', 'Anthropic']);
  for (const name of Object.keys(FAKE_MODELS)) await setModel(name, { enabled: true, rateLimitedUntil: null });
});

/** A cartridge of its own for each test, with the alpha/beta check set unless told otherwise. */
function newCartridge(fields: { checkSet?: unknown[] | null; dependsOn?: string[] } = {}): Promise<CartridgeEntity> {
  return insertCartridge(s.dataSource, { name: uniqueName('Runner'), checkSet: ALPHA_BETA_CASES, ...fields });
}

/**
 * The execution as stored once the runner is idle again. Waiting on the runner rather than on the row:
 * the row is written before the run lets go of its cartridge, and the next start must find it free.
 */
async function finished(execution: CartridgeExecutionEntity): Promise<CartridgeExecutionEntity | null> {
  await runner.idle();
  return s.get(CartridgesRepository).findExecution(execution.cartridgeId, execution.id);
}

async function runToEnd(cartridge: CartridgeEntity): Promise<CartridgeExecutionEntity | null> {
  return finished(await runner.runNow(cartridge.name));
}

async function setModel(name: string, patch: { enabled?: boolean; rateLimitedUntil?: Date | null }): Promise<void> {
  const models = s.get(ModelsRepository);
  const model = await models.findByName(name);
  if (!model) throw new Error(`no model ${name}`);
  if (patch.enabled !== undefined) await models.update(model.id, { enabled: patch.enabled });
  if (patch.rateLimitedUntil !== undefined) {
    await models.saveState(model.id, { rateLimitedUntil: patch.rateLimitedUntil, updatedAt: s.clock.now() });
  }
}

describe('falling back along the routing order', () => {
  it('a primary that times out hands the whole check set to the next model', async () => {
    evaluation.fake.script(FAKE_MODELS.OpenAI, { kind: 'hang' });
    evaluation.fake.script(FAKE_MODELS.Groq, { kind: 'answer', text: 'alpha beta' });
    const execution = await runToEnd(await newCartridge());

    expect(execution).toMatchObject({
      status: 'success',
      source: 'runner',
      startedAt: FIXED_NOW,
      finishedAt: FIXED_NOW,
      modelUsed: 'Groq',
      summary: '2/2 checks passed on Groq (fell back from OpenAI: timeout)',
      output: {
        model_used: 'Groq',
        fell_back_from: [{ model: 'OpenAI', reason: 'timeout' }],
        checks: [
          { id: 'alpha', passed: true, score: 1, latency_ms: expect.any(Number) },
          { id: 'beta', passed: true, score: 1, latency_ms: expect.any(Number) },
        ],
      },
    });
    // The first case timed out: the second was never asked of OpenAI.
    expect([evaluation.fake.callsTo(FAKE_MODELS.OpenAI), evaluation.fake.callsTo(FAKE_MODELS.Groq)]).toEqual([1, 2]);
    expect(results).toHaveLength(1);
  });

  it('models it cannot use are passed over without a call, each with its reason', async () => {
    await setRouting(s.dataSource, 'Ghost', ['Groq', 'Anthropic', 'Mistral', 'Gemini']);
    await setModel('Groq', { enabled: false });
    await setModel('Anthropic', { rateLimitedUntil: new Date(FIXED_NOW.getTime() + 60_000) });
    evaluation.fake.script(FAKE_MODELS.Gemini, { kind: 'answer', text: 'alpha beta' });
    const execution = await runToEnd(await newCartridge());
    expect(execution).toMatchObject({
      status: 'success',
      modelUsed: 'Gemini',
      summary:
        '2/2 checks passed on Gemini (fell back from Ghost: not_found, Groq: disabled, Anthropic: rate_limited, Mistral: not_configured)',
    });
    expect(evaluation.fake.requests.map((r) => r.model)).toEqual([FAKE_MODELS.Gemini, FAKE_MODELS.Gemini]);
  });

  it("a provider's Retry-After holds a model back until the clock reaches it", async () => {
    await setRouting(s.dataSource, 'Anthropic', ['Groq']);
    await setModel('Anthropic', { rateLimitedUntil: new Date(FIXED_NOW.getTime() + 60_000) });
    evaluation.fake.script(FAKE_MODELS.Anthropic, { kind: 'answer', text: 'alpha beta' });
    evaluation.fake.script(FAKE_MODELS.Groq, { kind: 'answer', text: 'alpha beta' });
    const cartridge = await newCartridge();

    const held = await runToEnd(cartridge);
    s.clock.advance(60_000);
    const released = await runToEnd(cartridge);

    expect([held?.modelUsed, released?.modelUsed]).toEqual(['Groq', 'Anthropic']);
  });

  it('depends_on alone when there is no routing primary, in the order listed', async () => {
    await setRouting(s.dataSource, null, []);
    evaluation.fake.script(FAKE_MODELS.Gemini, { kind: 'server_error' });
    evaluation.fake.script(FAKE_MODELS.OpenAI, { kind: 'answer', text: 'alpha beta' });
    const execution = await runToEnd(await newCartridge({ dependsOn: ['Gemini', 'OpenAI'] }));
    expect(execution).toMatchObject({
      modelUsed: 'OpenAI',
      summary: '2/2 checks passed on OpenAI (fell back from Gemini: server_error)',
    });
  });
});

describe('failures', () => {
  it('every model failing: a failure naming each model and why, with no checks', async () => {
    evaluation.fake.script(FAKE_MODELS.OpenAI, { kind: 'hang' });
    evaluation.fake.script(FAKE_MODELS.Groq, { kind: 'malformed' });
    evaluation.fake.script(FAKE_MODELS.Anthropic, { kind: 'empty' });
    const execution = await runToEnd(await newCartridge());

    expect(execution).toMatchObject({
      status: 'failure',
      modelUsed: null,
      summary: 'No model answered the checks (OpenAI: timeout, Groq: bad_response, Anthropic: bad_response)',
      output: {
        model_used: null,
        fell_back_from: [
          { model: 'OpenAI', reason: 'timeout' },
          { model: 'Groq', reason: 'bad_response' },
          { model: 'Anthropic', reason: 'bad_response' },
        ],
        checks: [],
      },
    });
    expect(results).toHaveLength(1);
  });

  it('a check failing on the fallback model fails the run there: no further fallback', async () => {
    evaluation.fake.script(FAKE_MODELS.OpenAI, { kind: 'server_error', status: 503 });
    evaluation.fake.script(FAKE_MODELS.Groq, { kind: 'answer', text: 'alpha' });
    const execution = await runToEnd(await newCartridge());

    expect(execution).toMatchObject({
      status: 'failure',
      modelUsed: 'Groq',
      summary: '1/2 checks passed on Groq (fell back from OpenAI: server_error); failed: beta',
      output: {
        checks: [
          { id: 'alpha', passed: true, score: 1, latency_ms: expect.any(Number) },
          { id: 'beta', passed: false, score: 0, latency_ms: expect.any(Number) },
        ],
      },
    });
    expect(evaluation.fake.callsTo(FAKE_MODELS.Anthropic)).toBe(0);
  });
});

describe('check sets that cannot run', () => {
  const BROKEN = [{ id: 'no-prompt', assert: [{ type: 'icontains', value: 'x' }] }];

  it('an invalid stored check set: runNow refuses with the problem; a scheduled run records it as a failure', async () => {
    const cartridge = await newCartridge({ checkSet: BROKEN });
    const unrunnable = `Cartridge "${cartridge.name}" has an invalid check set: check_set[0] (id "no-prompt").prompt must be a non-empty string`;
    const refused = runner.runNow(cartridge.name);
    await expect(refused).rejects.toBeInstanceOf(DomainError);
    await expect(refused).rejects.toMatchObject({
      code: 'unprocessable',
      message: expect.stringContaining(unrunnable),
    });
    expect(await countRows(s.dataSource, CartridgeExecutionEntity, { cartridgeId: cartridge.id })).toBe(0);

    const occurrence = new Date('2026-02-01T09:00:00.000Z');
    const scheduled = await runner.runScheduled(cartridge.id, occurrence);
    expect(scheduled).not.toBeNull();
    expect(await finished(scheduled!)).toMatchObject({
      status: 'failure',
      summary: expect.stringContaining(unrunnable),
      modelUsed: null,
      idempotencyKey: 'schedule:2026-02-01T09:00:00.000Z',
    });
    expect(evaluation.fake.requests).toHaveLength(0);
    expect(results).toHaveLength(1);
  });

  it('a scheduled tick for a cartridge without a check set, or for one that is gone, is skipped without a row', async () => {
    const workerRun = await newCartridge({ checkSet: null });
    expect(await runner.runScheduled(workerRun.id, FIXED_NOW)).toBeNull();
    expect(await runner.runScheduled(987_654, FIXED_NOW)).toBeNull();
    expect(await countRows(s.dataSource, CartridgeExecutionEntity, { cartridgeId: workerRun.id })).toBe(0);
  });
});

describe('one run at a time', () => {
  it('while a run goes here, runNow is a conflict and the scheduled tick is skipped', async () => {
    evaluation.fake.script(FAKE_MODELS.OpenAI, { kind: 'answer', text: 'alpha beta', delayMs: 200 });
    const cartridge = await newCartridge();
    const first = await runner.runNow(cartridge.name);

    await expect(runner.runNow(cartridge.name)).rejects.toMatchObject({
      code: 'conflict',
      message: `Cartridge "${cartridge.name}" is already running its checks`,
    });
    expect(await runner.runScheduled(cartridge.id, FIXED_NOW)).toBeNull();
    expect((await finished(first))?.status).toBe('success');
    expect(await countRows(s.dataSource, CartridgeExecutionEntity, { cartridgeId: cartridge.id })).toBe(1);
  });

  it("another instance's running execution blocks both, here and on schedule", async () => {
    const cartridge = await newCartridge();
    await insertExecution(s.dataSource, cartridge.name, { status: 'running', startedAt: FIXED_NOW });

    await expect(runner.runNow(cartridge.name)).rejects.toMatchObject({ code: 'conflict' });
    expect(await runner.runScheduled(cartridge.id, FIXED_NOW)).toBeNull();
    expect(evaluation.fake.requests).toHaveLength(0);
    expect(await countRows(s.dataSource, CartridgeExecutionEntity, { cartridgeId: cartridge.id })).toBe(1);
  });

  it('the same occurrence scheduled twice (two instances ticking) runs once', async () => {
    evaluation.fake.script(FAKE_MODELS.OpenAI, { kind: 'answer', text: 'alpha beta' });
    const cartridge = await newCartridge();
    const occurrence = new Date('2026-02-01T10:00:00.000Z');
    const first = await runner.runScheduled(cartridge.id, occurrence);
    await finished(first!);
    expect(await runner.runScheduled(cartridge.id, occurrence)).toBeNull();
    expect(await countRows(s.dataSource, CartridgeExecutionEntity, { cartridgeId: cartridge.id })).toBe(1);
  });
});

describe('a cartridge removed with its history while its checks run', () => {
  it('leaves no execution and announces nothing', async () => {
    evaluation.fake.script(FAKE_MODELS.OpenAI, { kind: 'answer', text: 'alpha beta', delayMs: 200 });
    const cartridge = await newCartridge();
    await runner.runNow(cartridge.name);
    await s.get(CartridgesRepository).removeWithHistory(cartridge.id);

    await runner.idle();
    expect(evaluation.fake.callsTo(FAKE_MODELS.OpenAI)).toBe(2);
    expect(await countRows(s.dataSource, CartridgeExecutionEntity, { cartridgeId: cartridge.id })).toBe(0);
    expect(results).toHaveLength(0);
    expect(s.logs.filter((l) => l.level === 'error')).toEqual([]);
  });
});
