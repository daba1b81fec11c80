import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { NotificationDeliveryEntity } from './notification-delivery.entity.js';

export type DeliveryEvent = NotificationDeliveryEntity['event'];

export interface DeliveryProgress {
  attempts: number;
  responseStatus: number | null;
  error: string | null;
}

@Injectable()
export class NotificationDeliveriesRepository {
  constructor(
    @InjectRepository(NotificationDeliveryEntity) private readonly deliveries: Repository<NotificationDeliveryEntity>,
  ) {}

  insertPending(row: {
    channelId: number;
    alertId: number | null;
    event: DeliveryEvent;
    createdAt: Date;
  }): Promise<NotificationDeliveryEntity> {
    return this.deliveries.save(
      this.deliveries.create({
        ...row,
        status: 'pending',
        attempts: 0,
        responseStatus: null,
        error: null,
        finishedAt: null,
      }),
    );
  }

  /** After a try that will be followed by another. */
  async recordAttempt(id: number, progress: DeliveryProgress): Promise<void> {
    await this.deliveries.update({ id }, progress);
  }

  /** The finished row; null when its channel was removed meanwhile (the row went with it). */
  async finish(
    id: number,
    status: 'delivered' | 'failed',
    progress: DeliveryProgress,
    finishedAt: Date,
  ): Promise<NotificationDeliveryEntity | null> {
    await this.deliveries.update({ id }, { ...progress, status, finishedAt });
    return this.deliveries.findOneBy({ id });
  }

  /** Newest first. */
  findLatestForChannel(channelId: number, limit: number): Promise<NotificationDeliveryEntity[]> {
    return this.deliveries.find({ where: { channelId }, order: { createdAt: 'DESC', id: 'DESC' }, take: limit });
  }
}
