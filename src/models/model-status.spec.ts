import {
  applyVerdict,
  decideModelStatus,
  describeStatusChange,
  isDegraded,
  latencyEvidence,
  uptimePercent,
  type StatusEvidence,
} from './model-status.js';

const thresholds = { failureThreshold: 3, successThreshold: 2 };
const calm = { p95LastHourMs: 1000, median7dMs: 1000, lastScore: 9, meanScore7d: 9 };
const evidence = (over: Partial<StatusEvidence>): StatusEvidence => ({
  previous: 'healthy',
  streaks: { consecutiveFailures: 0, consecutiveSuccesses: 1 },
  ...calm,
  ...over,
});

function run(verdicts: ('success' | 'failure' | 'rate_limited')[], start: StatusEvidence['previous'] = 'unknown') {
  let streaks = { consecutiveFailures: 0, consecutiveSuccesses: 0 };
  let status = start;
  const seen: string[] = [];
  for (const verdict of verdicts) {
    streaks = applyVerdict(streaks, verdict);
    status = decideModelStatus({ ...calm, previous: status, streaks }, thresholds);
    seen.push(status);
  }
  return seen;
}

describe('model status transitions', () => {
  it('unknown before any answer, healthy after the first success', () => {
    expect(run(['success'])).toEqual(['healthy']);
  });

  it('an unprobed model that fails stays unknown until the failure threshold, then is down', () => {
    expect(run(['failure', 'failure', 'failure'])).toEqual(['unknown', 'unknown', 'down']);
  });

  it('goes down after three failures in a row, not after two', () => {
    expect(run(['failure', 'failure', 'success', 'failure', 'failure', 'failure'], 'healthy')).toEqual([
      'healthy',
      'healthy',
      'healthy',
      'healthy',
      'healthy',
      'down',
    ]);
  });

  it('a down model needs two successes in a row to be healthy again', () => {
    expect(run(['failure', 'failure', 'failure', 'success', 'failure', 'success', 'success'], 'healthy')).toEqual([
      'healthy',
      'healthy',
      'down',
      'down',
      'down',
      'down',
      'healthy',
    ]);
  });

  it('rate-limited probes neither break nor extend a streak', () => {
    expect(run(['failure', 'failure', 'rate_limited', 'failure'], 'healthy')).toEqual([
      'healthy',
      'healthy',
      'healthy',
      'down',
    ]);
    expect(run(['failure', 'failure', 'failure', 'success', 'rate_limited', 'success'], 'healthy').at(-1)).toBe(
      'healthy',
    );
  });
});

describe('degraded', () => {
  it('when the last hour p95 exceeds 1.5x the 7-day median', () => {
    expect(decideModelStatus(evidence({ p95LastHourMs: 1501, median7dMs: 1000 }), thresholds)).toBe('degraded');
    expect(decideModelStatus(evidence({ p95LastHourMs: 1500, median7dMs: 1000 }), thresholds)).toBe('healthy');
  });

  it('when the last score fell 1.0 or more below the 7-day mean', () => {
    expect(decideModelStatus(evidence({ lastScore: 8.0, meanScore7d: 9.0 }), thresholds)).toBe('degraded');
    expect(decideModelStatus(evidence({ lastScore: 8.1, meanScore7d: 9.0 }), thresholds)).toBe('healthy');
  });

  it('not without enough history', () => {
    expect(isDegraded({ p95LastHourMs: 9000, median7dMs: null, lastScore: null, meanScore7d: null })).toBe(false);
  });

  it('down wins over degraded', () => {
    const streaks = { consecutiveFailures: 3, consecutiveSuccesses: 0 };
    expect(decideModelStatus(evidence({ streaks, p95LastHourMs: 9000 }), thresholds)).toBe('down');
  });
});

describe('uptimePercent', () => {
  const ok = { success: true, errorKind: null };
  it('is the successful share, 2 decimals', () => {
    expect(uptimePercent([ok, ok, { success: false, errorKind: 'timeout' }])).toBe(66.67);
    expect(uptimePercent([ok])).toBe(100);
  });
  it('leaves rate-limited probes out and counts auth errors as down', () => {
    expect(uptimePercent([ok, { success: false, errorKind: 'rate_limited' }])).toBe(100);
    expect(uptimePercent([ok, { success: false, errorKind: 'auth' }])).toBe(50);
  });
  it('is null without any probe that counts', () => {
    expect(uptimePercent([])).toBeNull();
    expect(uptimePercent([{ success: false, errorKind: 'rate_limited' }])).toBeNull();
  });
});

describe('latencyEvidence', () => {
  const many = (n: number, ms: number) => Array.from({ length: n }, () => ms);
  it('judges latency only with enough calls: 5 in the last hour, 20 in the week', () => {
    expect(latencyEvidence(many(4, 3000), many(19, 1000))).toEqual({ p95LastHourMs: null, median7dMs: null });
    expect(latencyEvidence(many(5, 3000), many(20, 1000))).toEqual({ p95LastHourMs: 3000, median7dMs: 1000 });
  });
  it('so a young model with a couple of slow calls is not degraded', () => {
    const evidence = latencyEvidence([900, 4000], [900, 4000]);
    expect(isDegraded({ ...evidence, lastScore: null, meanScore7d: null })).toBe(false);
  });
});

describe('maintenance', () => {
  it('reads maintenance inside a window, whatever the streaks say', () => {
    const streaks = { consecutiveFailures: 5, consecutiveSuccesses: 0 };
    expect(decideModelStatus(evidence({ streaks, inMaintenance: true }), thresholds)).toBe('maintenance');
    expect(decideModelStatus(evidence({ streaks }), thresholds)).toBe('down');
  });

  it('after a window, the model is judged on its evidence again', () => {
    expect(decideModelStatus(evidence({ previous: 'maintenance' }), thresholds)).toBe('healthy');
  });
});

describe('the cause of a status change', () => {
  it('names the failures in a row and the last error when a model goes down', () => {
    const down = evidence({ streaks: { consecutiveFailures: 3, consecutiveSuccesses: 0 } });
    expect(describeStatusChange(down, 'down', 'timeout')).toBe('3 failures in a row: timeout');
  });

  it('names the successes that brought a down model back', () => {
    const back = evidence({ previous: 'down', streaks: { consecutiveFailures: 0, consecutiveSuccesses: 2 } });
    expect(describeStatusChange(back, 'healthy', null)).toBe('2 successes in a row');
  });

  it('names the latency or score evidence of degraded', () => {
    const slow = evidence({ p95LastHourMs: 2400, median7dMs: 1000 });
    expect(describeStatusChange(slow, 'degraded', null)).toBe('p95 latency 2400 ms over 1.5x its 7-day median 1000 ms');
    const dropped = evidence({ lastScore: 6, meanScore7d: 8.25 });
    expect(describeStatusChange(dropped, 'degraded', null)).toBe('score 6 fell below its 7-day mean 8.25');
  });

  it('says maintenance, and nothing when the status stays', () => {
    expect(describeStatusChange(evidence({}), 'maintenance', null)).toBe('inside a planned maintenance window');
    expect(describeStatusChange(evidence({ previous: 'maintenance' }), 'healthy', null)).toBe(
      'the maintenance window ended',
    );
    expect(describeStatusChange(evidence({}), 'healthy', null)).toBeNull();
  });
});
