import request from 'supertest';
import { CartridgeExecutionEntity } from '../../src/cartridges/cartridge-execution.entity.js';
import { DcrsRunEntity } from '../../src/dcrs/dcrs-run.entity.js';
import { MetricEntity } from '../../src/metrics/metric.entity.js';
import { ModelEntity } from '../../src/models/model.entity.js';
import { countRows } from '../setup/rows.js';
import { createTestDatabase, type TestDatabase } from '../setup/test-database.js';
import { startTestApp } from '../setup/test-app.js';

describe('seeding at start', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('a first start seeds ten models, two cartridges and a week of demo history; a second start adds nothing', async () => {
    const first = await startTestApp({ database, env: { SEED_DEMO_DATA: 'true' } });
    const counts = async () => ({
      models: await countRows(first.dataSource, ModelEntity),
      metrics: await countRows(first.dataSource, MetricEntity),
      demoMetrics: await countRows(first.dataSource, MetricEntity, { kind: 'demo' }),
      runs: await countRows(first.dataSource, DcrsRunEntity, { isDemo: true }),
      executions: await countRows(first.dataSource, CartridgeExecutionEntity, { isDemo: true }),
    });
    const afterFirst = await counts();
    expect(afterFirst.models).toBe(10);
    expect(afterFirst.demoMetrics).toBe(afterFirst.metrics);
    expect(afterFirst.demoMetrics).toBe(7 * 24 * 10);
    expect(afterFirst.runs).toBeGreaterThanOrEqual(6);
    expect(afterFirst.executions).toBeGreaterThan(100);
    const status = await request(first.server).get('/api/dcrs/status').expect(200);
    expect(status.body.best_model).toBe('Gemini');
    await first.close();

    const second = await startTestApp({ database, env: { SEED_DEMO_DATA: 'true' } });
    expect(await countRows(second.dataSource, ModelEntity)).toBe(10);
    expect(await countRows(second.dataSource, MetricEntity)).toBe(afterFirst.metrics);
    expect(await countRows(second.dataSource, DcrsRunEntity)).toBe(afterFirst.runs);
    const models = await request(second.server).get('/api/models').expect(200);
    expect(models.body.models).toHaveLength(10);
    await second.close();
  });
});

describe('seeding without demo data', () => {
  it('SEED_DEMO_DATA=false seeds models and cartridges only', async () => {
    const t = await startTestApp({ env: { SEED_DEMO_DATA: 'false' } });
    try {
      expect(await countRows(t.dataSource, ModelEntity)).toBe(10);
      expect(await countRows(t.dataSource, MetricEntity)).toBe(0);
      const cartridges = await request(t.server).get('/api/cartridges').expect(200);
      expect(cartridges.body.cartridges.map((c: { name: string }) => c.name)).toEqual([
        'Bio-Cartridge',
        'Investment-Cartridge',
      ]);
      await request(t.server).get('/api/dcrs/status').expect(404);
    } finally {
      await t.close();
    }
  });
});

describe('seeding respects removals', () => {
  it('a removed seed model or cartridge does not come back at the next start', async () => {
    const database = await createTestDatabase();
    try {
      const first = await startTestApp({ database });
      await request(first.server).delete('/api/models/1?history=delete').expect(204);
      await request(first.server).delete('/api/cartridges/Bio-Cartridge?history=keep').expect(204);
      await first.close();
      const second = await startTestApp({ database });
      const models = await request(second.server).get('/api/models').expect(200);
      expect(models.body.models.map((m: { name: string }) => m.name)).not.toContain('Gemini');
      expect(models.body.models).toHaveLength(9);
      const cartridges = await request(second.server).get('/api/cartridges').expect(200);
      expect(cartridges.body.cartridges.map((c: { name: string }) => c.name)).toEqual(['Investment-Cartridge']);
      await second.close();
    } finally {
      await database.drop();
    }
  });
});
