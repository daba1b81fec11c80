// GET /api/models and the model_update payload, kept in memory: built from one database read, serialized
// once (its bytes and a strong ETag), and rebuilt on the next read after a model changed. A change is a
// state update after a probe or an evaluation (the model.state_changed domain event), an admin write
// (ModelsService calls invalidate()), or either of them on another instance (ClusterInvalidation: an
// admin change as `model`, probe state as `model_state`, said at most once per STATE_NOTICE_MS).
// `timestamp` in the body is when the snapshot was read, i.e. how current the figures are.
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { ClusterInvalidation } from '../cluster/cluster-invalidation.js';
import { Clock } from '../common/clock.js';
import { OnDomainEvent } from '../events/on-domain-event.js';
import { ProviderRegistry } from '../providers/provider-registry.js';
import { toModelListResponse } from './dto/model.mapper.js';
import type { ModelListResponse } from './dto/model.response.js';
import { strongEtag } from './model-list.etag.js';
import { ModelsRepository } from './models.repository.js';

/** How often at most this instance tells the others that probe results changed model state. */
const STATE_NOTICE_MS = 250;

export interface ModelListSnapshot {
  readonly body: ModelListResponse;
  /** JSON.stringify(body), as Express would have sent it. */
  readonly bytes: Buffer;
  readonly etag: string;
  /** Each model's JSON text, by id (what the delta stream compares between ticks). */
  readonly modelJson: ReadonlyMap<number, string>;
}

@Injectable()
export class ModelListSnapshots implements OnModuleDestroy {
  /** Bumped by every change; a snapshot is current while it was read at the latest generation. */
  private generation = 0;
  private snapshot: { value: ModelListSnapshot; generation: number } | null = null;
  private building: { promise: Promise<ModelListSnapshot>; generation: number } | null = null;
  /** The read that starts when `building` ends, for the callers that came after a change. */
  private waiting: Promise<ModelListSnapshot> | null = null;
  private stateNotice: NodeJS.Timeout | null = null;

  constructor(
    private readonly models: ModelsRepository,
    private readonly registry: ProviderRegistry,
    private readonly clock: Clock,
    private readonly invalidation: ClusterInvalidation,
  ) {
    invalidation.on('model', () => this.invalidate());
    invalidation.on('model_state', () => this.invalidate());
  }

  /** The current list; `fresh` reads the database even when nothing is known to have changed. */
  current(fresh = false): Promise<ModelListSnapshot> {
    const kept = this.snapshot;
    if (!fresh && kept && kept.generation === this.generation) return Promise.resolve(kept.value);
    return this.rebuild();
  }

  /** The snapshot if it is current, without waiting (the hot path's fast lane). */
  peek(): ModelListSnapshot | null {
    const kept = this.snapshot;
    return kept && kept.generation === this.generation ? kept.value : null;
  }

  /** A model was written: the next read rebuilds. */
  invalidate(): void {
    this.generation++;
  }

  @OnDomainEvent('model.state_changed')
  stateChanged(): void {
    this.invalidate();
    this.stateNotice ??= setTimeout(() => {
      this.stateNotice = null;
      void this.invalidation.publish('model_state', 0);
    }, STATE_NOTICE_MS);
  }

  onModuleDestroy(): void {
    if (this.stateNotice) clearTimeout(this.stateNotice);
  }

  /**
   * Reads the list, at most one read at a time plus one waiting: a read under way for the latest
   * generation is shared (also by a `fresh` caller: it began moments ago); after a change, callers share
   * the one read that starts when the current one ends (it sees every change made before it starts), so
   * that a stream of changes under a stream of requests costs one read after another, not one per request.
   */
  private rebuild(): Promise<ModelListSnapshot> {
    if (this.building?.generation === this.generation) return this.building.promise;
    if (this.waiting) return this.waiting;
    if (!this.building) return this.startRead();
    const waiting = this.building.promise
      .catch(() => undefined)
      .then(() => {
        this.waiting = null;
        return this.startRead();
      });
    this.waiting = waiting;
    return waiting;
  }

  private startRead(): Promise<ModelListSnapshot> {
    const generation = this.generation;
    const promise = this.read()
      .then((value) => {
        if (!this.snapshot || this.snapshot.generation <= generation) this.snapshot = { value, generation };
        return value;
      })
      .finally(() => {
        if (this.building?.promise === promise) this.building = null;
      });
    this.building = { promise, generation };
    return promise;
  }

  private async read(): Promise<ModelListSnapshot> {
    const rows = await this.models.findAllOrdered();
    const body = toModelListResponse(rows, (m) => this.registry.probeMode(m), this.clock.now());
    const modelJson = new Map<number, string>();
    const texts = body.models.map((model) => {
      const text = JSON.stringify(model);
      modelJson.set(model.id, text);
      return text;
    });
    // The same text as JSON.stringify(body) (key order models, average_score, timestamp), built from the
    // per-model texts the delta stream also uses.
    const text = `{"models":[${texts.join(',')}],"average_score":${JSON.stringify(body.average_score)},"timestamp":${JSON.stringify(body.timestamp)}}`;
    const bytes = Buffer.from(text, 'utf8');
    return { body, bytes, etag: strongEtag(bytes), modelJson };
  }
}
