// Writes probe results: their daily_metrics rows, then the model state they drive. A round's results come
// together (probe-write-batch.ts): their rows in one insertCalls call, then each model's state. While the database
// does not answer, results wait here in memory, in the order they came, at most RESULT_BUFFER_MAX of
// them (past that the oldest go, counted), and are written when it answers again: a database outage
// loses no measurement. Results may be written twice if a connection breaks after the database
// committed the row but before it said so; never silently lost.
import { Inject, Injectable, Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { DatabaseAvailability } from '../database/database-availability.js';
import { DomainEventBus } from '../events/domain-events.js';
import { MetricsRepository, type NewCallRow } from '../metrics/metrics.repository.js';
import type { ModelEntity } from '../models/model.entity.js';
import { ModelsRepository } from '../models/models.repository.js';
import { ModelStateService, type ProbeOutcome } from './model-state.service.js';
import { ResultBuffer } from './result-buffer.js';

/** Rows per write when catching up: one INSERT statement, so that a batch is written whole or not at all. */
const FLUSH_BATCH = 200;
const FIRST_PAUSE_MS = 100;

/** Model states updated together after a batch's rows are in (a few reads and one locked write for all). */
const STATE_CHUNK = 250;

/** One probe's measurement, ready to be written. */
export interface MeasuredProbe {
  model: ModelEntity;
  row: NewCallRow;
  outcome: ProbeOutcome;
}

interface PendingResult {
  modelId: number;
  row: NewCallRow;
  outcome: ProbeOutcome;
  /** The row is in; only the state update is left. */
  rowWritten: boolean;
  stateWritten: boolean;
}

@Injectable()
export class ProbeResultRecorder {
  private readonly logger = new Logger(ProbeResultRecorder.name);
  private readonly pending: ResultBuffer<PendingResult>;
  private readonly retryMaxMs: number;
  private flushing: Promise<void> | null = null;
  private readonly stopping = new AbortController();
  /** Kept results written since the buffer was last empty (for the line that says so). */
  private writtenLate = 0;
  private warnedFull = false;

  constructor(
    private readonly metrics: MetricsRepository,
    private readonly models: ModelsRepository,
    private readonly state: ModelStateService,
    private readonly database: DatabaseAvailability,
    private readonly events: DomainEventBus,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.pending = new ResultBuffer(config.resilience.resultBufferMax);
    this.retryMaxMs = config.resilience.databaseRetryMaxMs;
  }

  /** Results waiting for the database. */
  get buffered(): number {
    return this.pending.size;
  }

  /**
   * Writes the result now and returns the model's updated row; or, when the database does not answer
   * (or earlier results still wait, whose order must hold), keeps it for later and returns null.
   */
  async record(model: ModelEntity, row: NewCallRow, outcome: ProbeOutcome): Promise<ModelEntity | null> {
    const result: PendingResult = { modelId: model.id, row, outcome, rowWritten: false, stateWritten: false };
    if (this.pending.size === 0 && this.database.available) {
      try {
        await this.metrics.insertCalls([row]);
        result.rowWritten = true;
        return await this.state.afterProbes(model, [outcome]);
      } catch (error) {
        if (!this.database.noteFailure(error)) throw error;
      }
    }
    this.keep(result);
    return null;
  }

  /**
   * Writes many results: all their rows in one insertCalls call, then each model's state once (from
   * all its results, oldest first, like the catch-up below). What the
   * database does not take (it went away meanwhile) is kept and written later, like record()'s.
   */
  async recordMany(probes: readonly MeasuredProbe[]): Promise<void> {
    const results = probes.map(({ model, row, outcome }): PendingResult => ({
      modelId: model.id,
      row,
      outcome,
      rowWritten: false,
      stateWritten: false,
    }));
    if (this.pending.size === 0 && this.database.available) {
      try {
        await this.metrics.insertCalls(results.map((result) => result.row));
        for (const result of results) result.rowWritten = true;
        // Each model's state once, from its results in order; all of the batch's models together
        // (their evidence in a few queries, their rows in one locked write), STATE_CHUNK at a time.
        const groups = [...byModel(results)].map(([, group]) => group);
        const modelOf = new Map(probes.map((probe) => [probe.model.id, probe.model]));
        for (let i = 0; i < groups.length; i += STATE_CHUNK) {
          const chunk = groups.slice(i, i + STATE_CHUNK);
          await this.state.afterProbesOfModels(
            chunk.map((group) => ({
              model: modelOf.get(group[0].modelId)!,
              outcomes: group.map((result) => result.outcome),
            })),
          );
          for (const group of chunk) for (const result of group) result.stateWritten = true;
        }
        return;
      } catch (error) {
        if (!this.database.noteFailure(error)) {
          // Refused, not an outage: what is left goes the one-by-one way of the kept results.
          this.logger.error({ err: error }, 'A batch of probe results was refused; retrying them one by one');
        }
      }
    }
    for (const result of results) if (!result.stateWritten) this.keep(result);
  }

  /**
   * At shutdown, while the database is still open: gives the results still waiting up to `graceMs`
   * to be written, then stops trying and says how many are lost.
   */
  async close(graceMs: number): Promise<void> {
    if (this.pending.size > 0) {
      await Promise.race([this.idle(), sleep(graceMs, undefined, { ref: false })]);
    }
    this.stopping.abort();
    if (this.pending.size > 0) {
      this.logger.error(
        `${this.pending.size} probe result(s) could not be written before the stop: the database did not answer`,
      );
    }
  }

  /** Resolves once nothing waits (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private keep(result: PendingResult): void {
    this.changed(this.pending.push(result));
    this.startFlushing();
  }

  private startFlushing(): void {
    if (this.flushing || this.stopping.signal.aborted) return;
    this.flushing = this.flush().finally(() => {
      this.flushing = null;
      // A result kept between the loop's last look and here would otherwise wait for the next one.
      if (this.pending.size > 0) this.startFlushing();
    });
  }

  /**
   * Writes what waits, oldest first; after each failure it waits for the database, then a pause that
   * grows. A batch the database refuses (not an outage) is retried one result at a time, so that
   * only the results it refuses are dropped.
   */
  private async flush(): Promise<void> {
    let pause = FIRST_PAUSE_MS;
    let oneByOne = 0;
    while (this.pending.size > 0 && !this.stopping.signal.aborted) {
      await this.database.whenAvailable();
      const batch = this.pending.take(oneByOne > 0 ? 1 : FLUSH_BATCH);
      try {
        await this.write(batch);
        this.writtenLate += batch.length;
        pause = FIRST_PAUSE_MS;
        oneByOne = Math.max(0, oneByOne - 1);
        this.changed(0);
      } catch (error) {
        const left = batch.filter((result) => !result.stateWritten);
        if (this.database.noteFailure(error)) {
          this.changed(this.pending.putBack(left));
          try {
            await sleep(pause, undefined, { signal: this.stopping.signal });
          } catch {
            return; // stopping
          }
          pause = Math.min(pause * 2, this.retryMaxMs);
        } else if (left.length > 1) {
          oneByOne = left.length;
          this.changed(this.pending.putBack(left));
        } else {
          this.logger.error(
            { err: error, modelId: left[0]?.modelId },
            'A kept probe result was refused; it is dropped',
          );
          this.drop(left.length, 'refused');
          this.changed(0);
        }
      }
    }
    if (this.pending.size === 0 && this.writtenLate > 0) {
      this.logger.log(`${this.writtenLate} probe result(s) kept while the database was away are written`);
      this.writtenLate = 0;
      this.warnedFull = false;
    }
  }

  /** The rows in one statement, then each model's state once, from its results in order. */
  private async write(batch: PendingResult[]): Promise<void> {
    const unwritten = batch.filter((result) => !result.rowWritten);
    if (unwritten.length > 0) {
      await this.metrics.insertCalls(unwritten.map((result) => result.row));
      for (const result of unwritten) result.rowWritten = true;
    }
    for (const [modelId, results] of byModel(batch)) {
      if (results.every((result) => result.stateWritten)) continue;
      const model = await this.models.findById(modelId);
      // A model removed meanwhile keeps its rows; it has no state left to update.
      if (model)
        await this.state.afterProbes(
          model,
          results.map((result) => result.outcome),
        );
      for (const result of results) result.stateWritten = true;
    }
  }

  private changed(dropped: number): void {
    if (dropped > 0) this.drop(dropped, 'overflow');
    this.events.publish('probe.results_buffered', { buffered: this.pending.size });
  }

  private drop(count: number, reason: 'overflow' | 'refused'): void {
    if (count === 0) return;
    this.events.publish('probe.results_dropped', { count, reason });
    if (reason === 'overflow' && !this.warnedFull) {
      this.warnedFull = true;
      this.logger.warn(
        `The probe result buffer is full (RESULT_BUFFER_MAX=${this.pending.capacity}): the oldest results are dropped`,
      );
    }
  }
}

function byModel(batch: readonly PendingResult[]): Map<number, PendingResult[]> {
  const groups = new Map<number, PendingResult[]>();
  for (const result of batch) {
    const group = groups.get(result.modelId);
    if (group) group.push(result);
    else groups.set(result.modelId, [result]);
  }
  return groups;
}
