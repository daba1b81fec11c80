// Alert rules over the domain events (and a periodic sweep), the alerts API, and the
// alert.opened / alert.resolved events that notifications and dashboards follow.
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CartridgesModule } from '../cartridges/cartridges.module.js';
import { ModelsModule } from '../models/models.module.js';
import { AlertEntity } from './alert.entity.js';
import { AlertRulesListener } from './alert-rules.listener.js';
import { AlertSweepService } from './alert-sweep.service.js';
import { AlertsController } from './alerts.controller.js';
import { AlertsRepository } from './alerts.repository.js';
import { AlertsScheduler } from './alerts.scheduler.js';
import { AlertsService } from './alerts.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([AlertEntity]), CartridgesModule, ModelsModule],
  controllers: [AlertsController],
  providers: [AlertsRepository, AlertsService, AlertRulesListener, AlertSweepService, AlertsScheduler],
  exports: [AlertsService],
})
export class AlertsModule {}
