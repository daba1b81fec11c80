// Two publishers on one Redis (TEST_REDIS_URL, which CI sets; skipped without it), as two instances:
// a broadcast reaches each transport of reach `instance` once on every instance, and a transport of
// reach `cluster` (Socket.io with its Redis adapter) only on the instance that published it.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { InstanceId } from '../cluster/instance-id.js';
import { RedisConnection } from '../cluster/redis.connection.js';
import { SystemClock } from '../common/clock.js';
import { parseAppConfig } from '../config/app-config.js';
import type { BroadcastEventName, RealtimeMessage } from './realtime-events.js';
import { RealtimeRelay } from './realtime-relay.js';
import { RealtimePublisher, type Delivery, type RealtimeTransport } from './realtime.publisher.js';

const url = process.env.TEST_REDIS_URL;
const describeWithRedis = url ? describe : describe.skip;

class RecordingTransport implements RealtimeTransport {
  readonly received: { type: string; timestamp: string; delivery: Delivery }[] = [];
  constructor(
    readonly name: string,
    readonly reach: 'instance' | 'cluster',
  ) {}
  clientCount(): number {
    return 0;
  }
  deliver(message: RealtimeMessage<BroadcastEventName>, delivery: Delivery): void {
    this.received.push({ type: message.type, timestamp: message.timestamp, delivery });
  }
}

interface FakeInstance {
  redis: RedisConnection;
  relay: RealtimeRelay;
  publisher: RealtimePublisher;
  ws: RecordingTransport;
  io: RecordingTransport;
}

async function instance(prefix: string, name: string): Promise<FakeInstance> {
  const config = parseAppConfig({ REDIS_URL: url ?? '', REDIS_PREFIX: prefix, DATABASE_URL: 'postgres://x@h/db' });
  const redis = new RedisConnection(config);
  await redis.onModuleInit();
  const relay = new RealtimeRelay(redis, new InstanceId(name));
  await relay.onModuleInit();
  const publisher = new RealtimePublisher(new SystemClock(), relay);
  const ws = new RecordingTransport('ws', 'instance');
  const io = new RecordingTransport('socket.io', 'cluster');
  publisher.register(ws);
  publisher.register(io);
  return { redis, relay, publisher, ws, io };
}

describeWithRedis('RealtimeRelay between two instances', () => {
  let a: FakeInstance;
  let b: FakeInstance;

  beforeAll(async () => {
    const prefix = `test-relay-${randomUUID()}:`;
    [a, b] = await Promise.all([instance(prefix, 'a'), instance(prefix, 'b')]);
  });
  afterAll(async () => {
    for (const side of [a, b]) {
      await side.relay.onModuleDestroy();
      await side.redis.onApplicationShutdown();
    }
  });

  it('delivers a broadcast once per instance transport, and to the cluster-wide one on the publisher only', async () => {
    a.publisher.publish('routing_changed', {
      primary: 'OpenAI',
      fallbacks: [],
      mode: 'auto',
      updated_at: '2026-02-01T00:00:00.000Z',
      dcrs_run_id: null,
      reason: 'test',
    });
    const deadline = Date.now() + 3_000;
    while (b.ws.received.length === 0 && Date.now() < deadline) await sleep(10);
    // Time for an echo of a's own message to come back, if it were not skipped.
    await sleep(300);

    const [sent] = a.ws.received;
    expect(sent).toMatchObject({ type: 'routing_changed', delivery: { topic: 'routing', periodic: false } });
    expect(a.ws.received).toEqual([sent]);
    expect(a.io.received).toEqual([sent]);
    expect(b.ws.received).toEqual([sent]);
    expect(b.io.received).toEqual([]);
  });
});
