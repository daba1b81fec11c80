import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ModelsModule } from '../models/models.module.js';
import { ProbingModule } from '../probing/probing.module.js';
import { ProvidersModule } from '../providers/providers.module.js';
import { ManualTestRunEntity } from './manual-test-run.entity.js';
import { ManualTestController } from './manual-test.controller.js';
import { ManualTestRepository } from './manual-test.repository.js';
import { ManualTestService } from './manual-test.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([ManualTestRunEntity]), ModelsModule, ProbingModule, ProvidersModule],
  controllers: [ManualTestController],
  providers: [ManualTestRepository, ManualTestService],
})
export class ManualTestModule {}
