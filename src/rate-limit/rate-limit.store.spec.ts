import { MemoryRateLimitStore } from './rate-limit.store.js';

const WINDOW = 60_000;
const T0 = 1_700_000_000_000;

describe('MemoryRateLimitStore (a sliding window)', () => {
  it('lets `limit` requests in per window and refuses the next, without counting it', async () => {
    const store = new MemoryRateLimitStore(WINDOW);
    expect(await store.hit('a', 2, T0)).toEqual({ allowed: true, remaining: 1, resetSeconds: 60 });
    expect(await store.hit('a', 2, T0 + 10_000)).toEqual({ allowed: true, remaining: 0, resetSeconds: 50 });
    expect(await store.hit('a', 2, T0 + 20_000)).toEqual({ allowed: false, remaining: 0, resetSeconds: 40 });
    // The refusal was not counted: once the first request leaves the window, exactly one more fits.
    expect(await store.hit('a', 2, T0 + WINDOW)).toEqual({ allowed: true, remaining: 0, resetSeconds: 10 });
    expect(await store.hit('a', 2, T0 + WINDOW + 1)).toMatchObject({ allowed: false, resetSeconds: 10 });
  });

  it('keeps buckets apart', async () => {
    const store = new MemoryRateLimitStore(WINDOW);
    expect(await store.hit('a', 1, T0)).toMatchObject({ allowed: true });
    expect(await store.hit('a', 1, T0)).toMatchObject({ allowed: false });
    expect(await store.hit('b', 1, T0)).toMatchObject({ allowed: true });
  });

  it('rounds the reset up to whole seconds, never below 1', async () => {
    const store = new MemoryRateLimitStore(WINDOW);
    await store.hit('a', 1, T0);
    expect(await store.hit('a', 1, T0 + WINDOW - 1)).toEqual({ allowed: false, remaining: 0, resetSeconds: 1 });
    expect(await store.hit('a', 1, T0 + 500)).toMatchObject({ resetSeconds: 60 });
  });

  it('forgets idle clients, so memory follows the active ones', async () => {
    const store = new MemoryRateLimitStore(WINDOW);
    for (let i = 0; i < 500; i += 1) await store.hit(`idle-${i}`, 5, T0);
    expect(store.size()).toBe(500);
    for (let i = 0; i < 500; i += 1) await store.hit('active', 10_000, T0 + WINDOW + i);
    expect(store.size()).toBe(1);
  });
});
