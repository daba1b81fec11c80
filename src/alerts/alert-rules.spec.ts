import type { CartridgeResultEvent, DcrsProgressEvent, ModelStateChangedEvent } from '../events/domain-events.js';
import {
  clip,
  decideCartridgeResultAlerts,
  decideCartridgeStaleness,
  decideDcrsAlerts,
  decideModelAlerts,
  decideMonitoredModels,
  decideRoutingAlerts,
  openKey,
  type AlertAction,
} from './alert-rules.js';

const OPTIONS = { scoreDrop: 1 };
const NONE = new Set<string>();
const openSet = (...keys: string[]): Set<string> => new Set(keys);

function change(overrides: Partial<ModelStateChangedEvent>): ModelStateChangedEvent {
  return {
    modelId: 1,
    name: 'Gemini',
    apiType: 'google',
    previousStatus: 'healthy',
    status: 'healthy',
    lastScore: 9,
    previousScore: 9,
    responseTime: 800,
    uptimePercent: 99.5,
    errorKind: null,
    at: new Date('2026-02-01T08:00:00.000Z'),
    ...overrides,
  };
}

const summary = (actions: AlertAction[]): string[] => actions.map((a) => `${a.action} ${a.type} ${a.subject}`);

describe('model rules', () => {
  it('inside a maintenance window nothing opens, resolves or is recorded, even a score drop', () => {
    const inWindow = change({ previousStatus: 'down', status: 'maintenance', previousScore: 9, lastScore: 2 });
    expect(decideModelAlerts(inWindow, new Set(['model_down:Gemini']), OPTIONS)).toEqual([]);
  });

  it('a model going down opens one critical model_down naming the last error', () => {
    const actions = decideModelAlerts(
      change({ previousStatus: 'healthy', status: 'down', errorKind: 'timeout' }),
      NONE,
      OPTIONS,
    );
    expect(actions).toEqual([
      {
        action: 'open',
        type: 'model_down',
        severity: 'critical',
        subject: 'Gemini',
        message: expect.stringContaining('last error: timeout'),
      },
    ]);
  });

  it('a model still down with its alert open raises nothing more', () => {
    expect(
      decideModelAlerts(change({ previousStatus: 'down', status: 'down' }), openSet('model_down:Gemini'), OPTIONS),
    ).toEqual([]);
  });

  it('a down model found without an open alert (e.g. after an upgrade) opens one', () => {
    expect(summary(decideModelAlerts(change({ previousStatus: 'down', status: 'down' }), NONE, OPTIONS))).toEqual([
      'open model_down Gemini',
    ]);
  });

  it('recovering resolves model_down and records an info model_recovered', () => {
    const actions = decideModelAlerts(
      change({ previousStatus: 'down', status: 'healthy' }),
      openSet('model_down:Gemini'),
      OPTIONS,
    );
    expect(summary(actions)).toEqual(['resolve model_down Gemini', 'notice model_recovered Gemini']);
    // The fact is the transition: the state change's instant, so two instances recording it agree.
    expect(actions[1]).toMatchObject({ severity: 'info', fact: 'at-2026-02-01T08:00:00.000Z' });
  });

  it('recovering into degraded resolves model_down, records the recovery and opens model_degraded', () => {
    const actions = decideModelAlerts(
      change({ previousStatus: 'down', status: 'degraded' }),
      openSet('model_down:Gemini'),
      OPTIONS,
    );
    expect(summary(actions)).toEqual([
      'resolve model_down Gemini',
      'notice model_recovered Gemini',
      'open model_degraded Gemini',
    ]);
  });

  it('a healthy model with nothing open raises nothing', () => {
    expect(decideModelAlerts(change({}), NONE, OPTIONS)).toEqual([]);
  });

  it('an unknown model (never answered) raises nothing, even with failures', () => {
    expect(
      decideModelAlerts(change({ previousStatus: 'unknown', status: 'unknown', errorKind: 'network' }), NONE, OPTIONS),
    ).toEqual([]);
  });

  it('degraded opens a warning; healthy again resolves it', () => {
    const opened = decideModelAlerts(change({ status: 'degraded' }), NONE, OPTIONS);
    expect(opened).toEqual([expect.objectContaining({ action: 'open', type: 'model_degraded', severity: 'warning' })]);
    expect(
      decideModelAlerts(
        change({ previousStatus: 'degraded', status: 'degraded' }),
        openSet('model_degraded:Gemini'),
        OPTIONS,
      ),
    ).toEqual([]);
    expect(
      summary(decideModelAlerts(change({ previousStatus: 'degraded' }), openSet('model_degraded:Gemini'), OPTIONS)),
    ).toEqual(['resolve model_degraded Gemini']);
  });

  it('a degraded model going down keeps model_degraded open next to model_down', () => {
    const actions = decideModelAlerts(
      change({ previousStatus: 'degraded', status: 'down' }),
      openSet('model_degraded:Gemini'),
      OPTIONS,
    );
    expect(summary(actions)).toEqual(['open model_down Gemini']);
  });

  it('a score falling by the threshold or more records a score_drop warning; a smaller fall or a rise does not', () => {
    const drop = decideModelAlerts(change({ previousScore: 9.5, lastScore: 8.5 }), NONE, OPTIONS);
    expect(drop).toEqual([
      {
        action: 'notice',
        type: 'score_drop',
        severity: 'warning',
        subject: 'Gemini',
        message: "Gemini's evaluation score dropped by 1: from 9.5 to 8.5",
        fact: 'at-2026-02-01T08:00:00.000Z:9.5>8.5',
      },
    ]);
    expect(decideModelAlerts(change({ previousScore: 9.5, lastScore: 8.6 }), NONE, OPTIONS)).toEqual([]);
    expect(decideModelAlerts(change({ previousScore: 5, lastScore: 10 }), NONE, OPTIONS)).toEqual([]);
    expect(decideModelAlerts(change({ previousScore: 9.5, lastScore: 8.6 }), NONE, { scoreDrop: 0.5 })).toHaveLength(1);
  });

  it('a score drop comes every time it happens (notices are never "already open")', () => {
    const open = openSet('model_down:Gemini');
    const actions = decideModelAlerts(
      change({ previousStatus: 'down', status: 'down', previousScore: 9, lastScore: 0 }),
      open,
      OPTIONS,
    );
    expect(summary(actions)).toEqual(['notice score_drop Gemini']);
  });
});

