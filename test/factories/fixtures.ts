// Rows for tests, written through the ORM (fixtures are where a test starts from, not what it checks).
import type { DataSource } from 'typeorm';
import { openKey } from '../../src/alerts/alert-rules.js';
import { AlertEntity } from '../../src/alerts/alert.entity.js';
import type { AlertSeverity, AlertType } from '../../src/common/alert-kinds.js';
import type { ModelStatus } from '../../src/common/model-statuses.js';
import { CartridgeExecutionEntity, type ExecutionStatus } from '../../src/cartridges/cartridge-execution.entity.js';
import { CartridgeEntity } from '../../src/cartridges/cartridge.entity.js';
import { utcDate } from '../../src/common/clock.js';
import { DcrsRunEntity, type DcrsRunStatus, type DcrsTrigger } from '../../src/dcrs/dcrs-run.entity.js';
import { type MetricKind } from '../../src/metrics/metric.entity.js';
import { writeCalls } from '../../src/metrics/rollups/rollup-write.repository.js';
import { ModelEntity } from '../../src/models/model.entity.js';
import { RoutingStateEntity } from '../../src/routing/routing-state.entity.js';
import { cartridgeId } from '../setup/rows.js';

export const minutesBefore = (date: Date, minutes: number): Date => new Date(date.getTime() - minutes * 60_000);

/**
 * A past measured call. Defaults: a successful probe of 500 ms scoring 10; a failure scores 0 and
 * is a server_error unless told otherwise.
 */
export async function insertCall(
  dataSource: DataSource,
  row: {
    modelId: number;
    timestamp: Date;
    success?: boolean;
    errorKind?: string | null;
    responseTime?: number;
    kind?: MetricKind;
    score?: number;
    caseId?: string;
    ttftMs?: number;
    tokensPerSecond?: number;
    outputTokens?: number;
  },
): Promise<void> {
  const success = row.success ?? true;
  // Through the application's one write path, so that the rollups hold the row too.
  await writeCalls(dataSource.manager, [
    {
      modelId: row.modelId,
      timestamp: row.timestamp,
      date: utcDate(row.timestamp),
      kind: row.kind ?? 'probe',
      success,
      errorKind: success ? null : (row.errorKind ?? 'server_error'),
      responseTime: row.responseTime ?? 500,
      score: row.score ?? (success ? 10 : 0),
      caseId: row.caseId ?? null,
      ttftMs: row.ttftMs ?? null,
      tokensPerSecond: row.tokensPerSecond ?? null,
      outputTokens: row.outputTokens ?? null,
      runId: null,
    },
  ]);
}

/** A model as the admin API would have created it (no base URL override), in the given state. */
export async function insertModel(
  dataSource: DataSource,
  row: {
    name: string;
    apiType?: string;
    providerModel?: string | null;
    status?: ModelStatus;
    enabled?: boolean;
    uptimePercent?: number;
    updatedAt?: Date;
  },
): Promise<ModelEntity> {
  const repository = dataSource.getRepository(ModelEntity);
  return repository.save(
    repository.create({
      name: row.name,
      apiType: row.apiType ?? 'openai',
      status: row.status ?? 'unknown',
      enabled: row.enabled ?? true,
      uptimePercent: row.uptimePercent ?? 100,
      providerModel: row.providerModel ?? null,
      baseUrl: null,
      updatedAt: row.updatedAt ?? new Date(),
    }),
  );
}

export async function insertDcrsRun(
  dataSource: DataSource,
  row: {
    date: string;
    executionTime: Date;
    totalTests: number;
    avgScore: number;
    bestModel: string;
    changesApplied: boolean;
    status?: DcrsRunStatus;
    trigger?: DcrsTrigger;
  },
): Promise<DcrsRunEntity> {
  const repository = dataSource.getRepository(DcrsRunEntity);
  return repository.save(repository.create({ ...row, timestamp: row.executionTime }));
}

/** A cartridge as stored; a check set makes it one the built-in runner runs. */
export async function insertCartridge(
  dataSource: DataSource,
  row: { name: string; checkSet?: unknown[] | null; dependsOn?: string[] | null; createdAt?: Date },
): Promise<CartridgeEntity> {
  const repository = dataSource.getRepository(CartridgeEntity);
  const createdAt = row.createdAt ?? new Date();
  return repository.save(
    repository.create({
      name: row.name,
      description: null,
      checkSet: row.checkSet ?? null,
      dependsOn: row.dependsOn ?? null,
      scheduleCron: null,
      scheduleTimezone: null,
      createdAt,
      updatedAt: createdAt,
    }),
  );
}

export async function insertExecution(
  dataSource: DataSource,
  cartridgeName: string,
  row: { status: ExecutionStatus; startedAt: Date; durationMs?: number; summary?: string },
): Promise<void> {
  const finishedAt = row.status === 'running' ? null : new Date(row.startedAt.getTime() + (row.durationMs ?? 1000));
  await dataSource.getRepository(CartridgeExecutionEntity).insert({
    cartridgeId: await cartridgeId(dataSource, cartridgeName),
    status: row.status,
    startedAt: row.startedAt,
    finishedAt,
    durationMs: row.status === 'running' ? null : (row.durationMs ?? 1000),
    summary: row.summary ?? null,
  });
}

/** The routing a DCRS run would have decided. */
export async function setRouting(
  dataSource: DataSource,
  primary: string | null,
  fallbacks: string[] = [],
): Promise<void> {
  await dataSource
    .getRepository(RoutingStateEntity)
    .upsert(
      { id: 1, primaryModel: primary, fallbacks, mode: 'auto', updatedAt: new Date(), dcrsRunId: null, reason: 'test' },
      ['id'],
    );
}

/** An open alert, as another instance (or an earlier start) would have written it. */
export async function insertOpenAlert(
  dataSource: DataSource,
  row: { type: AlertType; subject: string; severity?: AlertSeverity; message?: string; at: Date },
): Promise<AlertEntity> {
  const repository = dataSource.getRepository(AlertEntity);
  return repository.save(
    repository.create({
      type: row.type,
      severity: row.severity ?? 'critical',
      subject: row.subject,
      message: row.message ?? `${row.type} ${row.subject}`,
      createdAt: row.at,
      resolvedAt: null,
      acknowledgedAt: null,
      lastNotifiedAt: row.at,
      openKey: openKey(row.type, row.subject),
    }),
  );
}
