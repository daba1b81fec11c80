// Helpers shared by the cartridge e2e specs: keys, the routing a run starts from, requests, and
// direct reads of what the app wrote (through the ORM, so that they work on both engines).
import { randomUUID } from 'node:crypto';
import { EventEmitter2 } from '@nestjs/event-emitter';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { CartridgeExecutionEntity } from '../../src/cartridges/cartridge-execution.entity.js';
import { CartridgeEntity } from '../../src/cartridges/cartridge.entity.js';
import type { CartridgeResultEvent } from '../../src/events/domain-events.js';
import { RoutingStateEntity } from '../../src/routing/routing-state.entity.js';
import type { TestApp } from '../setup/test-app.js';

export const newKey = (kind: 'admin' | 'ingest'): string => `${kind}-${randomUUID()}`;

/** The routing a DCRS run would have decided (written directly: it is where a test starts from). */
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

/** POST /api/cartridges as an admin; fails the test unless it answers 201. */
export async function createCartridge(
  t: TestApp,
  adminKey: string,
  body: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const res = await request(t.server).post('/api/cartridges').set('X-API-Key', adminKey).send(body);
  if (res.status !== 201) throw new Error(`POST /api/cartridges answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as Record<string, unknown>;
}

export function postResult(
  t: TestApp,
  name: string,
  key: string | null,
  idempotencyKey: string | null,
  body: unknown,
): request.Test {
  const req = request(t.server).post(`/api/cartridges/${encodeURIComponent(name)}/results`);
  if (key !== null) req.set('X-API-Key', key);
  if (idempotencyKey !== null) req.set('Idempotency-Key', idempotencyKey);
  return req.send(body as object);
}

/** Every execution row, of removed cartridges too. */
export function countExecutions(dataSource: DataSource, cartridgeId?: number): Promise<number> {
  const repository = dataSource.getRepository(CartridgeExecutionEntity);
  return cartridgeId === undefined ? repository.count() : repository.countBy({ cartridgeId });
}

export function countCartridges(dataSource: DataSource): Promise<number> {
  return dataSource.getRepository(CartridgeEntity).createQueryBuilder('c').withDeleted().getCount();
}

export function storedCartridge(dataSource: DataSource, id: number): Promise<CartridgeEntity | null> {
  return dataSource.getRepository(CartridgeEntity).findOne({ where: { id }, withDeleted: true });
}

export async function cartridgeId(dataSource: DataSource, name: string): Promise<number> {
  return (await dataSource.getRepository(CartridgeEntity).findOneByOrFail({ name })).id;
}

/** Collects every cartridge.result event the app publishes from now on. */
export function recordResults(t: TestApp): CartridgeResultEvent[] {
  const events: CartridgeResultEvent[] = [];
  t.app.get(EventEmitter2).on('cartridge.result', (event: CartridgeResultEvent) => events.push(event));
  return events;
}

export async function listed(t: TestApp, name: string): Promise<Record<string, unknown> | undefined> {
  const res = await request(t.server).get('/api/cartridges').expect(200);
  return (res.body.cartridges as Record<string, unknown>[]).find((c) => c['name'] === name);
}

/** A check set in the suite format that the evaluation env's fake scores: answers must say alpha, then beta. */
export const ALPHA_BETA_CHECKS = [
  { id: 'alpha', prompt: 'Say alpha', assert: [{ type: 'icontains', value: 'alpha' }] },
  { id: 'beta', prompt: 'Say beta', assert: [{ type: 'icontains', value: 'beta' }] },
];
