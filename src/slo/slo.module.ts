import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlertsModule } from '../alerts/alerts.module.js';
import { MetricEntity } from '../metrics/metric.entity.js';
import { MetricsModule } from '../metrics/metrics.module.js';
import { ModelsModule } from '../models/models.module.js';
import { ModelSloEntity } from './model-slo.entity.js';
import { SloBurnService } from './slo-burn.service.js';
import { RollupSloWindowSource } from './rollup-slo-window.source.js';
import { SloWindowSource } from './slo-window-source.js';
import { RawSloWindowRepository } from './slo-window.repository.js';
import { SloController } from './slo.controller.js';
import { SloRepository } from './slo.repository.js';
import { SloScheduler } from './slo.scheduler.js';
import { SloService } from './slo.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([ModelSloEntity, MetricEntity]), ModelsModule, MetricsModule, AlertsModule],
  controllers: [SloController],
  providers: [
    SloRepository,
    // The one seam for the SLO figures: the rollups (past windows from the raw rows).
    RawSloWindowRepository,
    { provide: SloWindowSource, useClass: RollupSloWindowSource },
    SloService,
    SloBurnService,
    SloScheduler,
  ],
  exports: [SloBurnService],
})
export class SloModule {}
