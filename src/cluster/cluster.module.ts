// What several instances share to behave as one service: who this instance is, the Redis connection
// (only with REDIS_URL), and which instance runs the schedules. Global, so that any feature can take
// them without importing a module for it; AppModule and the service-test harness import it once.
import { Global, Module } from '@nestjs/common';
import { InstanceId } from './instance-id.js';
import { RedisConnection } from './redis.connection.js';

@Global()
@Module({
  providers: [{ provide: InstanceId, useValue: new InstanceId() }, RedisConnection],
  exports: [InstanceId, RedisConnection],
})
export class ClusterModule {}
