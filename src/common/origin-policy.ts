// Which browser pages may open a socket: the CORS_ORIGINS rule that app.setup.ts applies to HTTP,
// applied to both WebSocket transports (browsers do not apply CORS to WebSocket upgrades). Pure.
import type { AppConfig } from '../config/app-config.js';

export type OriginPolicy = Pick<AppConfig['app'], 'corsOrigins' | 'isProduction'>;

/** A cross-origin page: allowed by `*`, by the list, or by an empty list outside production. */
export function isCrossOriginAllowed(origin: string, policy: OriginPolicy): boolean {
  if (policy.corsOrigins.includes('*')) return true;
  if (policy.corsOrigins.length === 0) return !policy.isProduction;
  return policy.corsOrigins.includes(origin);
}

/** No Origin header (not a browser) and same-origin pages are always allowed. */
export function isOriginAllowed(origin: string | undefined, host: string | undefined, policy: OriginPolicy): boolean {
  if (origin === undefined) return true;
  if (host !== undefined && originHost(origin) === host.toLowerCase()) return true;
  return isCrossOriginAllowed(origin, policy);
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null;
  }
}
