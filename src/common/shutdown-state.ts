// Whether the application has begun to stop. AppModule's onModuleDestroy calls begin(): it is the
// first hook Nest runs on app.close(), which enableShutdownHooks() calls on SIGTERM and SIGINT. From
// then on readiness answers 503 while requests in flight finish. Anything that must react to the
// stop (refuse new work, cut waits short) can read `stopping` or listen to `signal`.
import { Global, Injectable, Module } from '@nestjs/common';

@Injectable()
export class ShutdownState {
  private readonly controller = new AbortController();
  private startedAt: Date | null = null;

  /** Idempotent: the first call wins, later ones change nothing. */
  begin(at: Date = new Date()): void {
    if (this.startedAt) return;
    this.startedAt = at;
    this.controller.abort();
  }

  get stopping(): boolean {
    return this.startedAt !== null;
  }

  /** When the stop began; null while running. */
  get since(): Date | null {
    return this.startedAt;
  }

  /** Aborted when the stop begins. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }
}

/** Global, so that any feature can read the state without importing a module for it. */
@Global()
@Module({ providers: [ShutdownState], exports: [ShutdownState] })
export class ShutdownModule {}
