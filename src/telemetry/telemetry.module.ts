// Operational metrics at GET /metrics (Prometheus text format). Not to be confused with src/metrics,
// the measured calls of the models. It observes the other features through their domain events and
// read-only services; none of them imports anything from here.
import { Module } from '@nestjs/common';
import { ModelsModule } from '../models/models.module.js';
import { RealtimeModule } from '../realtime/realtime.module.js';
import { MetricsTokenGuard } from './metrics-token.guard.js';
import { TelemetryController } from './telemetry.controller.js';
import { TelemetryListener } from './telemetry.listener.js';
import { TelemetryMetrics } from './telemetry.metrics.js';
import { TelemetryService } from './telemetry.service.js';

@Module({
  imports: [ModelsModule, RealtimeModule],
  controllers: [TelemetryController],
  providers: [TelemetryMetrics, TelemetryListener, TelemetryService, MetricsTokenGuard],
  exports: [TelemetryMetrics],
})
export class TelemetryModule {}
