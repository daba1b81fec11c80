// Against the local Redis (TEST_REDIS_URL, which CI sets); skipped without it.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { RedisRateLimitStore } from './redis-rate-limit.store.js';

const WINDOW = 60_000;
const T0 = 1_700_000_000_000;
const url = process.env.TEST_REDIS_URL;
const describeWithRedis = url ? describe : describe.skip;

describeWithRedis('RedisRateLimitStore (a sliding window shared through Redis)', () => {
  let redis: Redis;
  let prefix: string;

  beforeAll(() => {
    redis = new Redis(url ?? '', { lazyConnect: false, maxRetriesPerRequest: 1 });
  });
  beforeEach(() => {
    prefix = `test-rate-limit-${randomUUID()}:`;
  });
  afterEach(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
  });
  afterAll(async () => {
    await redis.quit();
  });

  it('lets `limit` requests in per window and refuses the next, without counting it', async () => {
    const store = new RedisRateLimitStore(redis, WINDOW, prefix);
    expect(await store.hit('a', 2, T0)).toEqual({ allowed: true, remaining: 1, resetSeconds: 60 });
    expect(await store.hit('a', 2, T0 + 10_000)).toEqual({ allowed: true, remaining: 0, resetSeconds: 50 });
    expect(await store.hit('a', 2, T0 + 20_000)).toEqual({ allowed: false, remaining: 0, resetSeconds: 40 });
    expect(await store.hit('a', 2, T0 + WINDOW)).toEqual({ allowed: true, remaining: 0, resetSeconds: 10 });
    expect(await store.hit('a', 2, T0 + WINDOW + 1)).toMatchObject({ allowed: false, resetSeconds: 10 });
  });

  it('two stores (two instances) on one Redis share the budget, also when they ask at once', async () => {
    const first = new RedisRateLimitStore(redis, WINDOW, prefix);
    const other = redis.duplicate();
    const second = new RedisRateLimitStore(other, WINDOW, prefix);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? first : second).hit('shared', 7, T0 + i)),
    );
    await other.quit();
    expect(answers.filter((answer) => answer.allowed)).toHaveLength(7);
    expect(await first.hit('shared', 7, T0 + 100)).toMatchObject({ allowed: false, remaining: 0 });
  });

  it('keeps buckets and prefixes apart, and lets a bucket expire with its window', async () => {
    const store = new RedisRateLimitStore(redis, WINDOW, prefix);
    const elsewhere = new RedisRateLimitStore(redis, WINDOW, `${prefix}other:`);
    expect(await store.hit('a', 1, T0)).toMatchObject({ allowed: true });
    expect(await store.hit('a', 1, T0)).toMatchObject({ allowed: false });
    expect(await store.hit('b', 1, T0)).toMatchObject({ allowed: true });
    expect(await elsewhere.hit('a', 1, T0)).toMatchObject({ allowed: true });
    const ttl = await redis.pttl(`${prefix}rate-limit:a`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(WINDOW);
  });
});
