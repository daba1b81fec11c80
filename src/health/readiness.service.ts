// Gathers what readiness is decided from: the shutdown state, the database, its migrations and the
// scheduler registry. The decision itself is readiness.ts.
import { Inject, Injectable } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { ShutdownState } from '../common/shutdown-state.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { expectedSchedules, schedulesNotRunning, type ExpectedSchedule } from './expected-schedules.js';
import { HealthRepository } from './health.repository.js';
import { decideReadiness, type MigrationsObservation, type Readiness } from './readiness.js';

@Injectable()
export class ReadinessService {
  private readonly expected: ExpectedSchedule[];

  constructor(
    private readonly health: HealthRepository,
    private readonly scheduler: SchedulerRegistry,
    private readonly shutdown: ShutdownState,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.expected = expectedSchedules(config);
  }

  async readiness(): Promise<Readiness> {
    if (this.shutdown.stopping) return decideReadiness({ kind: 'stopping' });
    const databaseAnswers = await this.health.databaseAnswers();
    const migrations = databaseAnswers ? await this.migrations() : null;
    // The stop may have begun while the database was being asked.
    if (this.shutdown.stopping) return decideReadiness({ kind: 'stopping' });
    return decideReadiness({
      kind: 'running',
      databaseAnswers,
      migrations,
      schedulesNotRunning: this.schedulesNotRunning(),
    });
  }

  private async migrations(): Promise<MigrationsObservation> {
    const pending = await this.health.pendingMigrations();
    if (pending === null) return { kind: 'unreadable' };
    return pending.length === 0 ? { kind: 'applied' } : { kind: 'pending', names: pending };
  }

  private schedulesNotRunning(): string[] {
    const cronJobs = [...this.scheduler.getCronJobs()].map(([name, job]) => ({ name, active: job.isActive }));
    return schedulesNotRunning(this.expected, { intervals: this.scheduler.getIntervals(), cronJobs });
  }
}
