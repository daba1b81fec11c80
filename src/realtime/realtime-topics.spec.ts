import { EVENT_TOPIC, REALTIME_TOPICS } from './realtime-events.js';
import { parseTopics, receives, subscribeTo, topicsOf, unsubscribeFrom } from './realtime-topics.js';

describe('subscribe requests', () => {
  it('accepts a list, a single name, or {topics: [...]}, without duplicates', () => {
    expect(parseTopics('subscribe', ['dcrs', 'alerts', 'dcrs'])).toEqual({ ok: true, topics: ['dcrs', 'alerts'] });
    expect(parseTopics('subscribe', 'routing')).toEqual({ ok: true, topics: ['routing'] });
    expect(parseTopics('subscribe', { topics: ['models'] })).toEqual({ ok: true, topics: ['models'] });
  });

  it('takes deltas on or off with subscribe, with or without topics', () => {
    expect(parseTopics('subscribe', { deltas: true })).toEqual({ ok: true, topics: [], deltas: true });
    expect(parseTopics('subscribe', { topics: ['dcrs'], deltas: false })).toEqual({
      ok: true,
      topics: ['dcrs'],
      deltas: false,
    });
    expect(parseTopics('subscribe', { deltas: 1 })).toEqual({ ok: false, message: 'deltas must be true or false' });
    expect(parseTopics('unsubscribe', { deltas: true })).toEqual({
      ok: false,
      message: 'deltas is set with subscribe, not unsubscribe',
    });
    expect(parseTopics('subscribe', { topics: ['weather'], deltas: true }).ok).toBe(false);
  });

  it('names every unknown topic and lists the known ones', () => {
    const result = parseTopics('subscribe', ['dcrs', 'alrts', 'weather']);
    expect(result).toEqual({
      ok: false,
      message:
        'Unknown topics "alrts", "weather" (known topics: models, alerts, dcrs, cartridges, manual_tests, routing)',
    });
  });

  it.each([[undefined], [[]], [42], [['dcrs', 7]], [{ topic: 'dcrs' }]])(
    'rejects %j as not a list of topics',
    (input) => {
      const result = parseTopics('unsubscribe', input);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.message).toMatch(/^unsubscribe expects a list of topics/);
    },
  );
});

describe('who receives what', () => {
  it('a client that never subscribed receives every event', () => {
    for (const topic of Object.values(EVENT_TOPIC)) expect(receives('everything', topic)).toBe(true);
  });

  it('a subscribed client receives its topics and model_update, nothing else', () => {
    const subscription = subscribeTo('everything', ['dcrs', 'alerts']);
    const received = Object.entries(EVENT_TOPIC)
      .filter(([, topic]) => receives(subscription, topic))
      .map(([event]) => event);
    // model_update or model_delta: which one is the client's deltas choice, not its topics.
    expect(received).toEqual(['model_update', 'model_delta', 'alert', 'dcrs_progress']);
  });

  it('subscribing again adds topics; unsubscribing removes them', () => {
    const more = subscribeTo(subscribeTo('everything', ['dcrs']), ['routing']);
    expect(topicsOf(more)).toEqual(['dcrs', 'routing']);
    expect(topicsOf(unsubscribeFrom(more, ['dcrs']))).toEqual(['routing']);
  });

  it('unsubscribing from everything keeps every other topic', () => {
    expect(topicsOf(unsubscribeFrom('everything', ['models']))).toEqual(REALTIME_TOPICS.filter((t) => t !== 'models'));
  });

  it('every topic carries at least one event', () => {
    for (const topic of REALTIME_TOPICS) expect(Object.values(EVENT_TOPIC)).toContain(topic);
  });
});
