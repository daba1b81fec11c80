import { envChannelDefinitions } from './env-channels.js';

describe('envChannelDefinitions', () => {
  const base = { minSeverity: 'warning' as const, alertTypes: null };

  it('defines nothing when no NOTIFY_* URL is set', () => {
    expect(envChannelDefinitions(base)).toEqual([]);
  });

  it('one channel per URL; only the webhook takes the secret; filters apply to each', () => {
    const defs = envChannelDefinitions({
      ...base,
      alertTypes: ['model_down'],
      webhookUrl: 'https://ops.example.com/hook',
      webhookSecret: 'a-secret-of-16-chars',
      slackUrl: 'https://hooks.slack.com/services/T/B/x',
      discordUrl: 'https://discord.com/api/webhooks/1/x',
    });
    expect(defs.map((d) => [d.name, d.kind, d.secret])).toEqual([
      ['env:webhook', 'webhook', 'a-secret-of-16-chars'],
      ['env:slack', 'slack', null],
      ['env:discord', 'discord', null],
    ]);
    expect(defs.every((d) => d.minSeverity === 'warning' && d.alertTypes?.[0] === 'model_down')).toBe(true);
  });
});
