// The one typed map of in-process domain events. Features publish through DomainEventBus; the
// realtime gateway and the alert rules subscribe with @OnEvent(name). Nothing imports the gateway.
import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { ModelStatus } from '../common/model-statuses.js';

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

export type DcrsPhase = 'started' | 'model_done' | 'completed' | 'failed';

/** Progress of a DCRS run (snake_case: forwarded to dashboards as the `dcrs_progress` payload). */
export interface DcrsProgressEvent {
  run_id: number;
  date: string;
  phase: DcrsPhase;
  completed_tests: number;
  total_tests: number;
  percent: number;
  current_model: string | null;
  best_so_far: { model: string; score: number } | null;
  error?: string;
}

/** The routing decision (the body of GET /api/routing). */
export interface RoutingChangedEvent {
  primary: string | null;
  fallbacks: string[];
  mode: 'auto' | 'recommend';
  updated_at: string;
  dcrs_run_id: number | null;
  reason: string;
}

/** A finished manual test run (the body of GET /api/manual-test/:run_id). */
export interface ManualTestFinishedEvent {
  run_id: string;
  status: 'queued' | 'testing' | 'completed' | 'failed';
  models: string[];
  start_time: string | null;
  end_time: string | null;
  error: string | null;
  results: {
    model: string;
    score: number | null;
    response_time: number | null;
    passed: number;
    failed: number;
    error: string | null;
  }[];
}

/** A recorded cartridge execution with the cartridge's new success rate. */
export interface CartridgeResultEvent {
  cartridge: string;
  execution: {
    id: number;
    status: string;
    started_at: string;
    finished_at: string | null;
    duration_ms: number | null;
    summary: string | null;
  };
  success_rate: number | null;
}

/** An alert that opened or resolved (the body of GET /api/alerts items). */
export interface AlertEvent {
  id: number;
  type: string;
  severity: 'info' | 'warning' | 'critical';
  subject: string;
  message: string;
  created_at: string;
  resolved_at: string | null;
  acknowledged_at: string | null;
}

export interface DomainEventMap {
  /** After every probe or evaluation that rewrote a model's row. */
  'model.state_changed': ModelStateChangedEvent;
  'dcrs.progress': DcrsProgressEvent;
  'routing.changed': RoutingChangedEvent;
  'manual_test.finished': ManualTestFinishedEvent;
  'cartridge.result': CartridgeResultEvent;
  'alert.opened': AlertEvent;
  'alert.resolved': AlertEvent;
}

export type DomainEventName = keyof DomainEventMap;

@Injectable()
export class DomainEventBus {
  constructor(private readonly emitter: EventEmitter2) {}

  publish<K extends DomainEventName>(name: K, payload: DomainEventMap[K]): void {
    this.emitter.emit(name, payload);
  }
}
