import { buildDemoHistory, seededRandom } from './demo-history.js';
import { SEED_MODELS } from '../models/seed-models.js';
import { SEED_CARTRIDGES } from './seed-cartridges.js';

const now = new Date('2026-02-01T12:00:00Z');

describe('buildDemoHistory', () => {
  const history = buildDemoHistory(
    SEED_MODELS,
    SEED_CARTRIDGES.map((c) => c.name),
    now,
  );

  it('is reproducible', () => {
    expect(
      buildDemoHistory(
        SEED_MODELS,
        SEED_CARTRIDGES.map((c) => c.name),
        now,
      ),
    ).toEqual(history);
    expect(seededRandom(1)()).toBe(seededRandom(1)());
  });

  it('has one metric per model per hour for a week, none in the future, scores within 0..10', () => {
    expect(history.metrics).toHaveLength(7 * 24 * SEED_MODELS.length);
    for (const metric of history.metrics) {
      expect(metric.timestamp.getTime()).toBeLessThanOrEqual(now.getTime());
      expect(metric.score).toBeGreaterThanOrEqual(0);
      expect(metric.score).toBeLessThanOrEqual(10);
      expect(metric.date).toBe(metric.timestamp.toISOString().slice(0, 10));
    }
  });

  it('runs the DCRS at 08:00 Seoul time (23:00 UTC the day before) with the Seoul date', () => {
    expect(history.runs.length).toBe(7);
    const latest = history.runs[history.runs.length - 1];
    expect(latest.executionTime.toISOString()).toBe('2026-01-31T23:00:00.000Z');
    expect(latest.date).toBe('2026-02-01');
    expect(latest.bestModel).toBe('Gemini');
    expect(history.runs.filter((r) => r.changesApplied)).toHaveLength(1);
  });

  it('has cartridge executions for both cartridges, mostly successful', () => {
    for (const { name } of SEED_CARTRIDGES) {
      const runs = history.executions.filter((e) => e.cartridgeName === name);
      expect(runs.length).toBeGreaterThan(50);
      expect(runs.filter((e) => e.status === 'success').length / runs.length).toBeGreaterThan(0.9);
    }
  });
});
