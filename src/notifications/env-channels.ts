// The channels NOTIFY_* variables define. Pure.
import type { AppConfig } from '../config/app-config.js';
import type { ChannelKind } from './notification-channel.entity.js';

export interface EnvChannelDefinition {
  name: string;
  kind: ChannelKind;
  url: string;
  secret: string | null;
  alertTypes: string[] | null;
  minSeverity: 'info' | 'warning' | 'critical';
}

/** Names of environment channels start with "env:", which the API refuses for its own. */
export const ENV_CHANNEL_NAMES: Readonly<Record<ChannelKind, string>> = {
  webhook: 'env:webhook',
  slack: 'env:slack',
  discord: 'env:discord',
};

export function envChannelDefinitions(env: AppConfig['notifications']['env']): EnvChannelDefinition[] {
  const urls: [ChannelKind, string | undefined][] = [
    ['webhook', env.webhookUrl],
    ['slack', env.slackUrl],
    ['discord', env.discordUrl],
  ];
  return urls
    .filter((entry): entry is [ChannelKind, string] => entry[1] !== undefined)
    .map(([kind, url]) => ({
      name: ENV_CHANNEL_NAMES[kind],
      kind,
      url,
      secret: kind === 'webhook' ? (env.webhookSecret ?? null) : null,
      alertTypes: env.alertTypes === null ? null : [...env.alertTypes],
      minSeverity: env.minSeverity,
    }));
}
