// The one typed map of in-process domain events. Features publish through DomainEventBus; the
// realtime gateway and the alert rules subscribe with @OnEvent(name). Nothing imports the gateway.
import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { ModelStatus } from '../models/model.entity.js';

export interface ModelStateChangedEvent {
  modelId: number;
  name: string;
  apiType: string;
  previousStatus: ModelStatus;
  status: ModelStatus;
  lastScore: number;
  previousScore: number;
  responseTime: number;
  uptimePercent: number;
  errorKind: string | null;
  at: string;
}

export interface DomainEventMap {
  /** After every probe or evaluation that rewrote a model's row. */
  'model.state_changed': ModelStateChangedEvent;
}

export type DomainEventName = keyof DomainEventMap;

@Injectable()
export class DomainEventBus {
  constructor(private readonly emitter: EventEmitter2) {}

  publish<K extends DomainEventName>(name: K, payload: DomainEventMap[K]): void {
    this.emitter.emit(name, payload);
  }
}
