import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CartridgeExecutionEntity } from './cartridge-execution.entity.js';
import { CartridgeEntity } from './cartridge.entity.js';
import { CartridgesController } from './cartridges.controller.js';
import { CartridgesRepository } from './cartridges.repository.js';
import { CartridgesService } from './cartridges.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([CartridgeEntity, CartridgeExecutionEntity])],
  controllers: [CartridgesController],
  providers: [CartridgesRepository, CartridgesService],
  exports: [CartridgesRepository, CartridgesService],
})
export class CartridgesModule {}
