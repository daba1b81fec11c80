// The periodic model events and the get_models answer. One database read serves every caller
// that asks while it runs (a tick and any number of get_models), and none happens without clients.
import { Injectable, Logger } from '@nestjs/common';
import { DomainError } from '../common/domain-error.js';
import type { ModelListResponse } from '../models/dto/model.response.js';
import { ModelsService } from '../models/models.service.js';
import { neuralSignal, type NeuralSignal } from './neural-signal.js';
import type { Reply } from './realtime-events.js';
import { RealtimePublisher } from './realtime.publisher.js';

@Injectable()
export class ModelFeed {
  private readonly logger = new Logger(ModelFeed.name);
  private inFlight: Promise<ModelListResponse> | null = null;
  private lastSignal: NeuralSignal | null = null;

  constructor(
    private readonly models: ModelsService,
    private readonly publisher: RealtimePublisher,
  ) {}

  /** The body of GET /api/models. */
  current(): Promise<ModelListResponse> {
    this.inFlight ??= this.models.list().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  /** The answer to a client's get_models: the models, or an error it may see (the detail goes to the log). */
  async modelsReply(): Promise<Reply> {
    try {
      const { models } = await this.current();
      return { type: 'models_update', payload: { models } };
    } catch (error) {
      if (error instanceof DomainError) return { type: 'error', payload: { message: error.message } };
      this.logger.error({ err: error }, 'get_models failed');
      return { type: 'error', payload: { message: 'Internal server error' } };
    }
  }

  async broadcastModelUpdate(): Promise<void> {
    if (!this.publisher.hasAudience()) return;
    const { models, average_score } = await this.current();
    this.publisher.publish('model_update', { models, average_score }, { periodic: true });
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
}
