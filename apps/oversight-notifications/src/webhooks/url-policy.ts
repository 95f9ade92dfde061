import { isIPv4, isIPv6 } from 'node:net';
import { z } from 'zod';

/**
 * Where webhooks may point. The operator lists the hosts agencies may register (WEBHOOK_ALLOWED_HOSTS)
 * and, separately, the few hosts that may resolve to internal addresses (WEBHOOK_ALLOW_PRIVATE_HOSTS);
 * everything else is refused, so a webhook cannot be turned into a probe of the internal network.
 */
export interface UrlPolicy {
  allowedHosts: readonly HostPattern[];
  privateAllowedHosts: readonly HostPattern[];
}

/** An exact hostname or IP address, or `*.suffix` for any name under the suffix (not the suffix itself). */
export type HostPattern = { kind: 'exact'; host: string } | { kind: 'suffix'; suffix: string };

const HOST_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

function isHostname(text: string): boolean {
  return text.length <= 253 && text.split('.').every((label) => HOST_LABEL.test(label));
}

/** The form hosts are compared in: lower case, no IPv6 brackets, no trailing root dot. */
export function normalizeHost(host: string): string {
  const lower = host.trim().toLowerCase();
  const unbracketed = lower.startsWith('[') && lower.endsWith(']') ? lower.slice(1, -1) : lower;
  return unbracketed.endsWith('.') ? unbracketed.slice(0, -1) : unbracketed;
}

/** One entry of an operator list, or an error message saying what an entry must be. */
export function parseHostPattern(entry: string): HostPattern | string {
  const text = normalizeHost(entry);
  if (text.startsWith('*.')) {
    const suffix = text.slice(2);
    return isHostname(suffix) && suffix.includes('.')
      ? { kind: 'suffix', suffix }
      : `"${entry}" must be *. followed by a domain with at least two labels`;
  }
  if (isIPv4(text) || isIPv6(text) || isHostname(text)) return { kind: 'exact', host: text };
  return `"${entry}" must be a hostname, an IP address or *.domain`;
}

/** A comma-separated list of host patterns from the environment; empty allows nothing. */
export function envHostPatterns() {
  return z
    .string()
    .default('')
    .transform((text, ctx) => {
      const entries = text
        .split(',')
        .map((entry) => entry.trim())
        .filter((entry) => entry !== '');
      const parsed = entries.map(parseHostPattern);
      const wrong = parsed.filter((pattern): pattern is string => typeof pattern === 'string');
      if (wrong.length > 0) {
        ctx.addIssue({ code: 'custom', message: `must list hosts separated by commas: ${wrong.join('; ')}` });
        return z.NEVER;
      }
      return parsed as HostPattern[];
    });
}

/** Whether a host (any case, brackets or trailing dot) matches one of the patterns. */
export function hostMatches(patterns: readonly HostPattern[], host: string): boolean {
  const name = normalizeHost(host);
  return patterns.some((pattern) =>
    pattern.kind === 'exact' ? pattern.host === name : name.endsWith(`.${pattern.suffix}`),
  );
}

/** A URL agencies may register, or why not (worded to follow "url ..."). */
export type UrlVerdict = { ok: true; url: URL } | { ok: false; reason: string };

/**
 * The checks made when a webhook is registered: an absolute http(s) URL without credentials, on a
 * host the operator allows; an IP literal must also pass the address check made at each delivery.
 */
export function checkWebhookUrl(text: string, policy: UrlPolicy): UrlVerdict {
  if (!URL.canParse(text)) return { ok: false, reason: 'is not an absolute URL' };
  const url = new URL(text);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, reason: `must use http or https, not ${url.protocol.slice(0, -1)}` };
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, reason: 'must not carry a user name or password' };
  }
  if (!hostMatches(policy.allowedHosts, url.hostname)) {
    return {
      ok: false,
      reason: `host ${normalizeHost(url.hostname)} is not among the hosts the operator allows`,
    };
  }
  const literal = normalizeHost(url.hostname);
  if (isIPv4(literal) || isIPv6(literal)) {
    const refusal = addressRefusal(literal, literal, policy);
    if (refusal !== null) return { ok: false, reason: `host ${refusal}` };
  }
  return { ok: true, url };
}

/** What a URL looks like in logs: no credentials, no query string (which often carries a token). */
export function urlForLogs(url: string): string {
  if (!URL.canParse(url)) return '(unparseable url)';
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
}

/** Why an address is not public; `public` addresses are the only ones reached without the operator's leave. */
export type AddressClass =
  | 'public'
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'link_local'
  | 'multicast'
  | 'reserved'
  | 'invalid';

/**
 * Null when `host` may be reached at `address` (a public address, or a host the operator lets reach
 * internal ones); otherwise why not, e.g. `localhost resolves to ::1 (loopback)`.
 */
export function addressRefusal(host: string, address: string, policy: UrlPolicy): string | null {
  if (hostMatches(policy.privateAllowedHosts, host)) return null;
  const kind = classifyAddress(address);
  if (kind === 'public') return null;
  const name = normalizeHost(host);
  return name === normalizeHost(address)
    ? `${name} is a ${kind} address`
    : `${name} resolves to ${address} (${kind})`;
}

