import { parseAppConfig } from '../config/app-config.js';
import { expectedSchedules, schedulesNotRunning } from './expected-schedules.js';

describe('expectedSchedules', () => {
  it('expects every trigger that the default settings turn on', () => {
    expect(expectedSchedules(parseAppConfig({}))).toEqual([
      { kind: 'interval', name: 'probe-models' },
      { kind: 'cron', name: 'dcrs-daily' },
      { kind: 'interval', name: 'alerts-sweep' },
      { kind: 'interval', name: 'notifications-reminders' },
      { kind: 'interval', name: 'realtime-model-update' },
      { kind: 'interval', name: 'realtime-neural-signal' },
      { kind: 'interval', name: 'slo-burn-check' },
    ]);
  });

  it('expects none of those that settings turn off', () => {
    const config = parseAppConfig({
      PROBE_INTERVAL_MS: '0',
      DCRS_CRON: 'off',
      ALERT_CHECK_INTERVAL_MS: '0',
      MODEL_UPDATE_INTERVAL_MS: '0',
      NEURAL_SIGNAL_INTERVAL_MS: '0',
      SLO_CHECK_INTERVAL_MS: '0',
    });
    expect(expectedSchedules(config)).toEqual([]);
    const noReminders = expectedSchedules(parseAppConfig({ ALERT_REMIND_MINUTES: '0' })).map((s) => s.name);
    expect(noReminders).toContain('alerts-sweep');
    expect(noReminders).not.toContain('notifications-reminders');
  });
});

describe('schedulesNotRunning', () => {
  const expected = [
    { kind: 'interval', name: 'probe-models' },
    { kind: 'cron', name: 'dcrs-daily' },
  ] as const;

  it('is empty when every expected trigger is registered and every cron job started', () => {
    expect(
      schedulesNotRunning(expected, {
        intervals: ['probe-models', 'something-else'],
        cronJobs: [
          { name: 'dcrs-daily', active: true },
          { name: 'cartridge-3', active: true },
        ],
      }),
    ).toEqual([]);
  });

  it('names a missing interval, a missing or stopped expected job, and any stopped cron job', () => {
    expect(
      schedulesNotRunning(expected, {
        intervals: [],
        cronJobs: [
          { name: 'dcrs-daily', active: false },
          { name: 'cartridge-7', active: false },
          { name: 'cartridge-2', active: false },
          { name: 'cartridge-5', active: true },
        ],
      }),
    ).toEqual(['probe-models', 'dcrs-daily', 'cartridge-2', 'cartridge-7']);
    expect(schedulesNotRunning(expected, { intervals: ['probe-models'], cronJobs: [] })).toEqual(['dcrs-daily']);
  });
});
