// The one path by which measured calls are stored: the raw daily_metrics rows and, in the same
// transaction, the additive upsert of their hourly and daily rollups. Every writer (probes,
// evaluations, manual tests, demo seed, test fixtures) comes through writeCalls(). On PostgreSQL
// several instances may write the same rollup row at once: INSERT … ON CONFLICT DO UPDATE adds to
// the row under its row lock, and rows are always upserted in one order, so writers never deadlock.
import { DateUtils } from 'typeorm/util/DateUtils.js';
import type { EntityManager } from 'typeorm';
import { rollupDeltas, type RollupDelta, type RollupInput } from './rollup-deltas.js';

/** A measured call to store. */
export interface NewCallRow extends RollupInput {
  date: string;
  runId: string | null;
  /** Prompt tokens, when the cost columns exist (optional: written by the cost feature). */
  inputTokens?: number | null;
  /** Cost of the call in USD, when known. */
  cost?: number | null;
  /** Made inside a maintenance window: counted apart, never against uptime. */
  inMaintenance?: boolean;
  /** What the provider said answered (model echo, system_fingerprint...); default null. */
  fingerprint?: string | null;
}

/**
 * Raw rows per INSERT statement. PostgreSQL takes them as one array per column (unnest(): 17
 * parameters whatever the count, nothing to parse per row); SQLite as a VALUES list, 17 parameters
 * a row, well under its limit of 32,766.
 */
const RAW_CHUNK = { postgres: 5000, sqlite: 500 } as const;

/** daily_metrics' columns as the INSERT names them (id comes from its sequence), with their PostgreSQL types. */
const RAW_COLUMNS = [
  ['date', 'date'],
  ['model_id', 'integer'],
  ['score', 'double precision'],
  ['response_time', 'integer'],
  ['timestamp', 'timestamptz'],
  ['kind', 'varchar'],
  ['success', 'boolean'],
  ['error_kind', 'varchar'],
  ['ttft_ms', 'integer'],
  ['tokens_per_second', 'double precision'],
  ['output_tokens', 'integer'],
  ['input_tokens', 'integer'],
  ['cost', 'double precision'],
  ['case_id', 'varchar'],
  ['in_maintenance', 'boolean'],
  ['fingerprint', 'varchar'],
  ['run_id', 'varchar'],
] as const;

const ROLLUP_CHUNK = 300;

const COUNT_COLUMNS = [
  'calls',
  'successes',
  'maintenance_calls',
  'uptime_counted',
  'uptime_up',
  'score_sum',
  'score_count',
  'response_time_sum',
  'output_tokens_sum',
  'input_tokens_sum',
  'cost_sum',
] as const;
const JSON_COLUMNS = ['errors', 'response_time_hist', 'latency_hist', 'ttft_hist', 'tps_hist'] as const;
const KEY_COLUMNS = ['resolution', 'bucket_start', 'model_id', 'kind'] as const;
const ALL_COLUMNS = [...KEY_COLUMNS, ...COUNT_COLUMNS, ...JSON_COLUMNS];

type Engine = 'postgres' | 'sqlite';

export function engineOf(manager: EntityManager): Engine {
  return manager.connection.options.type === 'postgres' ? 'postgres' : 'sqlite';
}

/** A Date as the engine's driver stores it (TypeORM writes SQLite datetimes as UTC text). */
export function dbTimestamp(engine: Engine, at: Date): Date | string {
  return engine === 'postgres' ? at : String(DateUtils.mixedDateToUtcDatetimeString(at));
}

function values(engine: Engine, d: RollupDelta): unknown[] {
  return [
    d.resolution,
    dbTimestamp(engine, d.bucketStart),
    d.modelId,
    d.kind,
    d.calls,
    d.successes,
    d.maintenanceCalls,
    d.uptimeCounted,
    d.uptimeUp,
    d.scoreSum,
    d.scoreCount,
    d.responseTimeSum,
    d.outputTokensSum,
    d.inputTokensSum,
    d.costSum,
    JSON.stringify(d.errors),
    JSON.stringify(d.responseTimeHist),
    JSON.stringify(d.latencyHist),
    JSON.stringify(d.ttftHist),
    JSON.stringify(d.tpsHist),
  ];
}

/** One row's parameters in RAW_COLUMNS' order, as the engine's driver takes them (SQLite: 0/1, UTC text). */
function rawValues(engine: Engine, row: NewCallRow): unknown[] {
  const bool = (value: boolean): boolean | number => (engine === 'postgres' ? value : value ? 1 : 0);
  return [
    row.date,
    row.modelId,
    row.score,
    row.responseTime,
    dbTimestamp(engine, row.timestamp),
    row.kind,
    bool(row.success),
    row.errorKind ?? null,
    row.ttftMs ?? null,
    row.tokensPerSecond ?? null,
    row.outputTokens ?? null,
    row.inputTokens ?? null,
    row.cost ?? null,
    row.caseId ?? null,
    bool(row.inMaintenance ?? false),
    row.fingerprint ?? null,
    row.runId ?? null,
  ];
}

