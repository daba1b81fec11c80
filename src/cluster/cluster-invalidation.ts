// Admin changes reach every instance within a second: after a write, the instance that made it says
// so on one Redis channel (`cluster.invalidate`, with the kind and the id), and every other instance
// drops or reloads what it keeps in memory about that thing (the cartridge's cron job, a model's
// latency baseline). Without REDIS_URL there is one instance, which changed its memory itself.
import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { InstanceId } from './instance-id.js';
import { RedisConnection } from './redis.connection.js';

// model_state: probe results changed some models' state (id 0: not one model in particular).
export const INVALIDATION_KINDS = ['cartridge', 'model', 'model_state'] as const;
export type InvalidationKind = (typeof INVALIDATION_KINDS)[number];

interface InvalidationMessage {
  origin: string;
  kind: InvalidationKind;
  id: number;
}

type InvalidationHandler = (id: number) => Promise<void> | void;

@Injectable()
export class ClusterInvalidation implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ClusterInvalidation.name);
  private readonly channel: string;
  private readonly handlers = new Map<InvalidationKind, InvalidationHandler[]>();
  private subscriber: Redis | null = null;

  constructor(
    private readonly redis: RedisConnection,
    private readonly instance: InstanceId,
  ) {
    this.channel = redis.key('cluster.invalidate');
  }

  /** What this instance does when another one changed a thing of this kind. */
  on(kind: InvalidationKind, handler: InvalidationHandler): void {
    this.handlers.set(kind, [...(this.handlers.get(kind) ?? []), handler]);
  }

  /** Tells the other instances that this thing changed (after the write is committed). */
  async publish(kind: InvalidationKind, id: number): Promise<void> {
    if (!this.redis.enabled) return;
    const message: InvalidationMessage = { origin: this.instance.value, kind, id };
    try {
      await this.redis.client.publish(this.channel, JSON.stringify(message));
    } catch (error) {
      // The change is stored; the other instances catch up at their next start. Not the caller's failure.
      this.logger.error({ err: error, kind, id }, 'Could not tell the other instances about a change');
    }
  }

  async onModuleInit(): Promise<void> {
    if (!this.redis.enabled) return;
    this.subscriber = this.redis.duplicate();
    this.subscriber.on('message', (channel: string, text: string) => {
      if (channel === this.channel) void this.receive(text);
    });
    await this.subscriber.subscribe(this.channel);
  }

  async onModuleDestroy(): Promise<void> {
    this.handlers.clear();
    if (this.subscriber?.status === 'ready') await this.subscriber.unsubscribe(this.channel);
  }

  private async receive(text: string): Promise<void> {
    const message = parseMessage(text);
    if (!message) {
      this.logger.warn('Ignored an invalidation that is not one');
      return;
    }
    if (message.origin === this.instance.value) return;
    for (const handler of this.handlers.get(message.kind) ?? []) {
      try {
        await handler(message.id);
      } catch (error) {
        this.logger.error({ err: error, kind: message.kind, id: message.id }, 'Could not apply a change');
      }
    }
    // model_state comes with every probe round: not worth a line each time.
    if (message.kind !== 'model_state')
      this.logger.log({ kind: message.kind, id: message.id }, `Applied a ${message.kind} change from another instance`);
  }
}

function parseMessage(text: string): InvalidationMessage | null {
  try {
    const value = JSON.parse(text) as Partial<InvalidationMessage>;
    const known = (INVALIDATION_KINDS as readonly unknown[]).includes(value.kind);
    if (typeof value.origin !== 'string' || !known || !Number.isInteger(value.id)) return null;
    return value as InvalidationMessage;
  } catch {
    return null;
  }
}
