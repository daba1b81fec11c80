import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MetricsModule } from '../metrics/metrics.module.js';
import { ProvidersModule } from '../providers/providers.module.js';
import { ModelListSnapshots } from './model-list.snapshot.js';
import { ModelEntity } from './model.entity.js';
import { ModelsController } from './models.controller.js';
import { ModelsRepository } from './models.repository.js';
import { ModelsService } from './models.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([ModelEntity]), MetricsModule, ProvidersModule],
  controllers: [ModelsController],
  providers: [ModelsRepository, ModelsService, ModelListSnapshots],
  exports: [ModelsRepository, ModelsService, ModelListSnapshots],
})
export class ModelsModule {}