/**
 * One parameterized multi-row INSERT of raw calls (built here rather than by the query builder,
 * whose per-row, per-column work cost more than the database's).
 */
export function rawInsertStatement(engine: Engine, rows: readonly NewCallRow[]): { sql: string; params: unknown[] } {
  const columns = RAW_COLUMNS.map(([name]) => `"${name}"`).join(', ');
  if (engine === 'postgres') {
    const arrays: unknown[][] = RAW_COLUMNS.map(() => []);
    for (const row of rows) rawValues(engine, row).forEach((value, i) => arrays[i].push(value));
    const unnest = RAW_COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
    return { sql: `INSERT INTO daily_metrics (${columns}) SELECT * FROM unnest(${unnest})`, params: arrays };
  }
  const params: unknown[] = [];
  const tuples: string[] = [];
  for (const row of rows) {
    params.push(...rawValues(engine, row));
    tuples.push(`(${RAW_COLUMNS.map(() => '?').join(', ')})`);
  }
  return { sql: `INSERT INTO daily_metrics (${columns}) VALUES ${tuples.join(', ')}`, params };
}

/** SQL adding two JSON objects of counts key by key, in the engine's own JSON functions. */
function jsonSum(engine: Engine, column: string): string {
  if (engine === 'postgres') {
    return (
      `(SELECT COALESCE(jsonb_object_agg(key, total), '{}'::jsonb)::text FROM (SELECT key, SUM(value::numeric) AS total ` +
      `FROM (SELECT * FROM jsonb_each_text(metric_rollups.${column}::jsonb) ` +
      `UNION ALL SELECT * FROM jsonb_each_text(EXCLUDED.${column}::jsonb)) parts GROUP BY key) sums)`
    );
  }
  return (
    `(SELECT COALESCE(json_group_object(key, total), '{}') FROM (SELECT key, SUM(value) AS total ` +
    `FROM (SELECT key, value FROM json_each(metric_rollups.${column}) ` +
    `UNION ALL SELECT key, value FROM json_each(excluded.${column})) GROUP BY key))`
  );
}

/** One multi-row additive upsert statement and its parameters. */
export function upsertStatement(engine: Engine, deltas: readonly RollupDelta[]): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const tuples = deltas.map((delta) => {
    const placeholders = values(engine, delta).map((value) => {
      params.push(value);
      return engine === 'postgres' ? `$${params.length}` : '?';
    });
    return `(${placeholders.join(', ')})`;
  });
  const excluded = engine === 'postgres' ? 'EXCLUDED' : 'excluded';
  const sets = [
    ...COUNT_COLUMNS.map((c) => `${c} = metric_rollups.${c} + ${excluded}.${c}`),
    ...JSON_COLUMNS.map((c) => `${c} = ${jsonSum(engine, c)}`),
  ];
  const sql =
    `INSERT INTO metric_rollups (${ALL_COLUMNS.join(', ')}) VALUES ${tuples.join(', ')} ` +
    `ON CONFLICT (${['resolution', 'model_id', 'bucket_start', 'kind'].join(', ')}) DO UPDATE SET ${sets.join(', ')}`;
  return { sql, params };
}

/** Adds the deltas to the rollup rows (creating them), inside the caller's transaction. */
export async function upsertRollups(manager: EntityManager, deltas: readonly RollupDelta[]): Promise<void> {
  const engine = engineOf(manager);
  for (let i = 0; i < deltas.length; i += ROLLUP_CHUNK) {
    const { sql, params } = upsertStatement(engine, deltas.slice(i, i + ROLLUP_CHUNK));
    await manager.query(sql, params);
  }
}

/**
 * Stores calls and their rollups. On PostgreSQL in one transaction (the caller's, when `manager` is
 * already inside one: the seed writes its whole history so). On SQLite the one connection cannot hold
 * two transactions at once and the app never opened any around these writes (a second writer's BEGIN
 * would fail while another is open): the statements run one after another, each upsert is atomic and
 * additive on its own, and inside a caller's transaction they are part of it.
 */
export async function writeCalls(manager: EntityManager, rows: readonly NewCallRow[]): Promise<void> {
  if (rows.length === 0) return;
  const work = async (tx: EntityManager): Promise<void> => {
    const engine = engineOf(tx);
    for (let i = 0; i < rows.length; i += RAW_CHUNK[engine]) {
      const { sql, params } = rawInsertStatement(engine, rows.slice(i, i + RAW_CHUNK[engine]));
      await tx.query(sql, params);
    }
    await upsertRollups(tx, rollupDeltas(rows));
  };
  if (manager.queryRunner?.isTransactionActive || engineOf(manager) === 'sqlite') await work(manager);
  else await manager.transaction(work);
}
