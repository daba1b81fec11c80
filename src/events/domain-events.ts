// The one typed map of in-process domain events: plain facts in the code's own casing, with Dates for
// instants. Features publish through DomainEventBus and subscribe with @OnDomainEvent; what clients
// or webhooks receive is built from these facts at the edge (realtime/, notifications/).
import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { AlertSeverity, AlertType } from '../common/alert-kinds.js';
import type { ModelStatus } from '../common/model-statuses.js';
import type { StoredQuota } from '../common/quota.js';

/** A probe or evaluation rewrote a model's state. */
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
  /** Why the status changed ("3 failures in a row: timeout"); null when it did not. */
  cause?: string | null;
  at: Date;
}

/** A provider's response told how much of a model's rate limit is left (its latest figures). */
export interface ModelQuotaReadEvent {
  modelId: number;
  model: string;
  quota: StoredQuota;
  at: Date;
}

/** One probe of one model finished, whatever it found (it is recorded as a measured call). */
export interface ProbeCompletedEvent {
  modelId: number;
  model: string;
  /** live: the provider was called; simulated: the built-in simulator answered. */
  mode: 'live' | 'simulated';
  ok: boolean;
  errorKind: string | null;
  latencyMs: number;
  /** Time to the first token, ms; null when the call failed or did not stream. */
  ttftMs: number | null;
  at: Date;
}

/** How many probe results wait in memory for the database; published whenever the number changes. */
export interface ProbeResultsBufferedEvent {
  buffered: number;
}

/**
 * Probe results given up: the buffer was full and the oldest went (overflow), or the database
 * answered and refused them (refused: their model is gone, say).
 */
export interface ProbeResultsDroppedEvent {
  count: number;
  reason: 'overflow' | 'refused';
}

export type DcrsPhase = 'started' | 'model_done' | 'completed' | 'failed' | 'interrupted';

/** Where a DCRS run stands. */
export interface DcrsProgressEvent {
  runId: number;
  /** The run's calendar date in the DCRS time zone (YYYY-MM-DD). */
  date: string;
  phase: DcrsPhase;
  completedTests: number;
  totalTests: number;
  currentModel: string | null;
  bestSoFar: { model: string; score: number } | null;
  /** Why it failed or was interrupted (phases `failed` and `interrupted` only). */
  error?: string;
  /** How long the run took, ms (phases `completed`, `failed` and `interrupted` only). */
  durationMs?: number;
}

/** The routing decision that was just applied. */
export interface RoutingChangedEvent {
  primary: string | null;
  fallbacks: string[];
  mode: 'auto' | 'recommend';
  updatedAt: Date;
  dcrsRunId: number | null;
  reason: string;
}

export interface ManualTestModelOutcome {
  model: string;
  score: number | null;
  /** Median latency of the cases, ms. */
  responseTime: number | null;
  passed: number;
  failed: number;
  error: string | null;
}

/** A manual test run ended. */
export interface ManualTestFinishedEvent {
  runId: string;
  status: 'completed' | 'failed';
  models: string[];
  startTime: Date | null;
  endTime: Date | null;
  results: ManualTestModelOutcome[];
  error: string | null;
}

/** A cartridge execution was recorded; `successRate` is the cartridge's new 30-day rate (percent). */
export interface CartridgeResultEvent {
  cartridge: string;
  execution: {
    id: number;
    status: string;
    startedAt: Date;
    finishedAt: Date | null;
    durationMs: number | null;
    summary: string | null;
  };
  successRate: number | null;
}

/** An alert as it stands after it opened or resolved. */
export interface AlertEvent {
  id: number;
  type: AlertType;
  severity: AlertSeverity;
  subject: string;
  message: string;
  createdAt: Date;
  resolvedAt: Date | null;
  acknowledgedAt: Date | null;
}

/** A notification delivery ended: sent, or given up after its tries. */
export interface NotificationDeliveryFinishedEvent {
  deliveryId: number;
  channelId: number;
  /** webhook, slack or discord. */
  channelKind: string;
  /** What was sent: alert opened, resolved, reminder, or a test message. */
  event: string;
  outcome: 'delivered' | 'failed';
  attempts: number;
  at: Date;
}

export interface DomainEventMap {
  'model.state_changed': ModelStateChangedEvent;
  'probe.completed': ProbeCompletedEvent;
  'model.quota_read': ModelQuotaReadEvent;
  'probe.results_buffered': ProbeResultsBufferedEvent;
  'probe.results_dropped': ProbeResultsDroppedEvent;
  'dcrs.progress': DcrsProgressEvent;
  'routing.changed': RoutingChangedEvent;
  'manual_test.finished': ManualTestFinishedEvent;
  'cartridge.result': CartridgeResultEvent;
  'alert.opened': AlertEvent;
  'alert.resolved': AlertEvent;
  'notification.delivery_finished': NotificationDeliveryFinishedEvent;
}

export type DomainEventName = keyof DomainEventMap;

@Injectable()
export class DomainEventBus {
  constructor(private readonly emitter: EventEmitter2) {}

  publish<K extends DomainEventName>(name: K, payload: DomainEventMap[K]): void {
    this.emitter.emit(name, payload);
  }
}
