// With several instances (REDIS_URL), carries each broadcast to the other instances over one Redis
// channel, for the transports that reach only this instance's clients (the raw /ws endpoint).
// Socket.io needs no relay: its Redis adapter already broadcasts to every instance's sockets. An
// instance skips its own messages, which Redis also hands back to it: it has delivered them already.
import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { InstanceId } from '../cluster/instance-id.js';
import { RedisConnection } from '../cluster/redis.connection.js';
import type { BroadcastEventName, RealtimeMessage } from './realtime-events.js';
import type { Delivery } from './realtime.publisher.js';

interface RelayedBroadcast {
  origin: string;
  message: RealtimeMessage<BroadcastEventName>;
  delivery: Delivery;
}

export type PeerBroadcastHandler = (message: RealtimeMessage<BroadcastEventName>, delivery: Delivery) => void;

@Injectable()
export class RealtimeRelay implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(RealtimeRelay.name);
  private readonly channel: string;
  private subscriber: Redis | null = null;
  private handler: PeerBroadcastHandler | null = null;

  constructor(
    private readonly redis: RedisConnection,
    private readonly instance: InstanceId,
  ) {
    this.channel = redis.key('realtime');
  }

  /** Whether other instances may have clients (REDIS_URL is set). */
  get enabled(): boolean {
    return this.redis.enabled;
  }

  /** Where the broadcasts of the other instances go; one handler (the publisher). */
  onPeerBroadcast(handler: PeerBroadcastHandler): void {
    this.handler = handler;
  }

  // Subscribed before the server listens, so that no broadcast of a peer is missed once clients can connect.
  async onModuleInit(): Promise<void> {
    if (!this.redis.enabled) return;
    this.subscriber = this.redis.duplicate();
    this.subscriber.on('message', (channel: string, text: string) => {
      if (channel === this.channel) this.receive(text);
    });
    await this.subscriber.subscribe(this.channel);
  }

  async onModuleDestroy(): Promise<void> {
    this.handler = null;
    if (this.subscriber?.status === 'ready') await this.subscriber.unsubscribe(this.channel);
  }

  send(message: RealtimeMessage<BroadcastEventName>, delivery: Delivery): void {
    if (!this.redis.enabled) return;
    const relayed: RelayedBroadcast = { origin: this.instance.value, message, delivery };
    this.redis.client.publish(this.channel, JSON.stringify(relayed)).catch((error: unknown) => {
      this.logger.error({ err: error, event: message.type }, 'Could not relay a broadcast to the other instances');
    });
  }

  private receive(text: string): void {
    let relayed: RelayedBroadcast;
    try {
      relayed = JSON.parse(text) as RelayedBroadcast;
    } catch {
      this.logger.warn('Ignored a relayed broadcast that is not JSON');
      return;
    }
    if (relayed.origin === this.instance.value) return;
    this.handler?.(relayed.message, relayed.delivery);
  }
}
