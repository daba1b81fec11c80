// Readiness from what was observed: a pure decision, so that every failing part gets its own name
// in the 503 body. A check that could not be made (the stop began, or the database it needs is gone)
// is `skipped`, not `ok`.

export type CheckState = 'ok' | 'failing' | 'skipped';

export interface ReadinessChecks {
  database: CheckState;
  migrations: CheckState;
  schedulers: CheckState;
}

export interface Readiness {
  status: 'healthy' | 'unhealthy';
  checks: ReadinessChecks;
  /** Every failing part, in a sentence; absent when healthy. */
  reason?: string;
}

export type MigrationsObservation =
  { kind: 'applied' } | { kind: 'pending'; names: readonly string[] } | { kind: 'unreadable' };

export type ReadinessObservation =
  | { kind: 'stopping' }
  | {
      kind: 'running';
      databaseAnswers: boolean;
      /** null when the database did not answer (nothing to read them from). */
      migrations: MigrationsObservation | null;
      schedulesNotRunning: readonly string[];
    };

const MAX_LISTED = 5;

function listed(names: readonly string[]): string {
  const shown = names.slice(0, MAX_LISTED).join(', ');
  return names.length > MAX_LISTED ? `${shown} and ${names.length - MAX_LISTED} more` : shown;
}

export function decideReadiness(observed: ReadinessObservation): Readiness {
  if (observed.kind === 'stopping') {
    return {
      status: 'unhealthy',
      checks: { database: 'skipped', migrations: 'skipped', schedulers: 'skipped' },
      reason: 'shutting down',
    };
  }
  const reasons: string[] = [];
  const database: CheckState = observed.databaseAnswers ? 'ok' : 'failing';
  if (!observed.databaseAnswers) reasons.push('database does not answer');

  let migrations: CheckState = 'skipped';
  const found = observed.migrations;
  if (found?.kind === 'applied') migrations = 'ok';
  else if (found?.kind === 'pending') {
    migrations = 'failing';
    reasons.push(`migrations not applied: ${listed(found.names)}`);
  } else if (found?.kind === 'unreadable') {
    migrations = 'failing';
    reasons.push('migrations table cannot be read');
  }

  const schedulers: CheckState = observed.schedulesNotRunning.length === 0 ? 'ok' : 'failing';
  if (schedulers === 'failing') reasons.push(`schedulers not running: ${listed(observed.schedulesNotRunning)}`);

  const checks = { database, migrations, schedulers };
  return reasons.length === 0
    ? { status: 'healthy', checks }
    : { status: 'unhealthy', checks, reason: reasons.join('; ') };
}
