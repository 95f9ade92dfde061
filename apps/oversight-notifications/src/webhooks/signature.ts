import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * How a delivery proves it comes from this service: `Webhook-Signature: v1=<hex>` where hex is
 * HMAC-SHA256, keyed with the webhook's secret (the whole string, UTF-8), of `<timestamp>.<body>`;
 * `Webhook-Timestamp` is that timestamp in unix seconds, so a receiver can refuse old replays, and
 * `Webhook-Id` names the message (the same on every retry of it), so a receiver can drop repeats.
 */
export const WEBHOOK_ID_HEADER = 'webhook-id';
export const WEBHOOK_TIMESTAMP_HEADER = 'webhook-timestamp';
export const WEBHOOK_SIGNATURE_HEADER = 'webhook-signature';

/** How far a timestamp may be from the receiver's clock, either way, by default. */
export const DEFAULT_TOLERANCE_S = 300;

/** A new signing secret: 32 random bytes, prefixed so a leaked one is recognisable in a scan. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

function hmacHex(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** The `Webhook-Signature` value of a body sent at `timestamp` (unix seconds). */
export function signatureOf(secret: string, timestamp: number, body: string): string {
  return `v1=${hmacHex(secret, timestamp, body)}`;
}

/** The three headers of one attempt to deliver message `id`. */
export function signedHeaders(input: { id: string; secret: string; body: string; at: Date }) {
  const timestamp = Math.floor(input.at.getTime() / 1000);
  return {
    [WEBHOOK_ID_HEADER]: input.id,
    [WEBHOOK_TIMESTAMP_HEADER]: String(timestamp),
    [WEBHOOK_SIGNATURE_HEADER]: signatureOf(input.secret, timestamp, input.body),
  };
}

export type VerifyResult =
  | { ok: true; timestamp: number }
  | { ok: false; reason: 'missing_headers' | 'timestamp_out_of_tolerance' | 'signature_mismatch' };

function headerValue(
  headers: Record<string, string | string[] | undefined>,
  name: string,
): string | undefined {
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * What a receiver runs on the raw request body (the exact bytes, before any JSON parsing) and its
 * headers (lower-case names, as node:http gives them). Self-contained on purpose: receivers may copy
 * it. Several space-separated `v1=` values are accepted, so a secret can be rotated.
 */
export function verifySignature(
  secret: string,
  body: string,
  headers: Record<string, string | string[] | undefined>,
  options: { toleranceS?: number; now?: Date } = {},
): VerifyResult {
  const timestampText = headerValue(headers, WEBHOOK_TIMESTAMP_HEADER);
  const signatures = headerValue(headers, WEBHOOK_SIGNATURE_HEADER);
  if (timestampText === undefined || signatures === undefined || !/^\d{1,12}$/.test(timestampText)) {
    return { ok: false, reason: 'missing_headers' };
  }
  const timestamp = Number(timestampText);
  const nowS = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (Math.abs(nowS - timestamp) > (options.toleranceS ?? DEFAULT_TOLERANCE_S)) {
    return { ok: false, reason: 'timestamp_out_of_tolerance' };
  }
  const expected = Buffer.from(hmacHex(secret, timestamp, body), 'hex');
  const matches = signatures
    .split(' ')
    .filter((entry) => entry.startsWith('v1='))
    .map((entry) => Buffer.from(entry.slice(3), 'hex'))
    // timingSafeEqual needs equal lengths; a length differing says nothing about the secret.
    .some((given) => given.length === expected.length && timingSafeEqual(given, expected));
  return matches ? { ok: true, timestamp } : { ok: false, reason: 'signature_mismatch' };
}
