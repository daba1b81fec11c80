import { decideReadiness, type ReadinessObservation } from './readiness.js';

const allWell: ReadinessObservation = {
  kind: 'running',
  databaseAnswers: true,
  migrations: { kind: 'applied' },
  schedulesNotRunning: [],
};

describe('decideReadiness', () => {
  it('is healthy when the database answers, migrations are applied and the schedules run', () => {
    expect(decideReadiness(allWell)).toEqual({
      status: 'healthy',
      checks: { database: 'ok', migrations: 'ok', schedulers: 'ok' },
    });
  });

  it('names the database when it does not answer, and skips the migrations it would be asked about', () => {
    expect(decideReadiness({ ...allWell, databaseAnswers: false, migrations: null })).toEqual({
      status: 'unhealthy',
      checks: { database: 'failing', migrations: 'skipped', schedulers: 'ok' },
      reason: 'database does not answer',
    });
  });

  it('names the migrations not applied, or says their table cannot be read', () => {
    const pending = decideReadiness({
      ...allWell,
      migrations: { kind: 'pending', names: ['AddIndex1', 'AddColumn2'] },
    });
    expect(pending.checks.migrations).toBe('failing');
    expect(pending.reason).toBe('migrations not applied: AddIndex1, AddColumn2');
    expect(decideReadiness({ ...allWell, migrations: { kind: 'unreadable' } }).reason).toBe(
      'migrations table cannot be read',
    );
  });

  it('names every failing part at once, and shortens a long list', () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const readiness = decideReadiness({
      kind: 'running',
      databaseAnswers: true,
      migrations: { kind: 'pending', names },
      schedulesNotRunning: ['probe-models', 'dcrs-daily'],
    });
    expect(readiness).toEqual({
      status: 'unhealthy',
      checks: { database: 'ok', migrations: 'failing', schedulers: 'failing' },
      reason: 'migrations not applied: a, b, c, d, e and 2 more; schedulers not running: probe-models, dcrs-daily',
    });
  });

  it('is unhealthy from the moment the stop begins, whatever the parts say', () => {
    expect(decideReadiness({ kind: 'stopping' })).toEqual({
      status: 'unhealthy',
      checks: { database: 'skipped', migrations: 'skipped', schedulers: 'skipped' },
      reason: 'shutting down',
    });
  });
});
