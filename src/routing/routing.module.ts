import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CostsModule } from '../costs/costs.module.js';
import { ModelsModule } from '../models/models.module.js';
import { ProvidersModule } from '../providers/providers.module.js';
import { RoutingChangeEntity } from './routing-change.entity.js';
import { RoutingStateEntity } from './routing-state.entity.js';
import { RoutingExportService } from './routing-export.service.js';
import { RoutingController } from './routing.controller.js';
import { RoutingRepository } from './routing.repository.js';
import { RoutingService } from './routing.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([RoutingStateEntity, RoutingChangeEntity]),
    ModelsModule,
    ProvidersModule,
    CostsModule,
  ],
  controllers: [RoutingController],
  providers: [RoutingRepository, RoutingService, RoutingExportService],
  exports: [RoutingService],
})
export class RoutingModule {}
