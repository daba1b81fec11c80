import { ConfigValidationError, parseAppConfig } from '../config/app-config.js';

function problems(env: Record<string, string>): string {
  try {
    parseAppConfig(env);
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.problems.join('\n');
    throw error;
  }
  return '';
}

describe('alert and notification settings', () => {
  it('have the documented defaults', () => {
    const config = parseAppConfig({});
    expect(config.alerts).toEqual({ checkIntervalMs: 60_000, remindMinutes: 60, scoreDrop: 1 });
    expect(config.notifications).toEqual({
      timeoutMs: 10_000,
      backoffMs: 1_000,
      allowedHosts: [],
      env: {
        webhookUrl: undefined,
        webhookSecret: undefined,
        slackUrl: undefined,
        discordUrl: undefined,
        minSeverity: 'info',
        alertTypes: null,
      },
    });
  });

  it('reads channels, filters and allowed hosts', () => {
    const config = parseAppConfig({
      NOTIFY_WEBHOOK_URL: 'https://ops.example.com/hook',
      NOTIFY_WEBHOOK_SECRET: 'a-secret-of-16-chars',
      NOTIFY_SLACK_WEBHOOK_URL: 'https://hooks.slack.com/services/T/B/x',
      NOTIFY_MIN_SEVERITY: 'critical',
      NOTIFY_ALERT_TYPES: 'model_down, dcrs_failed',
      WEBHOOK_ALLOWED_HOSTS: 'Hooks.Internal.example.com, [::1], 127.0.0.1',
      ALERT_REMIND_MINUTES: '0',
      ALERT_CHECK_INTERVAL_MS: '0',
    });
    expect(config.notifications.env).toMatchObject({
      webhookUrl: 'https://ops.example.com/hook',
      slackUrl: 'https://hooks.slack.com/services/T/B/x',
      minSeverity: 'critical',
      alertTypes: ['model_down', 'dcrs_failed'],
    });
    expect(config.notifications.allowedHosts).toEqual(['hooks.internal.example.com', '::1', '127.0.0.1']);
    expect(config.alerts).toMatchObject({ remindMinutes: 0, checkIntervalMs: 0 });
  });

  it('refuses a channel URL to a private address, naming the variable but never the URL path', () => {
    const text = problems({
      NOTIFY_SLACK_WEBHOOK_URL: 'http://10.0.0.8/services/T/B/TOPSECRET',
      NOTIFY_DISCORD_WEBHOOK_URL: 'not a url TOPSECRET',
    });
    expect(text).toContain('NOTIFY_SLACK_WEBHOOK_URL: host 10.0.0.8 is a private address and is refused');
    expect(text).toContain('NOTIFY_DISCORD_WEBHOOK_URL is not a valid URL');
    expect(text).not.toContain('TOPSECRET');
    expect(problems({ NOTIFY_WEBHOOK_URL: 'http://10.0.0.8/hook', WEBHOOK_ALLOWED_HOSTS: '10.0.0.8' })).toBe('');
  });

  it('reports every invalid setting by name', () => {
    const text = problems({
      NOTIFY_WEBHOOK_URL: 'ftp://ops.example.com/',
      NOTIFY_WEBHOOK_SECRET: 'short',
      NOTIFY_MIN_SEVERITY: 'loud',
      NOTIFY_ALERT_TYPES: 'model_down,model_on_fire',
      NOTIFY_TIMEOUT_MS: '10',
      NOTIFY_BACKOFF_MS: '-1',
      ALERT_REMIND_MINUTES: 'soon',
      ALERT_CHECK_INTERVAL_MS: '50',
      ALERT_SCORE_DROP: '0',
    });
    for (const name of [
      'NOTIFY_WEBHOOK_URL',
      'NOTIFY_WEBHOOK_SECRET',
      'NOTIFY_MIN_SEVERITY',
      'NOTIFY_ALERT_TYPES',
      'NOTIFY_TIMEOUT_MS',
      'NOTIFY_BACKOFF_MS',
      'ALERT_REMIND_MINUTES',
      'ALERT_CHECK_INTERVAL_MS',
      'ALERT_SCORE_DROP',
    ]) {
      expect(text).toContain(name);
    }
    expect(text).toContain('model_on_fire');
  });
});
