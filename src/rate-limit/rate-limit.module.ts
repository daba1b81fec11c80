// Rate limits per client (RATE_LIMIT_*). Imported before AuthModule so that its guard runs first:
// refused requests spend the budget too, which also limits guessing keys. With REDIS_URL the counts
// live in Redis, so that a client spends one budget across every instance.
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { RedisConnection } from '../cluster/redis.connection.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { RateLimitGuard } from './rate-limit.guard.js';
import { MemoryRateLimitStore, RateLimitStore } from './rate-limit.store.js';
import { RedisRateLimitStore } from './redis-rate-limit.store.js';

@Module({
  providers: [
    {
      provide: RateLimitStore,
      inject: [APP_CONFIG, RedisConnection],
      useFactory: (config: AppConfig, redis: RedisConnection) => {
        const { windowMs } = config.access.rateLimit;
        return redis.enabled
          ? new RedisRateLimitStore(redis.client, windowMs, redis.prefix)
          : new MemoryRateLimitStore(windowMs);
      },
    },
    { provide: APP_GUARD, useClass: RateLimitGuard },
  ],
})
export class RateLimitModule {}
