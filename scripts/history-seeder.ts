// Fills a database with realistic measured history (probes of many models over many days) and builds
// the rollups of exactly what it wrote, through the same delta and upsert code as the live path.
// PostgreSQL: one INSERT … SELECT FROM unnest(arrays) per 20,000 rows (near COPY speed without a COPY
// client library); SQLite: multi-row INSERTs. One transaction per model on PostgreSQL.
import type { DataSource, EntityManager } from 'typeorm';
import { DAY_MS, utcDate } from '../src/common/clock.js';
import { MetricEntity } from '../src/metrics/metric.entity.js';
import { rollupDeltas } from '../src/metrics/rollups/rollup-deltas.js';
import { engineOf, upsertRollups, type NewCallRow } from '../src/metrics/rollups/rollup-write.repository.js';
import { ModelEntity } from '../src/models/model.entity.js';

export interface HistoryOptions {
  days: number;
  models: number;
  intervalSeconds: number;
  now?: Date;
  /** Called after each chunk with rows written so far and the total. */
  progress?: (written: number, total: number) => void;
  /** Name prefix of the models created. */
  prefix?: string;
  /**
   * PostgreSQL: drop daily_metrics' secondary indexes for the load and build them again afterwards
   * (several times faster). Only on a database nobody else uses meanwhile (benchmarks).
   */
  rebuildIndexes?: boolean;
}

export interface HistoryResult {
  modelIds: number[];
  rows: number;
  seconds: number;
}

const PG_CHUNK = 20_000;
const SQLITE_CHUNK = 500;
const ERROR_KINDS = ['timeout', 'server_error', 'rate_limited', 'network', 'bad_response'];

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** One model's probes: its own typical latency, error rate, a daily rhythm and the odd bad hour. */
export function modelHistory(modelId: number, seed: number, from: number, to: number, stepMs: number): NewCallRow[] {
  const random = mulberry32(seed);
  const base = 250 + random() * 2500;
  const failRate = 0.002 + random() * 0.03;
  const speed = 30 + random() * 150;
  const rows: NewCallRow[] = [];
  for (let at = from; at < to; at += stepMs) {
    const hourOfDay = (at / 3_600_000) % 24;
    const busy = 1 + 0.35 * Math.sin(((hourOfDay - 9) / 24) * 2 * Math.PI);
    const badHour = Math.floor(at / 3_600_000) % 97 === seed % 97;
    const success = random() > (badHour ? 0.4 : failRate);
    const latency = Math.round(base * busy * (0.7 + random() * 0.6) * (random() < 0.03 ? 3 : 1));
    const timestamp = new Date(at);
    const tokens = success ? Math.round(8 + random() * 40) : null;
    rows.push({
      modelId,
      kind: 'probe',
      timestamp,
      date: utcDate(timestamp),
      score: success ? 10 : 0,
      responseTime: success ? latency : Math.round(latency * 2),
      success,
      errorKind: success ? null : ERROR_KINDS[Math.floor(random() * ERROR_KINDS.length)],
      ttftMs: success ? Math.round(latency * (0.15 + random() * 0.2)) : null,
      tokensPerSecond: success ? Math.round(speed * (0.8 + random() * 0.4) * 10) / 10 : null,
      outputTokens: tokens,
      caseId: null,
      runId: null,
    });
  }
  return rows;
}

async function insertRawPostgres(manager: EntityManager, rows: readonly NewCallRow[]): Promise<void> {
  await manager.query(
    `INSERT INTO daily_metrics (date, model_id, score, response_time, timestamp, kind, success, error_kind, ttft_ms, tokens_per_second, output_tokens)
     SELECT * FROM unnest($1::date[], $2::int[], $3::float8[], $4::int[], $5::timestamptz[], $6::varchar[], $7::bool[],
                          $8::varchar[], $9::int[], $10::float8[], $11::int[])`,
    [
      rows.map((r) => r.date),
      rows.map((r) => r.modelId),
      rows.map((r) => r.score),
      rows.map((r) => r.responseTime),
      rows.map((r) => r.timestamp.toISOString()),
      rows.map((r) => r.kind),
      rows.map((r) => r.success),
      rows.map((r) => r.errorKind),
      rows.map((r) => r.ttftMs),
      rows.map((r) => r.tokensPerSecond),
      rows.map((r) => r.outputTokens),
    ],
  );
}

