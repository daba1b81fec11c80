import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlertsModule } from '../alerts/alerts.module.js';
import { DcrsRunEntity } from '../dcrs/dcrs-run.entity.js';
import { MetricEntity } from '../metrics/metric.entity.js';
import { RegressionsController } from './regressions.controller.js';
import { RegressionsRepository } from './regressions.repository.js';
import { RegressionsService } from './regressions.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([DcrsRunEntity, MetricEntity]), AlertsModule],
  controllers: [RegressionsController],
  providers: [RegressionsRepository, RegressionsService],
  exports: [RegressionsService],
})
export class RegressionsModule {}
