// The periodic model events and the get_models answer, from the in-memory model list snapshot
// (models/model-list.snapshot.ts: one database read per change, not per caller).
// It also keeps the delta stream: the list as of the last model_delta (`seq` of a `stream`), which a client
// subscribing with deltas receives whole (model_snapshot) before the deltas that follow. The leader's
// ticks make the deltas; another instance follows them from the relayed broadcasts (each tick's full
// model_update comes just before its model_delta, and is the list as of that delta), so that its clients'
// snapshots are of the leader's stream.
import { Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DomainError } from '../common/domain-error.js';
import type { ModelListResponse, ModelResponse } from '../models/dto/model.response.js';
import { ModelListSnapshots, type ModelListSnapshot } from '../models/model-list.snapshot.js';
import { diffModelLists, type ModelListState } from './model-delta.js';
import { neuralSignal, type NeuralSignal } from './neural-signal.js';
import type { BroadcastEventName, RealtimeMessage, Reply, ReplyPayloads } from './realtime-events.js';
import { RealtimePublisher } from './realtime.publisher.js';

interface DeltaBase {
  stream: string;
  seq: number;
  models: ModelResponse[];
  average_score: number | null;
  /** This instance's own snapshot (null: the list came from the leader). */
  snapshot: ModelListSnapshot | null;
}

@Injectable()
export class ModelFeed {
  private readonly logger = new Logger(ModelFeed.name);
  private lastSignal: NeuralSignal | null = null;
  /** Names this instance's delta stream: a client that sees another one (a new leader) starts over. */
  private readonly stream = randomBytes(6).toString('base64url');
  private base: DeltaBase | null = null;
  /** The leader's last full list, waiting for the delta it goes with. */
  private leaderList: { models: ModelResponse[]; average_score: number | null } | null = null;

  constructor(
    private readonly snapshots: ModelListSnapshots,
    private readonly publisher: RealtimePublisher,
  ) {
    publisher.onPeerBroadcast((message) => this.followLeader(message));
  }

  /** The body of GET /api/models. */
  async current(): Promise<ModelListResponse> {
    return (await this.snapshots.current()).body;
  }

  /** The answer to a client's get_models: the models, or an error it may see (the detail goes to the log). */
  async modelsReply(): Promise<Reply> {
    try {
      const { models } = await this.current();
      return { type: 'models_update', payload: { models } };
    } catch (error) {
      return this.errorReply(error, 'get_models failed');
    }
  }

  /**
   * The whole list as of the current delta seq. `deliver` is called in the same turn as the list is
   * taken, so that no delta can be published between the two (the client joins the delta audience there).
   */
  async snapshotReply(deliver: (reply: Reply) => void): Promise<void> {
    try {
      if (!this.base) {
        const snapshot = await this.snapshots.current();
        this.base ??= this.ownBase(0, snapshot);
      }
      deliver({ type: 'model_snapshot', payload: this.snapshotPayload(this.base) });
    } catch (error) {
      deliver(this.errorReply(error, 'model snapshot failed'));
    }
  }

  async broadcastModelUpdate(): Promise<void> {
    if (!this.publisher.hasAudience()) return;
    const snapshot = await this.snapshots.current();
    const { models, average_score } = snapshot.body;
    this.publisher.publish('model_update', { models, average_score }, { periodic: true });
    this.publishDelta(snapshot);
  }

  // With several instances only the leader computes the signal (its ticks alone run), so `change`
  // is computed once and every client sees the same; a new leader starts from its own first signal.
  async broadcastNeuralSignal(): Promise<void> {
    if (!this.publisher.hasAudience()) return;
    const { models } = await this.current();
    const signal = neuralSignal(models, this.lastSignal);
    this.lastSignal = signal;
    this.publisher.publish('neural_signal', signal, { periodic: true });
  }

  /** A model_delta when the list differs from the last one sent (or given whole); nothing otherwise. */
  private publishDelta(snapshot: ModelListSnapshot): void {
    const base = this.base;
    if (!base?.snapshot || base.stream !== this.stream) {
      // Nobody holds a list of this stream yet (or this instance just became the leader): it starts here.
      this.base = this.ownBase(0, snapshot);
      return;
    }
    if (base.snapshot === snapshot) return;
    const { changed, removed } = diffModelLists(stateOf(base.snapshot), stateOf(snapshot));
    const averageMoved = base.average_score !== snapshot.body.average_score;
    if (changed.length === 0 && removed.length === 0 && !averageMoved) return;
    const seq = base.seq + 1;
    this.base = this.ownBase(seq, snapshot);
    this.publisher.publish(
      'model_delta',
      { stream: this.stream, seq, changed, removed, average_score: snapshot.body.average_score },
      { periodic: true },
    );
  }

  private followLeader(message: RealtimeMessage<BroadcastEventName>): void {
    if (message.type === 'model_update') {
      this.leaderList = { models: message.models, average_score: message.average_score };
    } else if (message.type === 'model_delta' && this.leaderList) {
      const { stream, seq } = message;
      this.base = { stream, seq, ...this.leaderList, snapshot: null };
    }
  }

  private ownBase(seq: number, snapshot: ModelListSnapshot): DeltaBase {
    const { models, average_score } = snapshot.body;
    return { stream: this.stream, seq, models, average_score, snapshot };
  }

  private snapshotPayload({ stream, seq, models, average_score }: DeltaBase): ReplyPayloads['model_snapshot'] {
    return { stream, seq, models, average_score };
  }

  private errorReply(error: unknown, what: string): Reply {
    if (error instanceof DomainError) return { type: 'error', payload: { message: error.message } };
    this.logger.error({ err: error }, what);
    return { type: 'error', payload: { message: 'Internal server error' } };
  }
}

function stateOf(snapshot: ModelListSnapshot): ModelListState {
  return { models: snapshot.body.models, texts: snapshot.modelJson };
}