type V4Range = readonly [
  first: number,
  second: number,
  third: number,
  fourth: number,
  bits: number,
  kind: AddressClass,
];

/** IPv4 special-purpose ranges (RFC 6890 and successors) that a webhook must not reach. */
const V4_RANGES: readonly V4Range[] = [
  [0, 0, 0, 0, 8, 'unspecified'],
  [10, 0, 0, 0, 8, 'private'],
  [100, 64, 0, 0, 10, 'private'],
  [127, 0, 0, 0, 8, 'loopback'],
  [169, 254, 0, 0, 16, 'link_local'],
  [172, 16, 0, 0, 12, 'private'],
  [192, 0, 0, 0, 24, 'reserved'],
  [192, 0, 2, 0, 24, 'reserved'],
  [192, 88, 99, 0, 24, 'reserved'],
  [192, 168, 0, 0, 16, 'private'],
  [198, 18, 0, 0, 15, 'reserved'],
  [198, 51, 100, 0, 24, 'reserved'],
  [203, 0, 113, 0, 24, 'reserved'],
  [224, 0, 0, 0, 4, 'multicast'],
  [240, 0, 0, 0, 4, 'reserved'],
];

function inPrefix(bytes: readonly number[], prefix: readonly number[], bits: number): boolean {
  for (let bit = 0; bit < bits; bit += 8) {
    const take = Math.min(8, bits - bit);
    const mask = (0xff << (8 - take)) & 0xff;
    const index = bit / 8;
    if (((bytes[index] ?? 0) & mask) !== ((prefix[index] ?? 0) & mask)) return false;
  }
  return true;
}

function classifyV4(bytes: readonly number[]): AddressClass {
  const range = V4_RANGES.find(([a, b, c, d, bits]) => inPrefix(bytes, [a, b, c, d], bits));
  return range === undefined ? 'public' : range[5];
}

/** The 16 bytes of an IPv6 address (zone id dropped, embedded dotted IPv4 tail allowed), or null. */
export function ipv6Bytes(address: string): number[] | null {
  const text = address.split('%')[0] ?? '';
  if (!isIPv6(text)) return null;
  let head = text;
  const tail: number[] = [];
  const dotted = text.lastIndexOf(':');
  if (text.slice(dotted + 1).includes('.')) {
    head = text.slice(0, dotted + 1);
    if (head.endsWith(':') && !head.endsWith('::')) head = head.slice(0, -1);
    tail.push(
      ...text
        .slice(dotted + 1)
        .split('.')
        .map(Number),
    );
  }
  const [left = '', right] = head.split('::');
  const groups = (part: string) =>
    part === '' ? [] : part.split(':').map((group) => Number.parseInt(group, 16));
  const leftGroups = groups(left);
  const rightGroups = right === undefined ? [] : groups(right);
  const missing = 8 - tail.length / 2 - leftGroups.length - rightGroups.length;
  const all = [...leftGroups, ...Array<number>(right === undefined ? 0 : missing).fill(0), ...rightGroups];
  return [...all.flatMap((group) => [group >> 8, group & 0xff]), ...tail];
}

type V6Range = readonly [prefix: readonly number[], bits: number, kind: AddressClass | 'embedded_v4'];

/**
 * IPv6 special-purpose ranges. IPv4-mapped (::ffff:0:0/96), NAT64 (64:ff9b::/96) and 6to4 (2002::/16)
 * addresses reach an IPv4 address, so that address is judged instead.
 */
const V6_RANGES: readonly V6Range[] = [
  [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff], 96, 'embedded_v4'],
  [[0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0], 96, 'embedded_v4'],
  [[0x20, 0x02], 16, 'embedded_v4'],
  [[0, 0x64, 0xff, 0x9b, 0, 1], 48, 'private'],
  [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 96, 'reserved'],
  [[0x01, 0, 0, 0, 0, 0, 0, 0], 64, 'reserved'],
  [[0x20, 0x01, 0, 0], 23, 'reserved'],
  [[0x20, 0x01, 0x0d, 0xb8], 32, 'reserved'],
  [[0xfc], 7, 'private'],
  [[0xfe, 0x80], 10, 'link_local'],
  [[0xfe, 0xc0], 10, 'private'],
  [[0xff], 8, 'multicast'],
];

function classifyV6(bytes: readonly number[]): AddressClass {
  if (bytes.every((byte) => byte === 0)) return 'unspecified';
  if (bytes.slice(0, 15).every((byte) => byte === 0) && bytes[15] === 1) return 'loopback';
  const range = V6_RANGES.find(([prefix, bits]) => inPrefix(bytes, prefix, bits));
  if (range === undefined) return 'public';
  if (range[2] !== 'embedded_v4') return range[2];
  // 6to4 carries the IPv4 address right after its 16-bit prefix; the others in the last 32 bits.
  return classifyV4(range[1] === 16 ? bytes.slice(2, 6) : bytes.slice(12, 16));
}

/** Whether an address is public, or which kind of internal or special address it is. */
export function classifyAddress(address: string): AddressClass {
  const text = normalizeHost(address);
  if (isIPv4(text)) return classifyV4(text.split('.').map(Number));
  const bytes = ipv6Bytes(text);
  return bytes === null ? 'invalid' : classifyV6(bytes);
}
