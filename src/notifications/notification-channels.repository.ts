import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { isUniqueViolation } from '../database/errors.js';
import { NotificationChannelEntity } from './notification-channel.entity.js';

export type NewChannel = Omit<NotificationChannelEntity, 'id'>;
export type ChannelPatch = Partial<Omit<NotificationChannelEntity, 'id' | 'kind' | 'origin' | 'createdAt'>> & {
  updatedAt: Date;
};

@Injectable()
export class NotificationChannelsRepository {
  constructor(
    @InjectRepository(NotificationChannelEntity) private readonly channels: Repository<NotificationChannelEntity>,
  ) {}

  findAllOrdered(): Promise<NotificationChannelEntity[]> {
    return this.channels.find({ order: { id: 'ASC' } });
  }

  findEnabled(): Promise<NotificationChannelEntity[]> {
    return this.channels.find({ where: { enabled: true }, order: { id: 'ASC' } });
  }

  findById(id: number): Promise<NotificationChannelEntity | null> {
    return this.channels.findOneBy({ id });
  }

  findByName(name: string): Promise<NotificationChannelEntity | null> {
    return this.channels.findOneBy({ name });
  }

  findByOrigin(origin: 'api' | 'env'): Promise<NotificationChannelEntity[]> {
    return this.channels.find({ where: { origin }, order: { id: 'ASC' } });
  }

  /** null when the name is taken (checked first, but another request may win the race). */
  async insert(channel: NewChannel): Promise<NotificationChannelEntity | null> {
    try {
      return await this.channels.save(this.channels.create(channel));
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  /** false when the new name is taken. */
  async update(id: number, patch: ChannelPatch): Promise<boolean> {
    try {
      await this.channels.update({ id }, patch);
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  /** Removes the channel and, through the foreign key's cascade, its delivery log. */
  async remove(id: number): Promise<void> {
    await this.channels.delete({ id });
  }
}
