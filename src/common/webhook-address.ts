// Where notifications may go: http(s) only, and never to loopback, private, link-local, shared,
// multicast, reserved or cloud-metadata addresses (IPv4 and IPv6, with IPv4 embedded in IPv6), unless
// the URL's host is listed in WEBHOOK_ALLOWED_HOSTS. Pure: the sender resolves names and asks again.
import { isIP } from 'node:net';

/** Names of cloud metadata services, refused whatever they resolve to. */
export const METADATA_HOST_NAMES = ['metadata.google.internal', 'metadata.goog', 'metadata'] as const;

/** Lower case, without IPv6 brackets or a trailing dot: how hosts are compared. */
export function normalizeHost(host: string): string {
  return host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
}

export function isHostAllowed(host: string, allowedHosts: readonly string[]): boolean {
  return allowedHosts.includes(normalizeHost(host));
}

type Ipv4 = [number, number, number, number];

const IPV4_RANGES: readonly [Ipv4, number, string][] = [
  [[0, 0, 0, 0], 8, 'unspecified'],
  [[10, 0, 0, 0], 8, 'private'],
  [[100, 64, 0, 0], 10, 'shared (carrier-grade NAT)'],
  [[127, 0, 0, 0], 8, 'loopback'],
  [[169, 254, 0, 0], 16, 'link-local'],
  [[172, 16, 0, 0], 12, 'private'],
  [[192, 0, 0, 0], 24, 'reserved'],
  [[192, 168, 0, 0], 16, 'private'],
  [[198, 18, 0, 0], 15, 'reserved'],
  [[224, 0, 0, 0], 4, 'multicast'],
  [[240, 0, 0, 0], 4, 'reserved'],
];

const toUint32 = (ip: Ipv4): number => ((ip[0] << 24) | (ip[1] << 16) | (ip[2] << 8) | ip[3]) >>> 0;

function ipv4Reason(ip: Ipv4): string | null {
  const value = toUint32(ip);
  for (const [base, bits, reason] of IPV4_RANGES) {
    const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
    if ((value & mask) >>> 0 === (toUint32(base) & mask) >>> 0) return reason;
  }
  return null;
}

function parseIpv4(text: string): Ipv4 | null {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return null;
  return parts.map(Number) as Ipv4;
}

/** The eight 16-bit groups of an IPv6 address (zone id dropped, dotted IPv4 tail accepted). */
export function parseIpv6(text: string): number[] | null {
  let rest = text.split('%')[0];
  const tail: number[] = [];
  const dotted = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(rest);
  if (dotted) {
    const v4 = parseIpv4(dotted[2]);
    if (!v4) return null;
    tail.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
    rest = dotted[1].endsWith('::') ? dotted[1] : dotted[1].slice(0, -1);
  }
  const halves = rest.split('::');
  if (halves.length > 2) return null;
  const parse = (part: string): number[] | null => {
    if (part === '') return [];
    const groups = part.split(':');
    if (!groups.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return null;
    return groups.map((g) => parseInt(g, 16));
  };
  const head = parse(halves[0]);
  const after = halves.length === 2 ? parse(halves[1]) : [];
  if (!head || !after) return null;
  const known = head.length + after.length + tail.length;
  if (halves.length === 1 ? known !== 8 : known > 7) return null;
  return [...head, ...new Array<number>(8 - known).fill(0), ...after, ...tail];
}

const embeddedIpv4 = (high: number, low: number): Ipv4 => [high >> 8, high & 0xff, low >> 8, low & 0xff];

function ipv6Reason(g: number[]): string | null {
  const zeroUpTo = (n: number): boolean => g.slice(0, n).every((x) => x === 0);
  if (zeroUpTo(8)) return 'unspecified';
  if (zeroUpTo(7) && g[7] === 1) return 'loopback';
  const inner = (label: string, v4: Ipv4): string | null => {
    const reason = ipv4Reason(v4);
    return reason ? `${label} ${reason}` : null;
  };
  if (zeroUpTo(5) && g[5] === 0xffff) return inner('IPv4-mapped', embeddedIpv4(g[6], g[7]));
  if (zeroUpTo(6)) return inner('IPv4-compatible', embeddedIpv4(g[6], g[7]));
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0))
    return inner('NAT64', embeddedIpv4(g[6], g[7]));
  if (g[0] === 0x2002) return inner('6to4', embeddedIpv4(g[1], g[2]));
  const first = g[0];
  if ((first & 0xfe00) === 0xfc00) return 'unique local (private)';
  if ((first & 0xffc0) === 0xfe80) return 'link-local';
  if ((first & 0xffc0) === 0xfec0) return 'site-local';
  if ((first & 0xff00) === 0xff00) return 'multicast';
  return null;
}

/** Why an IP address may not receive notifications, or null when it may. Anything unparsable is refused. */
export function forbiddenAddressReason(address: string): string | null {
  const ip = normalizeHost(address);
  switch (isIP(ip.split('%')[0])) {
    case 4:
      return ipv4Reason(parseIpv4(ip)!);
    case 6: {
      const groups = parseIpv6(ip);
      return groups ? ipv6Reason(groups) : 'unparsable IPv6';
    }
    default:
      return 'not an IP address';
  }
}

/**
 * What is wrong with a channel URL before anything is resolved: scheme, credentials, a metadata
 * name, an IP literal in a refused range. Names are resolved and checked again at every send.
 * Messages name the host but never the path (Slack and Discord URLs carry their secret there).
 */
export function staticUrlProblem(raw: string, allowedHosts: readonly string[]): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be an http(s) URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must be an http(s) URL';
  if (url.username !== '' || url.password !== '') return 'must not carry a user or password';
  const host = normalizeHost(url.hostname);
  if (host === '') return 'must name a host';
  if (isHostAllowed(host, allowedHosts)) return null;
  if ((METADATA_HOST_NAMES as readonly string[]).includes(host)) {
    return `host ${host} is a cloud metadata service and is refused`;
  }
  if (isIP(host) !== 0) {
    const reason = forbiddenAddressReason(host);
    if (reason)
      return `host ${host} is a ${reason} address and is refused (list it in WEBHOOK_ALLOWED_HOSTS to allow it)`;
  }
  return null;
}
