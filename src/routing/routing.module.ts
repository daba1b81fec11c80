import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RoutingChangeEntity } from './routing-change.entity.js';
import { RoutingStateEntity } from './routing-state.entity.js';
import { RoutingController } from './routing.controller.js';
import { RoutingRepository } from './routing.repository.js';
import { RoutingService } from './routing.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([RoutingStateEntity, RoutingChangeEntity])],
  controllers: [RoutingController],
  providers: [RoutingRepository, RoutingService],
  exports: [RoutingService],
})
export class RoutingModule {}
