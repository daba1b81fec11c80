// Delivers alerts to the channels that want them: fire and forget for the code that raised the alert,
// up to MAX_ATTEMPTS tries with backoff, every delivery written to the log. idle() lets tests (and
// shutdown) wait for what is in flight.
import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { BackgroundWork } from '../common/background-work.js';
import { Clock } from '../common/clock.js';
import { AlertsService } from '../alerts/alerts.service.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { DomainEventBus, type AlertEvent } from '../events/domain-events.js';
import { backoffDelayMs, channelWants, MAX_ATTEMPTS } from './delivery-policy.js';
import type { NotificationChannelEntity } from './notification-channel.entity.js';
import { NotificationChannelsRepository } from './notification-channels.repository.js';
import {
  NotificationDeliveriesRepository,
  type DeliveryEvent,
  type DeliveryProgress,
} from './notification-deliveries.repository.js';
import type { NotificationDeliveryEntity } from './notification-delivery.entity.js';
import { renderBody, signBody } from './notification-messages.js';
import { WebhookClient, type SendOutcome } from './webhook.client.js';

const ERROR_MAX = 500;

@Injectable()
export class NotificationDispatcher implements BeforeApplicationShutdown {
  private readonly logger = new Logger(NotificationDispatcher.name);
  private readonly inFlight = new BackgroundWork(this.logger);
  private readonly stopping = new AbortController();

  constructor(
    private readonly channels: NotificationChannelsRepository,
    private readonly deliveries: NotificationDeliveriesRepository,
    private readonly client: WebhookClient,
    private readonly alerts: AlertsService,
    private readonly events: DomainEventBus,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Sends the alert to every enabled channel that wants its type and severity; returns at once. */
  notify(event: Exclude<DeliveryEvent, 'test'>, alert: AlertEvent): void {
    this.inFlight.run('Sending notifications', () => this.fanOut(event, alert), { alert: alert.id, event });
  }

  /** One try of a test message, awaited; null when the channel was removed meanwhile. */
  sendTest(channel: NotificationChannelEntity): Promise<NotificationDeliveryEntity | null> {
    return this.inFlight.track(this.deliver(channel, 'test', null, 1));
  }

  /** Resolves when nothing is in flight, including deliveries started while waiting. */
  idle(): Promise<void> {
    return this.inFlight.drain();
  }

  /**
   * After the last alert decisions, cuts tries and waits between them short (the deliveries are logged
   * as failed, "aborted") and waits for the log to be written, while the database is still open.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.alerts.idle();
    this.stopping.abort();
    await this.idle();
  }

  private async fanOut(event: Exclude<DeliveryEvent, 'test'>, alert: AlertEvent): Promise<void> {
    const targets = (await this.channels.findEnabled()).filter((channel) => channelWants(channel, alert));
    await Promise.all(
      targets.map((channel) =>
        this.deliver(channel, event, alert, MAX_ATTEMPTS).catch((error: unknown) => {
          this.logger.error(
            { err: error, channel: channel.id, alert: alert.id },
            'Notification delivery failed unexpectedly',
          );
        }),
      ),
    );
  }

  private async deliver(
    channel: NotificationChannelEntity,
    event: DeliveryEvent,
    alert: AlertEvent | null,
    maxAttempts: number,
  ): Promise<NotificationDeliveryEntity | null> {
    const createdAt = this.clock.now();
    const delivery = await this.deliveries.insertPending({
      channelId: channel.id,
      alertId: alert?.id ?? null,
      event,
      createdAt,
    });
    const body = renderBody(channel.kind, { event, alert, channelName: channel.name, sentAt: createdAt.toISOString() });
    const headers: Record<string, string> =
      channel.kind === 'webhook'
        ? {
            'x-shawn-event': event,
            'x-shawn-delivery': String(delivery.id),
            ...(channel.secret ? { 'x-signature': signBody(body, channel.secret) } : {}),
          }
        : {};
    const signal = this.stopping.signal;
    let outcome: SendOutcome = { ok: false, status: null, error: 'aborted: the server is stopping', retryable: false };
    let attempts = 0;
    while (attempts < maxAttempts && !signal.aborted) {
      if (attempts > 0) {
        await this.deliveries.recordAttempt(delivery.id, progressOf(attempts, outcome));
        const waited = await sleep(backoffDelayMs(attempts, this.config.notifications.backoffMs), true, {
          signal,
        }).catch(() => false);
        if (!waited) {
          outcome = { ok: false, status: outcome.status, error: 'aborted: the server is stopping', retryable: false };
          break;
        }
      }
      attempts++;
      outcome = await this.client.post(channel.url, body, headers, signal);
      if (outcome.ok || !outcome.retryable) break;
    }
    const finishedAt = this.clock.now();
    const finished = await this.deliveries.finish(
      delivery.id,
      outcome.ok ? 'delivered' : 'failed',
      progressOf(attempts, outcome),
      finishedAt,
    );
    this.events.publish('notification.delivery_finished', {
      deliveryId: delivery.id,
      channelId: channel.id,
      channelKind: channel.kind,
      event,
      outcome: outcome.ok ? 'delivered' : 'failed',
      attempts,
      at: finishedAt,
    });
    const line = { channel: channel.id, delivery: delivery.id, alert: alert?.id ?? null, event, attempts };
    if (outcome.ok) this.logger.log(line, 'Notification delivered');
    else this.logger.warn({ ...line, error: outcome.error }, 'Notification not delivered');
    return finished;
  }
}

function progressOf(attempts: number, outcome: SendOutcome): DeliveryProgress {
  return {
    attempts,
    responseStatus: outcome.status,
    error: outcome.ok ? null : outcome.error.slice(0, ERROR_MAX),
  };
}
