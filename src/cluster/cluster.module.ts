// What several instances share to behave as one service: who this instance is, the Redis connection
// (only with REDIS_URL), and which instance runs the schedules (with REDIS_URL: the holder of a
// PostgreSQL lock; without: this one, always), and the admin changes each instance must hear of. Global, so that any feature can take them without
// importing a module for it; AppModule and the service-test harness import it once.
import { Global, Module } from '@nestjs/common';
import { Leadership, SoleLeadership } from '../common/leadership.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { ClusterInvalidation } from './cluster-invalidation.js';
import { InstanceId } from './instance-id.js';
import { LeaderLease } from './leader-lease.js';
import { RedisConnection } from './redis.connection.js';

@Global()
@Module({
  providers: [
    { provide: InstanceId, useFactory: () => new InstanceId() },
    RedisConnection,
    ClusterInvalidation,
    {
      provide: Leadership,
      inject: [APP_CONFIG, InstanceId],
      useFactory: (config: AppConfig, instance: InstanceId): Leadership =>
        // Config validation makes REDIS_URL imply PostgreSQL.
        config.cluster.redisUrl && config.database.url
          ? new LeaderLease(instance, { databaseUrl: config.database.url, checkMs: config.cluster.leaderCheckMs })
          : new SoleLeadership(),
    },
  ],
  exports: [InstanceId, RedisConnection, Leadership, ClusterInvalidation],
})
export class ClusterModule {}
