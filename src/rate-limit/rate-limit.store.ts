// The counts behind the rate limits: in memory for one process; RedisRateLimitStore (REDIS_URL) keeps
// them in Redis behind the same method, so that every instance shares a client's budget.
import type { RateLimitCount } from './rate-limit.policy.js';

export abstract class RateLimitStore {
  /** Counts a request made at `now` (ms) in `bucket`, unless the bucket is full. */
  abstract hit(bucket: string, limit: number, now: number): Promise<RateLimitCount>;
}

/** Buckets left untouched are dropped every this many requests, so memory follows the active clients. */
const SWEEP_EVERY = 1_000;

/**
 * A sliding window: each bucket keeps the times of the requests it counted within the last window
 * (at most `limit` of them), so a client is let in again as soon as its oldest request leaves it.
 */
export class MemoryRateLimitStore extends RateLimitStore {
  private readonly buckets = new Map<string, number[]>();
  private hitsSinceSweep = 0;

  constructor(private readonly windowMs: number) {
    super();
  }

  hit(bucket: string, limit: number, now: number): Promise<RateLimitCount> {
    this.sweepNow(now);
    const times = this.buckets.get(bucket) ?? [];
    while (times.length > 0 && times[0] <= now - this.windowMs) times.shift();
    const allowed = times.length < limit;
    if (allowed) times.push(now);
    this.buckets.set(bucket, times);
    const oldest = times[0] ?? now;
    return Promise.resolve({
      allowed,
      remaining: Math.max(0, limit - times.length),
      resetSeconds: Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000)),
    });
  }

  /** How many buckets are kept (for the tests of the sweep). */
  size(): number {
    return this.buckets.size;
  }

  private sweepNow(now: number): void {
    this.hitsSinceSweep += 1;
    if (this.hitsSinceSweep < SWEEP_EVERY) return;
    this.hitsSinceSweep = 0;
    for (const [bucket, times] of this.buckets) {
      if ((times.at(-1) ?? 0) <= now - this.windowMs) this.buckets.delete(bucket);
    }
  }
}
