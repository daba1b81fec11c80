// Which peers may tell the client's address in X-Forwarded-For (Express's `trust proxy`). The rate
// limits count per address: behind a load balancer on another host (nginx in the compose profile
// `scale`), trusting only loopback would put every client in the load balancer's one budget.
import { isIP } from 'node:net';
import type { EnvReader } from './env-parsers.js';

/** Express's names for address ranges. */
const RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

export interface ProxyConfig {
  /** Addresses, CIDR ranges or range names of the trusted proxies. */
  readonly trustProxy: readonly string[];
}

function isTrustEntry(entry: string): boolean {
  if (RANGE_NAMES.includes(entry)) return true;
  const [address, bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  const max = family === 4 ? 32 : 128;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= max;
}

export function readProxyConfig(read: EnvReader): ProxyConfig {
  const entries = read.list('TRUST_PROXY');
  const trustProxy = entries.length > 0 ? entries : ['loopback'];
  const bad = trustProxy.filter((entry) => !isTrustEntry(entry));
  if (bad.length > 0) {
    read.problems.push(
      `TRUST_PROXY must list addresses, CIDR ranges or ${RANGE_NAMES.join(', ')} (not: ${bad.join(', ')})`,
    );
  }
  return { trustProxy };
}