describe('DCRS rules', () => {
  const progress = (phase: DcrsProgressEvent['phase'], error?: string): DcrsProgressEvent => ({
    runId: 7,
    date: '2026-02-01',
    phase,
    completedTests: 0,
    totalTests: 8,
    currentModel: null,
    bestSoFar: null,
    ...(error ? { error } : {}),
  });

  it('a failed run opens dcrs_failed with the error; a second failure while open adds nothing', () => {
    expect(decideDcrsAlerts(progress('failed', 'database gone'), NONE)).toEqual([
      {
        action: 'open',
        type: 'dcrs_failed',
        severity: 'warning',
        subject: 'dcrs',
        message: 'DCRS run 7 (2026-02-01) failed: database gone',
      },
    ]);
    expect(decideDcrsAlerts(progress('failed'), openSet('dcrs_failed:dcrs'))).toEqual([]);
  });

  it('the next completed run resolves it; progress in between changes nothing', () => {
    const open = openSet('dcrs_failed:dcrs');
    expect(decideDcrsAlerts(progress('started'), open)).toEqual([]);
    expect(decideDcrsAlerts(progress('model_done'), open)).toEqual([]);
    expect(summary(decideDcrsAlerts(progress('completed'), open))).toEqual(['resolve dcrs_failed dcrs']);
    expect(decideDcrsAlerts(progress('completed'), NONE)).toEqual([]);
  });
});

describe('routing rule', () => {
  it('every routing change is an info notice naming the new primary, fallbacks and reason', () => {
    const actions = decideRoutingAlerts({
      primary: 'Groq',
      fallbacks: ['OpenAI', 'Gemini'],
      mode: 'auto',
      updatedAt: new Date('2026-02-01T08:00:00.000Z'),
      dcrsRunId: 3,
      reason: 'Groq leads by 0.5',
    });
    expect(actions).toEqual([
      {
        action: 'notice',
        type: 'routing_changed',
        severity: 'info',
        subject: 'routing',
        message: 'Routing primary is now Groq after DCRS run 3 (fallbacks: OpenAI, Gemini): Groq leads by 0.5',
        fact: 'dcrs-run-3:Groq',
      },
    ]);
  });

  it('a change made without a DCRS run is its own fact: the instant it was made', () => {
    const [action] = decideRoutingAlerts({
      primary: 'Groq',
      fallbacks: [],
      mode: 'auto',
      updatedAt: new Date('2026-02-01T08:00:00.000Z'),
      dcrsRunId: null,
      reason: 'set by hand',
    });
    expect(action).toMatchObject({ action: 'notice', fact: 'at-2026-02-01T08:00:00.000Z:Groq' });
  });
});

