// The rate limits' counts in Redis (REDIS_URL set): every instance spends the same budget, so a
// client behind a load balancer gets the limit once, not once per instance. The same sliding window
// as MemoryRateLimitStore, one sorted set per bucket (scores: the counted requests' times), trimmed,
// counted and added to in one Lua script so that two instances cannot both take the last place.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { RateLimitCount } from './rate-limit.policy.js';
import { RateLimitStore } from './rate-limit.store.js';

// KEYS[1]: the bucket; ARGV: now (ms), window (ms), limit, a member unique to this request.
// Returns { allowed (0/1), counted requests in the window, time of the oldest one }.
const HIT_SCRIPT = `
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
local allowed = 0
if count < limit then
  redis.call('ZADD', KEYS[1], now, ARGV[4])
  count = count + 1
  allowed = 1
end
redis.call('PEXPIRE', KEYS[1], window)
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')[2]
return { allowed, count, oldest or tostring(now) }
`;

export class RedisRateLimitStore extends RateLimitStore {
  constructor(
    private readonly redis: Redis,
    private readonly windowMs: number,
    /** Put before every bucket's key (REDIS_PREFIX), so that deployments sharing a Redis count apart. */
    private readonly keyPrefix: string,
  ) {
    super();
  }

  async hit(bucket: string, limit: number, now: number): Promise<RateLimitCount> {
    const key = `${this.keyPrefix}rate-limit:${bucket}`;
    const [allowed, count, oldest] = (await this.redis.eval(
      HIT_SCRIPT,
      1,
      key,
      now,
      this.windowMs,
      limit,
      `${now}:${randomUUID()}`,
    )) as [number, number, string];
    return {
      allowed: allowed === 1,
      remaining: Math.max(0, limit - count),
      resetSeconds: Math.max(1, Math.ceil((Number(oldest) + this.windowMs - now) / 1000)),
    };
  }
}
