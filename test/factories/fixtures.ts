// Rows for tests, written through the ORM (fixtures are not what a test checks).
import type { DataSource } from 'typeorm';
import { CartridgeExecutionEntity, type ExecutionStatus } from '../../src/cartridges/cartridge-execution.entity.js';
import { CartridgeEntity } from '../../src/cartridges/cartridge.entity.js';
import { utcDate } from '../../src/common/clock.js';
import { DcrsRunEntity } from '../../src/dcrs/dcrs-run.entity.js';
import { MetricEntity, type MetricKind } from '../../src/metrics/metric.entity.js';
import { ModelEntity } from '../../src/models/model.entity.js';

export async function modelId(dataSource: DataSource, name: string): Promise<number> {
  const model = await dataSource.getRepository(ModelEntity).findOneByOrFail({ name });
  return model.id;
}

export async function insertMetric(
  dataSource: DataSource,
  row: { modelId: number; score: number; responseTime: number; timestamp: Date; kind?: MetricKind },
): Promise<void> {
  await dataSource
    .getRepository(MetricEntity)
    .insert({ ...row, date: utcDate(row.timestamp), kind: row.kind ?? 'probe' });
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
  },
): Promise<void> {
  await dataSource.getRepository(DcrsRunEntity).insert({ ...row, timestamp: row.executionTime });
}

export async function insertExecution(
  dataSource: DataSource,
  cartridgeName: string,
  row: { status: ExecutionStatus; startedAt: Date; durationMs?: number; summary?: string },
): Promise<void> {
  const cartridge = await dataSource.getRepository(CartridgeEntity).findOneByOrFail({ name: cartridgeName });
  const finishedAt = row.status === 'running' ? null : new Date(row.startedAt.getTime() + (row.durationMs ?? 1000));
  await dataSource.getRepository(CartridgeExecutionEntity).insert({
    cartridgeId: cartridge.id,
    status: row.status,
    startedAt: row.startedAt,
    finishedAt,
    durationMs: row.status === 'running' ? null : (row.durationMs ?? 1000),
    summary: row.summary ?? null,
  });
}

export const minutesBefore = (date: Date, minutes: number): Date => new Date(date.getTime() - minutes * 60_000);
