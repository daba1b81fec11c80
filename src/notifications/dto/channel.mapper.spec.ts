import { maskChannelUrl } from './channel.mapper.js';

describe('maskChannelUrl', () => {
  it('shows only scheme and host of Slack and Discord URLs, whose path is the secret', () => {
    expect(maskChannelUrl('slack', 'https://hooks.slack.com/services/T000/B000/XXXXSECRET')).toBe(
      'https://hooks.slack.com/***',
    );
    expect(maskChannelUrl('discord', 'https://discord.com/api/webhooks/123/SECRET')).toBe('https://discord.com/***');
  });
  it('shows a webhook path but never its query', () => {
    expect(maskChannelUrl('webhook', 'https://ops.example.com:8443/hooks/shawn')).toBe(
      'https://ops.example.com:8443/hooks/shawn',
    );
    expect(maskChannelUrl('webhook', 'https://ops.example.com/hook?token=SECRET')).toBe(
      'https://ops.example.com/hook?***',
    );
  });
});
