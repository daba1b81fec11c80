import { Module } from '@nestjs/common';
import { MaintenanceModule } from '../maintenance/maintenance.module.js';
import { CostsModule } from '../costs/costs.module.js';
import { MetricsModule } from '../metrics/metrics.module.js';
import { ModelsModule } from '../models/models.module.js';
import { ProvidersModule } from '../providers/providers.module.js';
import { CallAccounting } from './call-accounting.service.js';
import { EvaluationService } from './evaluation.service.js';
import { ModelStateService } from './model-state.service.js';
import { ProbeResultRecorder } from './probe-result.recorder.js';
import { ProbeScheduler } from './probe.scheduler.js';
import { ProbeService } from './probe.service.js';
import { ProbingController } from './probing.controller.js';
import { ProbingService } from './probing.service.js';
import { ProviderSimulator } from './provider-simulator.js';
import { EvaluationSuiteService } from './evaluation-suite.service.js';

@Module({
  imports: [ModelsModule, MetricsModule, ProvidersModule, MaintenanceModule, CostsModule],
  controllers: [ProbingController],
  providers: [
    { provide: ProviderSimulator, useFactory: () => new ProviderSimulator() },
    ModelStateService,
    CallAccounting,
    ProbeResultRecorder,
    ProbeService,
    ProbeScheduler,
    EvaluationService,
    EvaluationSuiteService,
    ProbingService,
  ],
  exports: [EvaluationService, EvaluationSuiteService, ProbeService, ModelStateService],
})
export class ProbingModule {}
