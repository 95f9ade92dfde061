import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newSigningSecret, signatureOf, signedHeaders, verifySignature } from './signature.ts';

const secret = 'whsec_test-secret';
const body = '{"id":"w1:7","type":"notification.changed","seq":7}';
const at = new Date('2025-01-01T00:00:00.000Z');
const timestamp = at.getTime() / 1000;

describe('signing', () => {
  it('signs "<timestamp>.<body>" with HMAC-SHA256 of the secret, as v1=<hex>', () => {
    const expected = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
    expect(signatureOf(secret, timestamp, body)).toBe(`v1=${expected}`);
    expect(signedHeaders({ id: 'w1:7', secret, body, at })).toEqual({
      'webhook-id': 'w1:7',
      'webhook-timestamp': String(timestamp),
      'webhook-signature': `v1=${expected}`,
    });
  });

  it('makes a new random secret each time', () => {
    const a = newSigningSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(newSigningSecret()).not.toBe(a);
  });
});

describe('verifySignature', () => {
  const headers = signedHeaders({ id: 'w1:7', secret, body, at });

  it('accepts the body as sent, within the tolerance either way', () => {
    expect(verifySignature(secret, body, headers, { now: at })).toEqual({ ok: true, timestamp });
    expect(verifySignature(secret, body, headers, { now: new Date(at.getTime() + 299_000) }).ok).toBe(true);
    expect(verifySignature(secret, body, headers, { now: new Date(at.getTime() - 299_000) }).ok).toBe(true);
  });

  it('refuses a changed body, another secret, or a changed timestamp', () => {
    expect(verifySignature(secret, `${body} `, headers, { now: at })).toEqual({
      ok: false,
      reason: 'signature_mismatch',
    });
    expect(verifySignature('whsec_other', body, headers, { now: at }).ok).toBe(false);
    const replayed = { ...headers, 'webhook-timestamp': String(timestamp + 1) };
    expect(verifySignature(secret, body, replayed, { now: at })).toEqual({
      ok: false,
      reason: 'signature_mismatch',
    });
  });

  it('refuses a delivery older (or newer) than the tolerance', () => {
    expect(verifySignature(secret, body, headers, { now: new Date(at.getTime() + 301_000) })).toEqual({
      ok: false,
      reason: 'timestamp_out_of_tolerance',
    });
    expect(
      verifySignature(secret, body, headers, { now: new Date(at.getTime() + 50_000), toleranceS: 10 }).ok,
    ).toBe(false);
  });

  it('refuses missing or malformed headers', () => {
    expect(verifySignature(secret, body, {}, { now: at })).toEqual({ ok: false, reason: 'missing_headers' });
    expect(verifySignature(secret, body, { ...headers, 'webhook-timestamp': 'soon' }, { now: at }).ok).toBe(
      false,
    );
    expect(verifySignature(secret, body, { ...headers, 'webhook-signature': 'v1=zz' }, { now: at }).ok).toBe(
      false,
    );
  });

  it('accepts any of several signatures, so a secret can be rotated', () => {
    const both = { ...headers, 'webhook-signature': `v1=${'0'.repeat(64)} ${headers['webhook-signature']}` };
    expect(verifySignature(secret, body, both, { now: at }).ok).toBe(true);
  });
});
