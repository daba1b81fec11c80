// The one typed map of what the realtime transports send. Socket.io emits each message under its
// `type` with the message as the payload; the raw /ws endpoint sends the same object as JSON text.
// The e2e tests import these types too, so a renamed field breaks them at compile time.
// Payloads are snake_case, like the HTTP API; domain-event.mapper.ts builds them from the domain events.
import type { AlertSeverity, AlertType } from '../common/alert-kinds.js';
import type { ModelResponse } from '../models/dto/model.response.js';
import type { NeuralSignal } from './neural-signal.js';

/** An alert as GET /api/alerts lists it. */
export interface AlertPayload {
  id: number;
  type: AlertType;
  severity: AlertSeverity;
  subject: string;
  message: string;
  created_at: string;
  resolved_at: string | null;
  acknowledged_at: string | null;
}

export interface DcrsProgressPayload {
  run_id: number;
  date: string;
  phase: 'started' | 'model_done' | 'completed' | 'failed' | 'interrupted';
  completed_tests: number;
  total_tests: number;
  percent: number;
  current_model: string | null;
  best_so_far: { model: string; score: number } | null;
  /** Only when phase is `failed` or `interrupted`. */
  error?: string;
}

export interface CartridgeResultPayload {
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

/** The finished run as GET /api/manual-test/:run_id shows it. */
export interface ManualTestResultPayload {
  run_id: string;
  status: 'queued' | 'testing' | 'completed' | 'failed';
  models: string[];
  start_time: string | null;
  end_time: string | null;
  results: {
    model: string;
    score: number | null;
    response_time: number | null;
    passed: number;
    failed: number;
    error: string | null;
  }[];
  error: string | null;
}

/** The decision as GET /api/routing shows it (without the pending recommendation). */
export interface RoutingChangedPayload {
  primary: string | null;
  fallbacks: string[];
  mode: 'auto' | 'recommend';
  updated_at: string;
  dcrs_run_id: number | null;
  reason: string;
}

/**
 * The models that changed since the previous delta of the same `stream`, for clients that subscribed
 * with `deltas: true` (they receive this instead of model_update). `seq` grows by one per delta: a client
 * that sees another stream or a gap subscribes with deltas again for a new model_snapshot.
 */
export interface ModelDeltaPayload {
  stream: string;
  seq: number;
  /** New or changed models, whole. */
  changed: ModelResponse[];
  /** Ids of models no longer listed. */
  removed: number[];
  average_score: number | null;
}

/** Events pushed to every interested client, periodically or when something happens. */
export interface BroadcastPayloads {
  /** Every MODEL_UPDATE_INTERVAL_MS: the body of GET /api/models. */
  model_update: { models: ModelResponse[]; average_score: number | null };
  /** Every MODEL_UPDATE_INTERVAL_MS in which a model changed, to clients with deltas on. */
  model_delta: ModelDeltaPayload;
  /** Every NEURAL_SIGNAL_INTERVAL_MS: see neural-signal.ts. */
  neural_signal: NeuralSignal;
  /** An alert opened or resolved. The alert is nested: its own `type` field would clash with ours. */
  alert: { state: 'opened' | 'resolved'; alert: AlertPayload };
  dcrs_progress: DcrsProgressPayload;
  cartridge_result: CartridgeResultPayload;
  manual_test_result: ManualTestResultPayload;
  routing_changed: RoutingChangedPayload;
}

/** Answers sent to one client only. */
export interface ReplyPayloads {
  /** The answer to `get_models` (the seed's name, kept for its browser snippet). */
  models_update: { models: ModelResponse[] };
  /** The answer to `subscribe` / `unsubscribe`: the topics the client now receives (`deltas`: when on). */
  subscribed: { topics: RealtimeTopic[]; deltas?: true };
  /** After `subscribe` with `deltas: true`: the whole list as of delta `seq` of `stream`. */
  model_snapshot: { stream: string; seq: number; models: ModelResponse[]; average_score: number | null };
  /** A message the server could not act on; the connection stays open. */
  error: { message: string };
}

export type BroadcastEventName = keyof BroadcastPayloads;
export type ReplyEventName = keyof ReplyPayloads;
export type RealtimeEventName = BroadcastEventName | ReplyEventName;
type AllPayloads = BroadcastPayloads & ReplyPayloads;

/** What a client receives: the payload plus its `type` (the event name) and a `timestamp` (ISO-8601 UTC). */
export type RealtimeMessage<K extends RealtimeEventName = RealtimeEventName> = Extract<AnyRealtimeMessage, { type: K }>;
type AnyRealtimeMessage = {
  [E in RealtimeEventName]: AllPayloads[E] & { type: E; timestamp: string };
}[RealtimeEventName];

/** Socket.io's server → client event map. */
export type ServerToClientEvents = { [K in RealtimeEventName]: (message: RealtimeMessage<K>) => void };

/** Socket.io's client → server event map. Topics are validated, so they arrive as `unknown`. */
export interface ClientToServerEvents {
  get_models: () => void;
  subscribe: (topics: unknown) => void;
  unsubscribe: (topics: unknown) => void;
}

export const CLIENT_COMMANDS = ['get_models', 'subscribe', 'unsubscribe'] as const;

export const REALTIME_TOPICS = ['models', 'alerts', 'dcrs', 'cartridges', 'manual_tests', 'routing'] as const;
export type RealtimeTopic = (typeof REALTIME_TOPICS)[number];

/** Which topic carries each event; null: every client receives it, subscribed or not. */
export const EVENT_TOPIC: Readonly<Record<BroadcastEventName, RealtimeTopic | null>> = {
  model_update: null,
  model_delta: null,
  neural_signal: 'models',
  alert: 'alerts',
  dcrs_progress: 'dcrs',
  cartridge_result: 'cartridges',
  manual_test_result: 'manual_tests',
  routing_changed: 'routing',
};

/** An answer to one client, before its envelope. */
export type Reply = { [K in ReplyEventName]: { type: K; payload: ReplyPayloads[K] } }[ReplyEventName];

export function broadcastMessage<K extends BroadcastEventName>(
  type: K,
  payload: BroadcastPayloads[K],
  at: Date,
): RealtimeMessage<BroadcastEventName> {
  return envelope(type, payload, at) as RealtimeMessage<BroadcastEventName>;
}

export function replyMessage(reply: Reply, at: Date): RealtimeMessage<ReplyEventName> {
  return envelope(reply.type, reply.payload, at) as RealtimeMessage<ReplyEventName>;
}

// `type` leads the JSON text, and the envelope is written last so that a payload cannot overwrite it.
function envelope(type: RealtimeEventName, payload: object, at: Date): object {
  return Object.assign({ type }, payload, { type, timestamp: at.toISOString() });
}
