// The one Redis connection of this instance (when REDIS_URL is set) and the extra ones that
// subscribers need (a subscribed ioredis connection can run no other command). Every connection made
// here is closed at shutdown, after the features have stopped using them.
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';

@Injectable()
export class RedisConnection implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(RedisConnection.name);
  private readonly main: Redis | null;
  private readonly extra: Redis[] = [];
  /** Put before every key and channel name (REDIS_PREFIX). */
  readonly prefix: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const url = config.cluster.redisUrl;
    this.prefix = config.cluster.redisPrefix;
    // Commands wait (and retry) while Redis is briefly away instead of failing at once; lazyConnect
    // so that a Redis that is down at start fails the start with a clear error rather than a log storm.
    this.main = url ? new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 }) : null;
    this.main?.on('error', (error: Error) => this.logger.warn(`Redis: ${error.message}`));
  }

  /** Whether this instance shares state through Redis (REDIS_URL is set). */
  get enabled(): boolean {
    return this.main !== null;
  }

  /** The command connection; throws when REDIS_URL is unset (check `enabled` first). */
  get client(): Redis {
    if (!this.main) throw new Error('Redis is not configured (REDIS_URL is unset)');
    return this.main;
  }

  /** `name` with this deployment's prefix. */
  key(name: string): string {
    return `${this.prefix}${name}`;
  }

  /** A new connection to the same Redis (for a subscriber), closed at shutdown with the others. */
  duplicate(): Redis {
    const connection = this.client.duplicate();
    connection.on('error', (error: Error) => this.logger.warn(`Redis: ${error.message}`));
    this.extra.push(connection);
    return connection;
  }

  async onModuleInit(): Promise<void> {
    if (!this.main) return;
    try {
      await this.main.connect();
    } catch (error) {
      this.main.disconnect();
      throw new Error(`Redis at REDIS_URL does not answer: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    const connections = [...this.extra.splice(0), ...(this.main ? [this.main] : [])];
    await Promise.all(
      connections.map(async (connection) => {
        if (connection.status === 'end') return;
        try {
          await connection.quit();
        } catch {
          connection.disconnect();
        }
      }),
    );
  }
}
