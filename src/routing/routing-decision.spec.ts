import { decideRouting, rankCandidates, type RoutingCandidate } from './routing-decision.js';

const c = (
  name: string,
  score: number,
  p50LatencyMs: number | null = 1000,
  uptimePercent = 100,
  status: RoutingCandidate['status'] = 'healthy',
): RoutingCandidate => ({
  name,
  score,
  p50LatencyMs,
  uptimePercent,
  status,
});
const rules = { minUptime: 95 };

describe('rankCandidates', () => {
  it('orders by score first', () => {
    expect(rankCandidates([c('A', 8.9), c('B', 9.5), c('C', 9.1)], rules).map((x) => x.name)).toEqual(['B', 'C', 'A']);
  });

  it('breaks a score tie by lower p50 latency, then by higher uptime', () => {
    const ranked = rankCandidates([c('Slow', 9, 2000), c('Fast', 9, 800), c('FastLessUp', 9, 800, 96)], rules);
    expect(ranked.map((x) => x.name)).toEqual(['Fast', 'FastLessUp', 'Slow']);
  });

  it('a model whose calls all failed (no latency) ranks after one with a latency', () => {
    expect(rankCandidates([c('NoLatency', 9, null), c('Measured', 9, 5000)], rules).map((x) => x.name)).toEqual([
      'Measured',
      'NoLatency',
    ]);
  });

  it('leaves out models that are down or below the minimum uptime', () => {
    const ranked = rankCandidates(
      [c('Down', 9.9, 500, 100, 'down'), c('Flaky', 9.8, 500, 94.9), c('Ok', 8, 500, 95)],
      rules,
    );
    expect(ranked.map((x) => x.name)).toEqual(['Ok']);
  });

  it('keeps degraded models (they are still up)', () => {
    expect(rankCandidates([c('Degraded', 9, 500, 99, 'degraded')], rules)).toHaveLength(1);
  });
});

describe('decideRouting', () => {
  it('with no primary yet, the best becomes primary and the rest fall back in order', () => {
    const decision = decideRouting(null, rankCandidates([c('A', 9), c('B', 9.5), c('C', 8)], rules), 0.2);
    expect(decision).toMatchObject({ primary: 'B', fallbacks: ['A', 'C'], changed: true });
  });

  it('keeps the primary when the new best wins by less than the margin', () => {
    const decision = decideRouting('A', rankCandidates([c('A', 9.0), c('B', 9.19)], rules), 0.2);
    expect(decision).toMatchObject({ primary: 'A', fallbacks: ['B'], changed: false });
  });

  it('switches when the new best wins by exactly the margin', () => {
    const decision = decideRouting('A', rankCandidates([c('A', 9.0), c('B', 9.2)], rules), 0.2);
    expect(decision).toMatchObject({ primary: 'B', fallbacks: ['A'], changed: true });
  });

  it('switches when the current primary is down, whatever the margin', () => {
    const decision = decideRouting('A', rankCandidates([c('A', 9.9, 500, 100, 'down'), c('B', 8)], rules), 0.2);
    expect(decision).toMatchObject({ primary: 'B', changed: true });
    expect(decision.reason).toContain('no longer eligible');
  });

  it('when nothing is eligible, routing is left as it was', () => {
    expect(decideRouting('A', [], 0.2)).toMatchObject({ primary: 'A', changed: false, fallbacks: [] });
  });

  it('the current primary staying first is no change', () => {
    expect(decideRouting('A', rankCandidates([c('A', 9.5), c('B', 9)], rules), 0.2)).toMatchObject({
      primary: 'A',
      changed: false,
    });
  });
});
