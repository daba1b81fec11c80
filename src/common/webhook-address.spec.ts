import {
  forbiddenAddressReason,
  isHostAllowed,
  normalizeHost,
  parseIpv6,
  staticUrlProblem,
} from './webhook-address.js';

describe('forbiddenAddressReason', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.1.2', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['100.64.0.1', 'shared (carrier-grade NAT)'],
    ['100.127.255.255', 'shared (carrier-grade NAT)'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'reserved'],
  ])('refuses IPv4 %s (%s)', (ip, reason) => {
    expect(forbiddenAddressReason(ip)).toBe(reason);
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '172.15.255.255',
    '172.32.0.1',
    '100.63.255.255',
    '100.128.0.1',
    '169.253.1.1',
    '11.0.0.1',
    '192.169.0.1',
  ])('accepts public IPv4 %s', (ip) => {
    expect(forbiddenAddressReason(ip)).toBeNull();
  });

  it.each([
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['::', 'unspecified'],
    ['fc00::1', 'unique local (private)'],
    ['fd12:3456:789a::1', 'unique local (private)'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['febf::1', 'link-local'],
    ['fec0::1', 'site-local'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback'],
    ['::ffff:10.1.2.3', 'IPv4-mapped private'],
    ['::ffff:a9fe:a9fe', 'IPv4-mapped link-local'],
    ['::127.0.0.1', 'IPv4-compatible loopback'],
    ['64:ff9b::192.168.0.1', 'NAT64 private'],
    ['2002:7f00:1::', '6to4 loopback'],
  ])('refuses IPv6 %s (%s)', (ip, reason) => {
    expect(forbiddenAddressReason(ip)).toBe(reason);
  });

  it.each(['2606:4700:4700::1111', '2001:4860:4860::8888', '::ffff:8.8.8.8', '64:ff9b::808:808', '2002:808:808::1'])(
    'accepts public IPv6 %s',
    (ip) => {
      expect(forbiddenAddressReason(ip)).toBeNull();
    },
  );

  it('refuses anything that is not an IP address', () => {
    expect(forbiddenAddressReason('example.com')).toBe('not an IP address');
  });
});

describe('parseIpv6', () => {
  it('expands :: and dotted IPv4 tails', () => {
    expect(parseIpv6('1::2')).toEqual([1, 0, 0, 0, 0, 0, 0, 2]);
    expect(parseIpv6('::ffff:1.2.3.4')).toEqual([0, 0, 0, 0, 0, 0xffff, 0x0102, 0x0304]);
    expect(parseIpv6('1:2:3:4:5:6:7:8')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(parseIpv6('1:2:3:4:5:6:1.2.3.4')).toEqual([1, 2, 3, 4, 5, 6, 0x0102, 0x0304]);
  });
  it('rejects malformed text', () => {
    expect(parseIpv6('1::2::3')).toBeNull();
    expect(parseIpv6('1:2:3')).toBeNull();
    expect(parseIpv6('12345::1')).toBeNull();
  });
});

describe('staticUrlProblem', () => {
  it('accepts public http(s) URLs and names (names are checked when sending)', () => {
    expect(staticUrlProblem('https://hooks.slack.com/services/T0/B0/xyz', [])).toBeNull();
    expect(staticUrlProblem('http://93.184.216.34:8080/hook', [])).toBeNull();
    expect(staticUrlProblem('http://localhost:9999/hook', [])).toBeNull();
  });

  it('refuses other schemes, credentials and metadata names', () => {
    expect(staticUrlProblem('ftp://example.com/x', [])).toBe('must be an http(s) URL');
    expect(staticUrlProblem('not a url', [])).toBe('must be an http(s) URL');
    expect(staticUrlProblem('https://user:pw@example.com/', [])).toBe('must not carry a user or password');
    expect(staticUrlProblem('http://metadata.google.internal/computeMetadata/v1/', [])).toContain('cloud metadata');
    expect(staticUrlProblem('http://METADATA.google.internal./x', [])).toContain('cloud metadata');
  });

  it('refuses forbidden IP literals, in every spelling the URL parser accepts', () => {
    for (const url of [
      'http://127.0.0.1:8080/',
      'http://2130706433/',
      'http://0x7f.1/',
      'http://0.0.0.0/',
      'http://[::1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://[fd00::1]/',
      'http://169.254.169.254/latest/meta-data/',
      'http://10.1.2.3/',
    ]) {
      expect(staticUrlProblem(url, [])).toMatch(/is a .* address and is refused/);
    }
  });

  it('never echoes the path, which may hold a secret', () => {
    expect(staticUrlProblem('http://127.0.0.1/secret-token-123', [])).not.toContain('secret-token-123');
  });

  it('lets listed hosts through', () => {
    expect(staticUrlProblem('http://127.0.0.1:8080/', ['127.0.0.1'])).toBeNull();
    expect(staticUrlProblem('http://[::1]:8080/', ['::1'])).toBeNull();
    expect(staticUrlProblem('http://localhost:8080/', ['127.0.0.1'])).toBeNull();
    expect(staticUrlProblem('http://10.0.0.5/', ['127.0.0.1'])).not.toBeNull();
  });
});

describe('hosts', () => {
  it('compare without case, brackets or trailing dot', () => {
    expect(normalizeHost('[::1]')).toBe('::1');
    expect(normalizeHost('Hooks.Example.COM.')).toBe('hooks.example.com');
    expect(isHostAllowed('INTERNAL.example.com.', ['internal.example.com'])).toBe(true);
  });
});
