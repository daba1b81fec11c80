import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ModelEntity } from '../models/model.entity.js';
import { MetricEntity } from './metric.entity.js';
import { MetricsController } from './metrics.controller.js';
import { MetricsRepository } from './metrics.repository.js';
import { MetricsService } from './metrics.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([MetricEntity, ModelEntity])],
  controllers: [MetricsController],
  providers: [MetricsRepository, MetricsService],
  exports: [MetricsRepository],
})
export class MetricsModule {}
