// Helpers shared by the probing, models-admin, auth and secrets e2e specs: admin requests, direct reads
// of what the app wrote (through the ORM, so that they work on both engines), history rows, and suites.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { utcDate } from '../../src/common/clock.js';
import { MetricEntity, type MetricKind } from '../../src/metrics/metric.entity.js';
import { ModelEntity } from '../../src/models/model.entity.js';
import type { TestApp } from '../setup/test-app.js';

/** An admin key no response, log line or row could contain by accident (ADMIN_API_KEY needs 16+ characters). */
export function newAdminKey(): string {
  return `admin-${randomUUID()}`;
}

export interface CreatedModel {
  id: number;
  name: string;
  [field: string]: unknown;
}

/** POST /api/models as an admin; fails the test unless it answers 201. */
export async function createModel(
  t: TestApp,
  adminKey: string | null,
  body: Record<string, unknown>,
): Promise<CreatedModel> {
  const req = request(t.server).post('/api/models');
  if (adminKey !== null) req.set('X-API-Key', adminKey);
  const res = await req.send(body);
  if (res.status !== 201) throw new Error(`POST /api/models answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as CreatedModel;
}

/** POST /api/models/:id/probe as an admin; returns the response (status not checked). */
export function probeNow(t: TestApp, adminKey: string, id: number): request.Test {
  return request(t.server).post(`/api/models/${id}/probe`).set('X-API-Key', adminKey);
}

export async function modelDetail(t: TestApp, id: number): Promise<Record<string, unknown>> {
  const res = await request(t.server).get(`/api/models/${id}`).expect(200);
  return res.body as Record<string, unknown>;
}

/** Every daily_metrics row of one model, oldest first. */
export function metricRows(dataSource: DataSource, modelId: number): Promise<MetricEntity[]> {
  return dataSource.getRepository(MetricEntity).find({ where: { modelId }, order: { id: 'ASC' } });
}

export function countRows(dataSource: DataSource, table: 'models' | 'daily_metrics'): Promise<number> {
  const entity = table === 'models' ? ModelEntity : MetricEntity;
  return dataSource.getRepository(entity).createQueryBuilder('x').withDeleted().getCount();
}

/** The model's row as stored, removed ones included. */
export function storedModel(dataSource: DataSource, id: number): Promise<ModelEntity | null> {
  return dataSource.getRepository(ModelEntity).findOne({ where: { id }, withDeleted: true });
}

/** A past measured call, written directly (the history a test starts from, not what it checks). */
export async function insertCall(
  dataSource: DataSource,
  row: {
    modelId: number;
    timestamp: Date;
    success: boolean;
    errorKind?: string | null;
    responseTime?: number;
    kind?: MetricKind;
    score?: number;
  },
): Promise<void> {
  await dataSource.getRepository(MetricEntity).insert({
    modelId: row.modelId,
    timestamp: row.timestamp,
    date: utcDate(row.timestamp),
    kind: row.kind ?? 'probe',
    success: row.success,
    errorKind: row.success ? null : (row.errorKind ?? 'server_error'),
    responseTime: row.responseTime ?? 500,
    score: row.score ?? (row.success ? 10 : 0),
  });
}

/** Writes a suite file into a fresh temporary folder and returns its path. */
export function writeSuiteFile(fileName: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'shawn-suite-')), fileName);
  writeFileSync(path, content, 'utf8');
  return path;
}

/** Every table of the database with every row, as JSON text per table. */
export async function dumpAllTables(dataSource: DataSource): Promise<Record<string, string>> {
  const tables: { name: string }[] =
    dataSource.options.type === 'postgres'
      ? await dataSource.query(`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()`)
      : await dataSource.query(`SELECT name FROM sqlite_master WHERE type = 'table'`);
  const dump: Record<string, string> = {};
  for (const { name } of tables) {
    const rows: unknown[] = await dataSource.query(`SELECT * FROM "${name}"`);
    dump[name] = JSON.stringify(rows);
  }
  return dump;
}

/** Polls until `check` returns a value other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
