// The daily_metrics table's owner. The models detail view reads it and the metrics list asks the
// models owner whether a model exists, so the HTTP side lives in MetricsApiModule, above both.
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MetricEntity } from './metric.entity.js';
import { MetricsRepository } from './metrics.repository.js';
import { MetricRollupEntity } from './rollups/metric-rollup.entity.js';
import { RollupBackfillEntity } from './rollups/rollup-backfill.entity.js';
import { RollupMaintenanceRepository } from './rollups/rollup-maintenance.repository.js';
import { RollupMaintenanceService } from './rollups/rollup-maintenance.service.js';
import { RollupsRepository } from './rollups/rollups.repository.js';
import { UptimeWindowRepository } from './rollups/uptime-window.repository.js';

@Module({
  imports: [TypeOrmModule.forFeature([MetricEntity, MetricRollupEntity, RollupBackfillEntity])],
  providers: [
    MetricsRepository,
    RollupsRepository,
    UptimeWindowRepository,
    RollupMaintenanceRepository,
    RollupMaintenanceService,
  ],
  exports: [MetricsRepository, RollupsRepository, UptimeWindowRepository],
})
export class MetricsModule {}
