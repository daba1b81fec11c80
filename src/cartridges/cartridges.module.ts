import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ModelsModule } from '../models/models.module.js';
import { ProvidersModule } from '../providers/providers.module.js';
import { RoutingModule } from '../routing/routing.module.js';
import { CartridgeAdminService } from './cartridge-admin.service.js';
import { CartridgeExecutionEntity } from './cartridge-execution.entity.js';
import { CartridgeExecutionsController } from './cartridge-executions.controller.js';
import { CartridgeIngestService } from './cartridge-ingest.service.js';
import { CartridgeResultPublisher } from './cartridge-result.publisher.js';
import { CartridgeRunnerService } from './cartridge-runner.service.js';
import { CartridgeEntity } from './cartridge.entity.js';
import { CartridgeScheduler } from './cartridge.scheduler.js';
import { CartridgesController } from './cartridges.controller.js';
import { CartridgesRepository } from './cartridges.repository.js';
import { CartridgesService } from './cartridges.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([CartridgeEntity, CartridgeExecutionEntity]),
    ModelsModule,
    ProvidersModule,
    RoutingModule,
  ],
  controllers: [CartridgesController, CartridgeExecutionsController],
  providers: [
    CartridgesRepository,
    CartridgesService,
    CartridgeResultPublisher,
    CartridgeAdminService,
    CartridgeRunnerService,
    CartridgeScheduler,
    CartridgeIngestService,
  ],
  exports: [CartridgesRepository, CartridgesService],
})
export class CartridgesModule {}
