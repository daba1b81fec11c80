import { Module, type DynamicModule, type OnModuleDestroy } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { ScheduleModule } from '@nestjs/schedule';
import { LoggerModule } from 'nestjs-pino';
import { AlertsModule } from './alerts/alerts.module.js';
import { AuthModule } from './auth/auth.module.js';
import { CartridgesModule } from './cartridges/cartridges.module.js';
import { ClusterModule } from './cluster/cluster.module.js';
import { Clock } from './common/clock.js';
import { ShutdownModule, ShutdownState } from './common/shutdown-state.js';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { DcrsModule } from './dcrs/dcrs.module.js';
import { HealthModule } from './health/health.module.js';
import { loggerOptions, type LogDestination } from './logging.js';
import { MetricsApiModule } from './metrics/metrics-api.module.js';
import { ModelsModule } from './models/models.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { ProbingModule } from './probing/probing.module.js';
import { RateLimitModule } from './rate-limit/rate-limit.module.js';
import { RegressionsModule } from './regressions/regressions.module.js';
import { RoutingModule } from './routing/routing.module.js';
import { MaintenanceModule } from './maintenance/maintenance.module.js';
import { ManualTestModule } from './manual-test/manual-test.module.js';
import { EventsModule } from './events/events.module.js';
import { RealtimeModule } from './realtime/realtime.module.js';
import { SeedModule } from './seed/seed.module.js';
import { SloModule } from './slo/slo.module.js';
import { TelemetryModule } from './telemetry/telemetry.module.js';
import { TimelineModule } from './timeline/timeline.module.js';

export interface AppModuleOptions {
  clock?: Clock;
  /** Where log lines go instead of stdout (tests read them back). */
  logDestination?: LogDestination;
}

@Module({})
export class AppModule implements OnModuleDestroy {
  constructor(
    private readonly shutdown: ShutdownState,
    private readonly clock: Clock,
  ) {}

  static forRoot(config: AppConfig, options: AppModuleOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config, options.clock),
        LoggerModule.forRoot(loggerOptions(config, options.logDestination)),
        EventEmitterModule.forRoot(),
        ScheduleModule.forRoot(),
        ShutdownModule,
        ClusterModule,
        EventsModule,
        DatabaseModule,
        SeedModule,
        RateLimitModule,
        AuthModule,
        HealthModule,
        ModelsModule,
        MetricsApiModule,
        DcrsModule,
        CartridgesModule,
        ProbingModule,
        RoutingModule,
        ManualTestModule,
        RealtimeModule,
        AlertsModule,
        NotificationsModule,
        TelemetryModule,
        MaintenanceModule,
        SloModule,
        RegressionsModule,
        TimelineModule,
      ],
    };
  }

  /**
   * The root module is destroyed first, so this runs before any feature's hook: readiness turns 503
   * at the very start of app.close() (and so of SIGTERM), while the server still answers.
   */
  onModuleDestroy(): void {
    this.shutdown.begin(this.clock.now());
  }
}
