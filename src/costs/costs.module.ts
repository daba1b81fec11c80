import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MetricEntity } from '../metrics/metric.entity.js';
import { ModelsModule } from '../models/models.module.js';
import { ProvidersModule } from '../providers/providers.module.js';
import { CostWindowRepository } from './cost-window.repository.js';
import { CostsController } from './costs.controller.js';
import { CostsService } from './costs.service.js';
import { ModelPriceEntity } from './model-price.entity.js';
import { ModelPricesRepository } from './model-prices.repository.js';

@Module({
  imports: [TypeOrmModule.forFeature([ModelPriceEntity, MetricEntity]), ModelsModule, ProvidersModule],
  controllers: [CostsController],
  providers: [ModelPricesRepository, CostWindowRepository, CostsService],
  exports: [CostsService],
})
export class CostsModule {}