async function insertRawSqlite(manager: EntityManager, rows: readonly NewCallRow[]): Promise<void> {
  await manager
    .createQueryBuilder()
    .insert()
    .into(MetricEntity)
    .values([...rows])
    .updateEntity(false)
    .execute();
}

/** Creates the models (disabled: history only, nobody probes them) and returns their ids. */
async function createModels(dataSource: DataSource, count: number, prefix: string, now: Date): Promise<number[]> {
  const names = Array.from({ length: count }, (_, i) => `${prefix}${String(i + 1).padStart(4, '0')}`);
  for (let i = 0; i < names.length; i += 200) {
    await dataSource
      .createQueryBuilder()
      .insert()
      .into(ModelEntity)
      .values(
        names
          .slice(i, i + 200)
          .map((name) => ({ name, apiType: 'openai', enabled: false, status: 'healthy' as const, updatedAt: now })),
      )
      .orIgnore()
      .updateEntity(false)
      .execute();
  }
  const rows = await dataSource
    .getRepository(ModelEntity)
    .createQueryBuilder('m')
    .select(['m.id', 'm.name'])
    .where('m.name LIKE :prefix', { prefix: `${prefix}%` })
    .orderBy('m.name')
    .getMany();
  return rows.map((row) => row.id);
}

/** Drops daily_metrics' indexes other than its primary key; returns the statements that rebuild them. */
async function dropSecondaryIndexes(dataSource: DataSource): Promise<string[]> {
  const rows: { indexname: string; indexdef: string }[] = await dataSource.query(
    `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'daily_metrics'
       AND indexname NOT IN (SELECT conname FROM pg_constraint)`,
  );
  for (const row of rows) await dataSource.query(`DROP INDEX "${row.indexname}"`);
  return rows.map((row) => row.indexdef);
}

export async function seedHistory(dataSource: DataSource, options: HistoryOptions): Promise<HistoryResult> {
  const started = Date.now();
  const now = options.now ?? new Date();
  const stepMs = options.intervalSeconds * 1000;
  const to = Math.floor(now.getTime() / stepMs) * stepMs;
  const from = to - options.days * DAY_MS;
  const perModel = Math.ceil((to - from) / stepMs);
  const total = perModel * options.models;
  const modelIds = await createModels(dataSource, options.models, options.prefix ?? 'history-', now);
  const postgres = engineOf(dataSource.manager) === 'postgres';
  const indexes = postgres && options.rebuildIndexes ? await dropSecondaryIndexes(dataSource) : [];
  let written = 0;
  const seedModel = async (index: number): Promise<void> => {
    const rows = modelHistory(modelIds[index], index + 1, from, to, stepMs);
    const write = async (manager: EntityManager): Promise<void> => {
      // A crash loses at most this model's rows, which the transaction would drop anyway.
      if (postgres) await manager.query('SET LOCAL synchronous_commit = off');
      const chunk = postgres ? PG_CHUNK : SQLITE_CHUNK;
      for (let i = 0; i < rows.length; i += chunk) {
        const part = rows.slice(i, i + chunk);
        await (postgres ? insertRawPostgres(manager, part) : insertRawSqlite(manager, part));
        written += part.length;
        options.progress?.(written, total);
      }
      // The rollups of exactly these rows, as the live path would have built them one by one.
      await upsertRollups(manager, rollupDeltas(rows));
    };
    await dataSource.transaction(write);
  };
  // PostgreSQL: two models at a time (one per core); SQLite: one writer.
  const parallel = postgres ? 2 : 1;
  for (let i = 0; i < modelIds.length; i += parallel) {
    await Promise.all(modelIds.slice(i, i + parallel).map((_, j) => seedModel(i + j)));
  }
  for (const definition of indexes) await dataSource.query(definition);
  if (postgres) await dataSource.query('ANALYZE daily_metrics; ANALYZE metric_rollups');
  return { modelIds, rows: written, seconds: (Date.now() - started) / 1000 };
}
