// Who receives what: the topic rules both transports apply. Pure.
import { REALTIME_TOPICS, type RealtimeTopic } from './realtime-events.js';

/** A client that never subscribed receives everything; one that did, its topics plus model_update. */
export type Subscription = 'everything' | ReadonlySet<RealtimeTopic>;

export type TopicsRequest = { ok: true; topics: RealtimeTopic[] } | { ok: false; message: string };

const KNOWN = `known topics: ${REALTIME_TOPICS.join(', ')}`;

function isTopic(value: string): value is RealtimeTopic {
  return (REALTIME_TOPICS as readonly string[]).includes(value);
}

/** Accepts a list (`["dcrs", "alerts"]`), a single name, or `{topics: [...]}`. */
export function parseTopics(command: 'subscribe' | 'unsubscribe', input: unknown): TopicsRequest {
  const raw =
    typeof input === 'object' && input !== null && !Array.isArray(input)
      ? (input as { topics?: unknown }).topics
      : input;
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
