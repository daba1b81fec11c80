// Who receives what: the topic rules both transports apply. Pure.
import { REALTIME_TOPICS, type RealtimeTopic } from './realtime-events.js';

/** A client that never subscribed receives everything; one that did, its topics plus model_update. */
export type Subscription = 'everything' | ReadonlySet<RealtimeTopic>;

/** `deltas`: set when the request said `deltas: true|false` (subscribe only); topics may then be empty. */
export type TopicsRequest = { ok: true; topics: RealtimeTopic[]; deltas?: boolean } | { ok: false; message: string };

const KNOWN = `known topics: ${REALTIME_TOPICS.join(', ')}`;

function isTopic(value: string): value is RealtimeTopic {
  return (REALTIME_TOPICS as readonly string[]).includes(value);
}

/**
 * Accepts a list (`["dcrs", "alerts"]`), a single name, or `{topics: [...]}`; subscribe also
 * `{deltas: true}` (model_delta instead of model_update), with or without topics.
 */
export function parseTopics(command: 'subscribe' | 'unsubscribe', input: unknown): TopicsRequest {
  const form =
    typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as Record<string, unknown>) : null;
  if (form && 'deltas' in form) {
    if (command !== 'subscribe') return { ok: false, message: 'deltas is set with subscribe, not unsubscribe' };
    if (typeof form['deltas'] !== 'boolean') return { ok: false, message: 'deltas must be true or false' };
    const deltas = form['deltas'];
    if (form['topics'] === undefined) return { ok: true, topics: [], deltas };
    const request = parseTopics(command, form['topics']);
    return request.ok ? { ...request, deltas } : request;
  }
  const raw = form ? form['topics'] : input;
  const list = typeof raw === 'string' ? [raw] : raw;
  if (!Array.isArray(list) || list.length === 0 || !list.every((item): item is string => typeof item === 'string')) {
    return { ok: false, message: `${command} expects a list of topics such as ["dcrs","alerts"] (${KNOWN})` };
  }
  const unknown = list.filter((name) => !isTopic(name));
  if (unknown.length > 0) {
    const names = unknown.map((name) => JSON.stringify(name)).join(', ');
    return { ok: false, message: `Unknown topic${unknown.length > 1 ? 's' : ''} ${names} (${KNOWN})` };
  }
  return { ok: true, topics: [...new Set(list as RealtimeTopic[])] };
}

export function subscribeTo(current: Subscription, topics: readonly RealtimeTopic[]): Subscription {
  return new Set([...(current === 'everything' ? [] : current), ...topics]);
}

export function unsubscribeFrom(current: Subscription, topics: readonly RealtimeTopic[]): Subscription {
  return new Set(topicsOf(current).filter((topic) => !topics.includes(topic)));
}

export function topicsOf(subscription: Subscription): RealtimeTopic[] {
  return REALTIME_TOPICS.filter((topic) => subscription === 'everything' || subscription.has(topic));
}

/** Whether a client receives an event of this topic (null: an event for everyone, see EVENT_TOPIC). */
export function receives(subscription: Subscription, topic: RealtimeTopic | null): boolean {
  return topic === null || subscription === 'everything' || subscription.has(topic);
}
