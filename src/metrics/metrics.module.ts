// The daily_metrics table's owner. The models detail view reads it and the metrics list asks the
// models owner whether a model exists, so the HTTP side lives in MetricsApiModule, above both.
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MetricEntity } from './metric.entity.js';
import { MetricsRepository } from './metrics.repository.js';

@Module({
  imports: [TypeOrmModule.forFeature([MetricEntity])],
  providers: [MetricsRepository],
  exports: [MetricsRepository],
})
export class MetricsModule {}
