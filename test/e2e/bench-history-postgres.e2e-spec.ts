// A quick smoke run of benchmark scenario 2 (bench/scenarios/history.ts): it still seeds, serves and
// measures, and reports its targets. The numbers of a quick run on a shared machine mean nothing.
import { historyScenario } from '../../bench/scenarios/history.js';

describe('bench scenario: history', () => {
  it('runs quick on PostgreSQL and reports both targets for the series and the detail', async () => {
    const result = await historyScenario.run({ quick: true, postgresUrl: process.env['TEST_DATABASE_URL'] });
    expect(result.scenario).toBe('history');
    expect(result.targets).toHaveLength(4);
    for (const target of result.targets) {
      expect(target).toEqual({
        name: expect.any(String),
        target: expect.any(String),
        actual: expect.any(String),
        met: expect.any(Boolean),
      });
    }
    for (const key of [
      'raw_rows',
      'series_http_p95_ms',
      'detail_http_p95_ms',
      'raw_group_by_series_sql_p95_ms',
      'raw_group_by_detail_sql_p95_ms',
    ]) {
      expect(result.measurements[key]).toBeGreaterThan(0);
    }
    expect(result.measurements['raw_rows']).toBe(4 * 2 * 288);
  }, 120_000);

  it('skips with a note without PostgreSQL', async () => {
    const result = await historyScenario.run({ quick: true, postgresUrl: undefined });
    expect(result.targets).toEqual([]);
    expect(result.notes.join(' ')).toContain('needs PostgreSQL');
  });
});
