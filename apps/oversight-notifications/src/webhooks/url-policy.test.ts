import { describe, expect, it } from 'vitest';
import { configSchema } from '../config.ts';
import {
  addressRefusal,
  checkWebhookUrl,
  classifyAddress,
  envHostPatterns,
  type HostPattern,
  hostMatches,
  ipv6Bytes,
  parseHostPattern,
  type UrlPolicy,
  urlForLogs,
} from './url-policy.ts';

function patterns(text: string): HostPattern[] {
  return envHostPatterns().parse(text);
}

const policy: UrlPolicy = {
  allowedHosts: patterns(
    'hooks.customs.example, *.prosecutor.example, 127.0.0.1, 10.1.2.3, [::1], localhost',
  ),
  privateAllowedHosts: patterns('127.0.0.1'),
};

describe('host patterns', () => {
  it('reads exact names, IP addresses and *.suffix patterns, ignoring case, spaces and empty entries', () => {
    expect(patterns(' Hooks.Example.org , *.Agency.example,,10.0.0.1,[::1] ')).toEqual([
      { kind: 'exact', host: 'hooks.example.org' },
      { kind: 'suffix', suffix: 'agency.example' },
      { kind: 'exact', host: '10.0.0.1' },
      { kind: 'exact', host: '::1' },
    ]);
    expect(patterns('')).toEqual([]);
  });

  it('refuses entries that are not hosts, and a wildcard over a whole top-level domain', () => {
    expect(typeof parseHostPattern('http://x.example')).toBe('string');
    expect(typeof parseHostPattern('*.example')).toBe('string');
    expect(typeof parseHostPattern('a*.example.org')).toBe('string');
    expect(envHostPatterns().safeParse('ok.example, bad host').success).toBe(false);
  });

  it('matches a suffix pattern on subdomains only, never on look-alike names or the suffix itself', () => {
    const list = patterns('*.agency.example');
    expect(hostMatches(list, 'hooks.agency.example')).toBe(true);
    expect(hostMatches(list, 'a.b.agency.example')).toBe(true);
    expect(hostMatches(list, 'HOOKS.Agency.Example.')).toBe(true);
    expect(hostMatches(list, 'agency.example')).toBe(false);
    expect(hostMatches(list, 'evilagency.example')).toBe(false);
    expect(hostMatches(list, 'hooks.agency.example.evil.test')).toBe(false);
  });

  it('is read from the environment, empty by default so no webhook host is allowed', () => {
    const base = { MONGO_URL: 'mongodb://localhost', AMQP_URL: 'amqp://localhost' };
    const config = configSchema.parse(base);
    expect(config.WEBHOOK_ALLOWED_HOSTS).toEqual([]);
    expect(config.WEBHOOK_ALLOW_PRIVATE_HOSTS).toEqual([]);
    expect(configSchema.safeParse({ ...base, WEBHOOK_ALLOWED_HOSTS: 'ftp://x' }).success).toBe(false);
  });
});

describe('checkWebhookUrl', () => {
  it('accepts an http(s) URL on an allowed host', () => {
    const verdict = checkWebhookUrl('https://hooks.customs.example/in?token=abc', policy);
    expect(verdict).toMatchObject({ ok: true });
    expect(checkWebhookUrl('http://a.prosecutor.example:8443/hook', policy).ok).toBe(true);
  });

  it.each([
    ['ftp://hooks.customs.example/in', 'must use http or https, not ftp'],
    ['file:///etc/passwd', 'must use http or https, not file'],
    ['https://user:pw@hooks.customs.example/', 'must not carry a user name or password'],
    ['https://user@hooks.customs.example/', 'must not carry a user name or password'],
    ['https://evil.example/', 'host evil.example is not among the hosts the operator allows'],
    ['https://prosecutor.example/', 'host prosecutor.example is not among the hosts the operator allows'],
    ['hooks.customs.example/in', 'is not an absolute URL'],
    ['https://10.1.2.3/', 'host 10.1.2.3 is a private address'],
    ['http://[::1]:8080/', 'host ::1 is a loopback address'],
  ])('refuses %s: %s', (url, reason) => {
    expect(checkWebhookUrl(url, policy)).toEqual({ ok: false, reason });
  });

  it('accepts an internal IP literal the operator lets reach internal addresses', () => {
    expect(checkWebhookUrl('http://127.0.0.1:9999/hook', policy).ok).toBe(true);
  });

  it('writes URLs to logs without credentials or query string', () => {
    expect(urlForLogs('https://u:p@hooks.example/in/x?token=secret#f')).toBe('https://hooks.example/in/x');
  });
});

describe('classifyAddress', () => {
  it.each([
    ['8.8.8.8', 'public'],
    ['1.1.1.1', 'public'],
    ['0.0.0.0', 'unspecified'],
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.20.30.40', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.1', 'public'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['169.254.169.254', 'link_local'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['fe80::1%eth0', 'link_local'],
    ['fd12:3456::1', 'private'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'reserved'],
    ['2606:4700:4700::1111', 'public'],
    ['2a00:1450:4001:80b::200e', 'public'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:8.8.8.8', 'public'],
    ['64:ff9b::a9fe:a9fe', 'link_local'],
    ['64:ff9b::808:808', 'public'],
    ['2002:c0a8:0101::1', 'private'],
    ['2002:0808:0808::1', 'public'],
    ['::127.0.0.1', 'reserved'],
    ['not-an-ip', 'invalid'],
  ])('classifies %s as %s', (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });

  it('reads IPv6 text in its compressed, full and dotted forms alike', () => {
    const full = ipv6Bytes('0000:0000:0000:0000:0000:ffff:7f00:0001');
    expect(ipv6Bytes('::ffff:127.0.0.1')).toEqual(full);
    expect(ipv6Bytes('::ffff:7f00:1')).toEqual(full);
    expect(ipv6Bytes('1:2:3:4:5:6:7:8')).toEqual([0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 8]);
    expect(ipv6Bytes('1::8')).toHaveLength(16);
    expect(ipv6Bytes('1.2.3.4')).toBeNull();
  });
});

describe('addressRefusal', () => {
  it('lets a host reach a public address', () => {
    expect(addressRefusal('hooks.customs.example', '8.8.4.4', policy)).toBeNull();
  });

  it('refuses a name resolving to an internal address, naming the address and its kind', () => {
    expect(addressRefusal('localhost', '::1', policy)).toBe('localhost resolves to ::1 (loopback)');
    expect(addressRefusal('hooks.customs.example', '::ffff:169.254.169.254', policy)).toBe(
      'hooks.customs.example resolves to ::ffff:169.254.169.254 (link_local)',
    );
  });

  it('lets the hosts the operator listed for it reach internal addresses', () => {
    expect(addressRefusal('127.0.0.1', '127.0.0.1', policy)).toBeNull();
  });
});
