import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThanOrEqual, Repository } from 'typeorm';
import { ModelPriceEntity } from './model-price.entity.js';

export type NewModelPrice = Omit<ModelPriceEntity, 'id' | 'model'>;

@Injectable()
export class ModelPricesRepository {
  constructor(@InjectRepository(ModelPriceEntity) private readonly prices: Repository<ModelPriceEntity>) {}

  /** The admin's price in force at `at`: the latest that took effect by then. */
  findInForce(modelId: number, at: Date): Promise<ModelPriceEntity | null> {
    return this.prices.findOne({
      where: { modelId, effectiveFrom: LessThanOrEqual(at) },
      order: { effectiveFrom: 'DESC', id: 'DESC' },
    });
  }

  async insert(price: NewModelPrice): Promise<ModelPriceEntity> {
    const result = await this.prices.insert(price);
    return { ...price, id: Number((result.identifiers[0] as { id: number }).id) };
  }
}
