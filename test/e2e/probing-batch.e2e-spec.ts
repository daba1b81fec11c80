// A probe round's results are written together: one insertCalls call for the round's rows (on
// PostgreSQL every row then carries the same transaction id, xmin), then each model's state.
import { MetricEntity } from '../../src/metrics/metric.entity.js';
import { ModelEntity } from '../../src/models/model.entity.js';
import { ProbeService } from '../../src/probing/probe.service.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ env: { SIMULATE_PROVIDERS: 'true' } });
});
afterAll(async () => {
  await t.close();
});

async function transactionsOfRows(): Promise<number> {
  const [row] = await t.dataSource.query<{ n: string }[]>(
    'SELECT count(DISTINCT xmin::text) AS n FROM daily_metrics WHERE case_id IS NULL',
  );
  return Number(row?.n);
}

it('writes every row of a simulated round in one statement, then updates each model once', async () => {
  const metrics = t.dataSource.getRepository(MetricEntity);
  const before = await metrics.count();
  const summary = await t.app.get(ProbeService).probeAll();
  expect(summary.probed).toBe(10);
  expect(await metrics.count()).toBe(before + 10);
  const models = await t.dataSource.getRepository(ModelEntity).find();
  expect(models.every((m) => m.lastProbeAt !== null)).toBe(true);
  if (t.config.database.engine === 'postgres') expect(await transactionsOfRows()).toBe(1);

  await t.app.get(ProbeService).probeAll();
  expect(await metrics.count()).toBe(before + 20);
  if (t.config.database.engine === 'postgres') expect(await transactionsOfRows()).toBe(2);
});
