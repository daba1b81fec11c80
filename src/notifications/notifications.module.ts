// Notification channels (API and NOTIFY_* variables), delivery of alerts with retries and a log, and
// reminders for critical alerts left open.
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlertsModule } from '../alerts/alerts.module.js';
import { AlertNotificationsListener } from './alert-notifications.listener.js';
import { AlertRemindersService } from './alert-reminders.service.js';
import { EnvChannelsService } from './env-channels.service.js';
import { NotificationChannelEntity } from './notification-channel.entity.js';
import { NotificationChannelsController } from './notification-channels.controller.js';
import { NotificationChannelsRepository } from './notification-channels.repository.js';
import { NotificationChannelsService } from './notification-channels.service.js';
import { NotificationDeliveriesRepository } from './notification-deliveries.repository.js';
import { NotificationDeliveryEntity } from './notification-delivery.entity.js';
import { NotificationDispatcher } from './notification-dispatcher.service.js';
import { NotificationsScheduler } from './notifications.scheduler.js';
import { DnsWebhookResolver, WebhookResolver } from './webhook-resolver.js';
import { WebhookClient } from './webhook.client.js';

@Module({
  imports: [TypeOrmModule.forFeature([NotificationChannelEntity, NotificationDeliveryEntity]), AlertsModule],
  controllers: [NotificationChannelsController],
  providers: [
    NotificationChannelsRepository,
    NotificationDeliveriesRepository,
    { provide: WebhookResolver, useClass: DnsWebhookResolver },
    WebhookClient,
    NotificationDispatcher,
    NotificationChannelsService,
    EnvChannelsService,
    AlertNotificationsListener,
    AlertRemindersService,
    NotificationsScheduler,
  ],
  exports: [NotificationDispatcher],
})
export class NotificationsModule {}
