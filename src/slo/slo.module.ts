import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlertsModule } from '../alerts/alerts.module.js';
import { MetricEntity } from '../metrics/metric.entity.js';
import { ModelsModule } from '../models/models.module.js';
import { ModelSloEntity } from './model-slo.entity.js';
import { SloBurnService } from './slo-burn.service.js';
import { SloWindowSource } from './slo-window-source.js';
import { RawSloWindowRepository } from './slo-window.repository.js';
import { SloController } from './slo.controller.js';
import { SloRepository } from './slo.repository.js';
import { SloScheduler } from './slo.scheduler.js';
import { SloService } from './slo.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([ModelSloEntity, MetricEntity]), ModelsModule, AlertsModule],
  controllers: [SloController],
  providers: [
    SloRepository,
    // The one seam for the SLO figures: raw rows today, rollups tomorrow.
    { provide: SloWindowSource, useClass: RawSloWindowRepository },
    SloService,
    SloBurnService,
    SloScheduler,
  ],
  exports: [SloBurnService],
})
export class SloModule {}
