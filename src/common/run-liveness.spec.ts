import { parseAppConfig } from '../config/app-config.js';
import { staleBefore } from './run-liveness.js';

const NOW = new Date('2026-11-29T12:00:00.000Z');

describe('staleBefore', () => {
  it('counts every running row as its own for one process alone (no REDIS_URL)', () => {
    expect(staleBefore(NOW, parseAppConfig({}).cluster)).toBeNull();
  });

  it('with several instances, takes only rows silent for RUN_STALE_HEARTBEATS heartbeats', () => {
    const { cluster } = parseAppConfig({
      DATABASE_URL: 'postgres://db.internal/shawn',
      REDIS_URL: 'redis://cache.internal:6379',
      RUN_HEARTBEAT_MS: '10000',
      RUN_STALE_HEARTBEATS: '3',
    });
    expect(staleBefore(NOW, cluster)).toEqual(new Date('2026-11-29T11:59:30.000Z'));
  });
});
