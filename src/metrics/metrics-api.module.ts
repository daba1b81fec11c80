import { Module } from '@nestjs/common';
import { ModelsModule } from '../models/models.module.js';
import { MetricsController } from './metrics.controller.js';
import { MetricsModule } from './metrics.module.js';
import { MetricsService } from './metrics.service.js';

/** GET /api/metrics: reads the metrics owner's rows and asks the models owner about model_id. */
@Module({
  imports: [MetricsModule, ModelsModule],
  controllers: [MetricsController],
  providers: [MetricsService],
})
export class MetricsApiModule {}
