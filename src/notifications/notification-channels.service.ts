// The admin side of notification channels: list, create, change, remove, test, and the delivery log.
// Channels from the environment (origin env) are read-only here.
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { conflict, DomainError, invalidInput, notFound } from '../common/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import type { ChannelKind, NotificationChannelEntity } from './notification-channel.entity.js';
import { NotificationChannelsRepository, type ChannelPatch } from './notification-channels.repository.js';
import { NotificationDeliveriesRepository } from './notification-deliveries.repository.js';
import { NotificationDispatcher } from './notification-dispatcher.service.js';
import { staticUrlProblem } from '../common/webhook-address.js';
import { toChannelResponse, toDeliveryResponse } from './dto/channel.mapper.js';
import type {
  ChannelListResponse,
  ChannelResponse,
  DeliveryListResponse,
  DeliveryResponse,
} from './dto/channel.response.js';
import type { CreateChannelRequest, UpdateChannelRequest } from './dto/channel-write.request.js';

@Injectable()
export class NotificationChannelsService {
  constructor(
    private readonly channels: NotificationChannelsRepository,
    private readonly deliveries: NotificationDeliveriesRepository,
    private readonly dispatcher: NotificationDispatcher,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(): Promise<ChannelListResponse> {
    return { channels: (await this.channels.findAllOrdered()).map(toChannelResponse) };
  }

  async get(id: number): Promise<ChannelResponse> {
    return toChannelResponse(await this.require(id));
  }

  async create(request: CreateChannelRequest): Promise<ChannelResponse> {
    this.checkUrl(request.url);
    this.checkSecret(request.kind, request.secret);
    if (await this.channels.findByName(request.name)) throw this.nameTaken(request.name);
    const now = this.clock.now();
    const created = await this.channels.insert({
      name: request.name,
      kind: request.kind,
      url: request.url,
      secret: request.secret ?? null,
      alertTypes: request.alert_types ?? null,
      minSeverity: request.min_severity ?? 'info',
      enabled: request.enabled ?? true,
      origin: 'api',
      createdAt: now,
      updatedAt: now,
    });
    if (!created) throw this.nameTaken(request.name);
    return toChannelResponse(created);
  }

  async update(id: number, request: UpdateChannelRequest): Promise<ChannelResponse> {
    const channel = await this.requireWritable(id);
    if (request.url !== undefined) this.checkUrl(request.url);
    if (request.secret !== undefined) this.checkSecret(channel.kind, request.secret);
    if (request.name !== undefined && request.name !== channel.name && (await this.channels.findByName(request.name))) {
      throw this.nameTaken(request.name);
    }
    const patch: ChannelPatch = { updatedAt: this.clock.now() };
    if (request.name !== undefined) patch.name = request.name;
    if (request.url !== undefined) patch.url = request.url;
    if (request.secret !== undefined) patch.secret = request.secret;
    if (request.alert_types !== undefined) patch.alertTypes = request.alert_types;
    if (request.min_severity !== undefined) patch.minSeverity = request.min_severity;
    if (request.enabled !== undefined) patch.enabled = request.enabled;
    if (!(await this.channels.update(id, patch))) throw this.nameTaken(request.name ?? channel.name);
    return toChannelResponse(await this.require(id));
  }

  async remove(id: number): Promise<void> {
    await this.requireWritable(id);
    await this.channels.remove(id);
  }

  /** Sends a test message now (one try, whatever the channel's filters or enabled flag) and returns its log entry. */
  async test(id: number): Promise<DeliveryResponse> {
    const delivery = await this.dispatcher.sendTest(await this.require(id));
    if (!delivery) throw notFound(`Notification channel ${id} not found`);
    return toDeliveryResponse(delivery);
  }

  async deliveryLog(id: number, limit: number): Promise<DeliveryListResponse> {
    await this.require(id);
    const rows = await this.deliveries.findLatestForChannel(id, limit);
    return { channel_id: id, deliveries: rows.map(toDeliveryResponse) };
  }

  private async require(id: number): Promise<NotificationChannelEntity> {
    const channel = await this.channels.findById(id);
    if (!channel) throw notFound(`Notification channel ${id} not found`);
    return channel;
  }

  private async requireWritable(id: number): Promise<NotificationChannelEntity> {
    const channel = await this.require(id);
    if (channel.origin === 'env') {
      throw new DomainError(
        'forbidden',
        `Notification channel ${id} comes from the environment (NOTIFY_* variables): change it there`,
      );
    }
    return channel;
  }

  private checkUrl(url: string): void {
    const problem = staticUrlProblem(url, this.config.notifications.allowedHosts);
    if (problem) throw invalidInput(`url ${problem}`);
  }

  private checkSecret(kind: ChannelKind, secret: string | null | undefined): void {
    if (secret !== undefined && secret !== null && kind !== 'webhook') {
      throw invalidInput(`secret applies to webhook channels only (this one is ${kind})`);
    }
  }

  private nameTaken(name: string): DomainError {
    return conflict(`A notification channel named "${name}" already exists`);
  }
}