describe('cartridge rules', () => {
  const result = (status: string, id = 41): CartridgeResultEvent => ({
    cartridge: 'Bio-Cartridge',
    execution: {
      id,
      status,
      startedAt: new Date('2026-02-01T07:00:00.000Z'),
      finishedAt: null,
      durationMs: null,
      summary: status === 'failure' ? 'PubMed timed out' : null,
    },
    successRate: 80,
  });

  it('a failed execution opens cartridge_failed with its summary; more failures add nothing', () => {
    expect(decideCartridgeResultAlerts(result('failure'), NONE)).toEqual([
      {
        action: 'open',
        type: 'cartridge_failed',
        severity: 'warning',
        subject: 'Bio-Cartridge',
        message: 'Bio-Cartridge execution 41 failed: PubMed timed out (30-day success rate 80%)',
      },
    ]);
    expect(decideCartridgeResultAlerts(result('failure', 42), openSet('cartridge_failed:Bio-Cartridge'))).toEqual([]);
  });

  it('the next success resolves it and records cartridge_recovered; a success with nothing open records nothing', () => {
    const actions = decideCartridgeResultAlerts(result('success', 43), openSet('cartridge_failed:Bio-Cartridge'));
    expect(summary(actions)).toEqual([
      'resolve cartridge_failed Bio-Cartridge',
      'notice cartridge_recovered Bio-Cartridge',
    ]);
    expect(actions[1]).toMatchObject({
      severity: 'info',
      message: 'Bio-Cartridge succeeded again (execution 43) (30-day success rate 80%)',
      fact: 'execution-43',
    });
    expect(decideCartridgeResultAlerts(result('success'), NONE)).toEqual([]);
  });

  it('any execution, even one just started, resolves cartridge_stale', () => {
    expect(summary(decideCartridgeResultAlerts(result('running'), openSet('cartridge_stale:Bio-Cartridge')))).toEqual([
      'resolve cartridge_stale Bio-Cartridge',
    ]);
  });

  it('staleness: stale opens, still stale adds nothing, fresh again or gone resolves', () => {
    const view = (name: string, status: string) => ({ name, status, last_execution: '2026-01-30T08:00:00.000Z' });
    expect(decideCartridgeStaleness([view('Bio', 'stale'), view('Invest', 'healthy')], NONE)).toEqual([
      expect.objectContaining({
        action: 'open',
        type: 'cartridge_stale',
        severity: 'warning',
        subject: 'Bio',
        message: expect.stringContaining('2026-01-30'),
      }),
    ]);
    const open = openSet('cartridge_stale:Bio', 'cartridge_stale:Gone', 'model_down:Gemini');
    expect(decideCartridgeStaleness([view('Bio', 'stale')], open)).toEqual([
      expect.objectContaining({ action: 'resolve', subject: 'Gone' }),
    ]);
    expect(summary(decideCartridgeStaleness([view('Bio', 'failing')], open))).toEqual([
      'resolve cartridge_stale Bio',
      'resolve cartridge_stale Gone',
    ]);
  });
});

describe('monitored models', () => {
  it('model conditions of models no longer monitored resolve; others are left alone', () => {
    const open = openSet(
      'model_down:Gone',
      'model_degraded:Gone',
      'model_down:Gemini',
      'model_degraded:Groq',
      'cartridge_failed:Gone',
      'dcrs_failed:dcrs',
    );
    expect(summary(decideMonitoredModels(['Gemini', 'Groq'], open))).toEqual([
      'resolve model_down Gone',
      'resolve model_degraded Gone',
    ]);
    expect(decideMonitoredModels(['Gemini', 'Groq', 'Gone'], open)).toEqual([]);
  });
});

describe('keys and limits', () => {
  it('the open key is "<type>:<subject>" with the subject as stored', () => {
    expect(openKey('model_down', 'Gemini')).toBe('model_down:Gemini');
    const long = 'x'.repeat(300);
    expect(openKey('model_down', long)).toBe(`model_down:${clip(long, 200)}`);
  });

  it('long subjects and messages are clipped to the columns', () => {
    const name = 'M'.repeat(250);
    const [action] = decideModelAlerts(change({ name, status: 'down', errorKind: 'e'.repeat(2000) }), NONE, OPTIONS);
    expect(action.subject).toHaveLength(200);
    expect(action.action === 'open' && action.message.length).toBe(1000);
  });
});
