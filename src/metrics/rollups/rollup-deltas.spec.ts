import { totalCount } from '../../common/log-histogram.js';
import {
  bucketStartOf,
  countsForUptime,
  emptyDelta,
  mergeDelta,
  rollupDeltas,
  type RollupInput,
} from './rollup-deltas.js';
import { speedSummary } from './window-stats.js';

function call(at: string, extra: Partial<RollupInput> = {}): RollupInput {
  return {
    modelId: 1,
    kind: 'probe',
    timestamp: new Date(at),
    score: 10,
    responseTime: 500,
    success: true,
    errorKind: null,
    ttftMs: 100,
    tokensPerSecond: 50,
    outputTokens: 20,
    caseId: null,
    ...extra,
  };
}

describe('rollup deltas', () => {
  it('put a call in its UTC hour and day', () => {
    expect(bucketStartOf(new Date('2026-11-29T18:59:59.999Z'), 'hour')).toEqual(new Date('2026-11-29T18:00:00Z'));
    expect(bucketStartOf(new Date('2026-11-29T18:59:59.999Z'), 'day')).toEqual(new Date('2026-11-29T00:00:00Z'));
  });

  it('count for uptime only probes without a case, not rate-limited, not in maintenance', () => {
    expect(countsForUptime(call('2026-11-29T10:00:00Z'))).toBe(true);
    expect(countsForUptime(call('2026-11-29T10:00:00Z', { kind: 'simulated' }))).toBe(true);
    expect(countsForUptime(call('2026-11-29T10:00:00Z', { kind: 'simulated', caseId: 'a' }))).toBe(false);
    expect(countsForUptime(call('2026-11-29T10:00:00Z', { kind: 'evaluation', caseId: 'a' }))).toBe(false);
    expect(countsForUptime(call('2026-11-29T10:00:00Z', { success: false, errorKind: 'rate_limited' }))).toBe(false);
    expect(countsForUptime(call('2026-11-29T10:00:00Z', { inMaintenance: true }))).toBe(false);
  });

  it('worked example: three calls in two hours of one day make two hourly and one daily delta', () => {
    const deltas = rollupDeltas([
      call('2026-11-29T10:05:00Z'),
      call('2026-11-29T10:35:00Z', { success: false, errorKind: 'timeout', score: 0, responseTime: 30_000 }),
      call('2026-11-29T11:10:00Z', { inputTokens: 7, cost: 0.25 }),
    ]);
    expect(deltas.map((d) => [d.resolution, d.bucketStart.toISOString(), d.calls, d.successes])).toEqual([
      ['day', '2026-11-29T00:00:00.000Z', 3, 2],
      ['hour', '2026-11-29T10:00:00.000Z', 2, 1],
      ['hour', '2026-11-29T11:00:00.000Z', 1, 1],
    ]);
    const day = deltas[0];
    expect(day.errors).toEqual({ timeout: 1 });
    expect({ counted: day.uptimeCounted, up: day.uptimeUp }).toEqual({ counted: 3, up: 2 });
    expect({ sum: day.scoreSum, count: day.scoreCount, rt: day.responseTimeSum }).toEqual({
      sum: 20,
      count: 3,
      rt: 31_000,
    });
    // Successful calls only in the latency, TTFT and tokens/s histograms; every call in response time.
    expect(totalCount(day.latencyHist)).toBe(2);
    expect(totalCount(day.responseTimeHist)).toBe(3);
    expect(totalCount(day.ttftHist)).toBe(2);
    expect({ out: day.outputTokensSum, in: day.inputTokensSum, cost: day.costSum }).toEqual({
      out: 60,
      in: 7,
      cost: 0.25,
    });
  });

  it('count a call made in a maintenance window only as such', () => {
    const [day] = rollupDeltas([
      call('2026-11-29T10:05:00Z', { inMaintenance: true, success: false, errorKind: 'timeout' }),
    ]);
    expect(day).toMatchObject({ calls: 0, successes: 0, maintenanceCalls: 1, uptimeCounted: 0, errors: {} });
  });

  it('merge hourly deltas into exactly the daily one', () => {
    const calls = Array.from({ length: 50 }, (_, i) =>
      call(`2026-11-29T${String(i % 24).padStart(2, '0')}:30:00Z`, {
        responseTime: 100 + i * 37,
        success: i % 7 !== 0,
        errorKind: i % 7 !== 0 ? null : 'server_error',
      }),
    );
    const deltas = rollupDeltas(calls);
    const [day, ...hours] = deltas;
    const fromHours = hours.reduce(
      (sum, h) => mergeDelta(sum, h),
      emptyDelta('day', day.bucketStart, day.modelId, day.kind),
    );
    expect(fromHours).toEqual(day);
    expect(speedSummary(fromHours)).toEqual(speedSummary(day));
  });
});
