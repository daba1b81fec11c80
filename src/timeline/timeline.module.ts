import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlertEntity } from '../alerts/alert.entity.js';
import { DcrsRunEntity } from '../dcrs/dcrs-run.entity.js';
import { MaintenanceModule } from '../maintenance/maintenance.module.js';
import { ModelsModule } from '../models/models.module.js';
import { RoutingChangeEntity } from '../routing/routing-change.entity.js';
import { ModelStatusChangeEntity } from './model-status-change.entity.js';
import { TimelineController } from './timeline.controller.js';
import { TimelineRepository } from './timeline.repository.js';
import { TimelineService } from './timeline.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([ModelStatusChangeEntity, DcrsRunEntity, RoutingChangeEntity, AlertEntity]),
    ModelsModule,
    MaintenanceModule,
  ],
  controllers: [TimelineController],
  providers: [TimelineRepository, TimelineService],
})
export class TimelineModule {}
