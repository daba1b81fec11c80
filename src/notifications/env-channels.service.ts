// At start, makes the channels from NOTIFY_* variables match the environment: added or updated
// (origin env), and removed when their variable is gone.
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { envChannelDefinitions } from './env-channels.js';
import { NotificationChannelsRepository } from './notification-channels.repository.js';

@Injectable()
export class EnvChannelsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(EnvChannelsService.name);

  constructor(
    private readonly channels: NotificationChannelsRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const now = this.clock.now();
    const wanted = envChannelDefinitions(this.config.notifications.env);
    for (const definition of wanted) {
      const fields = { ...definition, enabled: true, updatedAt: now };
      const existing = await this.channels.findByName(definition.name);
      if (existing && existing.origin !== 'env') {
        this.logger.error(
          { channel: existing.id },
          `Channel name ${definition.name} is taken by an API channel: the environment channel is not set up`,
        );
      } else if (existing) {
        await this.channels.update(existing.id, fields);
      } else if (!(await this.channels.insert({ ...fields, origin: 'env', createdAt: now }))) {
        this.logger.warn(`Channel ${definition.name} was added by another instance meanwhile`);
      }
    }
    const names = new Set(wanted.map((d) => d.name));
    for (const stale of (await this.channels.findByOrigin('env')).filter((c) => !names.has(c.name))) {
      await this.channels.remove(stale.id);
      this.logger.log({ channel: stale.id }, `Removed channel ${stale.name}: its variable is no longer set`);
    }
    if (wanted.length > 0)
      this.logger.log(`Notification channels from the environment: ${wanted.map((d) => d.name).join(', ')}`);
  }
}
