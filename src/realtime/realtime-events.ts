// The one typed map of what the realtime transports send. Socket.io emits each message under its
// `type` with the message as the payload; the raw /ws endpoint sends the same object as JSON text.
// The e2e tests import these types too, so a renamed field breaks them at compile time.
import type {
  AlertEvent,
  CartridgeResultEvent,
  DcrsProgressEvent,
  ManualTestFinishedEvent,
  RoutingChangedEvent,
} from '../events/domain-events.js';
import type { ModelResponse } from '../models/dto/model.response.js';
import type { NeuralSignal } from './neural-signal.js';

/** Events pushed to every interested client, periodically or when something happens. */
export interface BroadcastPayloads {
  /** Every MODEL_UPDATE_INTERVAL_MS: the body of GET /api/models. */
  model_update: { models: ModelResponse[]; average_score: number | null };
  /** Every NEURAL_SIGNAL_INTERVAL_MS: see neural-signal.ts. */
  neural_signal: NeuralSignal;
  /** An alert opened or resolved. The alert is nested: its own `type` field would clash with ours. */
  alert: { state: 'opened' | 'resolved'; alert: AlertEvent };
  dcrs_progress: DcrsProgressEvent;
  cartridge_result: CartridgeResultEvent;
  manual_test_result: ManualTestFinishedEvent;
  routing_changed: RoutingChangedEvent;
}

/** Answers sent to one client only. */
export interface ReplyPayloads {
  /** The answer to `get_models` (the seed's name, kept for its browser snippet). */
  models_update: { models: ModelResponse[] };
  /** The answer to `subscribe` / `unsubscribe`: the topics the client now receives. */
  subscribed: { topics: RealtimeTopic[] };
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
