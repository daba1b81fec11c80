// Executions reported by workers outside the process, exactly once per Idempotency-Key: the same key
// with the same body answers the stored execution again and writes nothing; with another body, 409.
// The unique index on (cartridge_id, idempotency_key) decides between concurrent first attempts.
import { Injectable } from '@nestjs/common';
import { conflict, invalidInput } from '../common/domain-error.js';
import type { CartridgeExecutionEntity } from './cartridge-execution.entity.js';
import { CartridgeResultPublisher } from './cartridge-result.publisher.js';
import { CartridgesRepository } from './cartridges.repository.js';
import { CartridgesService } from './cartridges.service.js';
import { toExecutionResponse } from './dto/cartridge.mapper.js';
import type { CartridgeExecutionResponse } from './dto/cartridge.response.js';
import { checkWorkerReport, reportHash, type WorkerReport } from './worker-report.js';

export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

export interface IngestOutcome {
  /** True when the key had been seen with this body: nothing was written. */
  replayed: boolean;
  execution: CartridgeExecutionResponse;
}

@Injectable()
export class CartridgeIngestService {
  constructor(
    private readonly cartridges: CartridgesService,
    private readonly repository: CartridgesRepository,
    private readonly publisher: CartridgeResultPublisher,
  ) {}

  async ingest(name: string, idempotencyKey: string | undefined, report: WorkerReport): Promise<IngestOutcome> {
    const key = requireIdempotencyKey(idempotencyKey);
    const checked = checkWorkerReport(report);
    if (!checked.ok) throw invalidInput(checked.problem);
    const cartridge = await this.cartridges.require(name);
    const hash = reportHash(report);

    const earlier = await this.repository.findExecutionByKey(cartridge.id, key);
    if (earlier) return replay(earlier, hash);

    const { value } = checked;
    const inserted = await this.repository.insertExecution({
      cartridgeId: cartridge.id,
      status: value.status,
      startedAt: value.startedAt,
      finishedAt: value.finishedAt,
      durationMs: value.durationMs,
      summary: value.summary,
      source: 'worker',
      modelUsed: null,
      output: value.output,
      idempotencyKey: key,
      requestHash: hash,
    });
    if (!inserted) {
      // A concurrent request with the same key won the unique index: answer as its replay.
      const winner = await this.repository.findExecutionByKey(cartridge.id, key);
      if (!winner) throw new Error(`Idempotency-Key of cartridge ${cartridge.id} collided but no execution holds it`);
      return replay(winner, hash);
    }
    await this.publisher.recorded(cartridge, inserted);
    return { replayed: false, execution: toExecutionResponse(inserted) };
  }
}

function requireIdempotencyKey(header: string | undefined): string {
  if (header === undefined || header.length === 0 || header.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw invalidInput(`Idempotency-Key header is required: 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`);
  }
  return header;
}

function replay(earlier: CartridgeExecutionEntity, hash: string): IngestOutcome {
  if (earlier.requestHash !== hash) {
    throw conflict('This Idempotency-Key was already used with a different body: use a new key for a new report');
  }
  return { replayed: true, execution: toExecutionResponse(earlier) };
}
