import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ModelsModule } from '../models/models.module.js';
import { ProbingModule } from '../probing/probing.module.js';
import { ProvidersModule } from '../providers/providers.module.js';
import { RoutingModule } from '../routing/routing.module.js';
import { DcrsRunEntity } from './dcrs-run.entity.js';
import { DcrsRunnerService } from './dcrs-runner.service.js';
import { DcrsController } from './dcrs.controller.js';
import { DcrsRepository } from './dcrs.repository.js';
import { DcrsScheduler } from './dcrs.scheduler.js';
import { DcrsService } from './dcrs.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([DcrsRunEntity]), ModelsModule, ProbingModule, ProvidersModule, RoutingModule],
  controllers: [DcrsController],
  providers: [DcrsRepository, DcrsService, DcrsRunnerService, DcrsScheduler],
  exports: [DcrsRepository, DcrsRunnerService],
})
export class DcrsModule {}
