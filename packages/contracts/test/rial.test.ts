import { describe, expect, it } from 'vitest';
import {
  canonicalRials,
  MAX_RIALS,
  rialAmountSchema,
  rialsFromBigInt,
  rialsToBigInt,
  sumRials,
} from '../src/index.ts';

function read(raw: unknown): string {
  const result = rialAmountSchema.safeParse(raw);
  return result.success
    ? result.data
    : `error: ${result.error.issues.map((issue) => issue.message).join('; ')}`;
}

describe('rial amounts', () => {
  it.each([
    [0, '0'],
    [1_000_000_000_000, '1000000000000'],
    [1e15, '1000000000000000'],
    [Number.MAX_SAFE_INTEGER, '9007199254740991'],
    ['1000000000000', '1000000000000'],
    ['9007199254740993', '9007199254740993'],
    ['9223372036854775807', '9223372036854775807'],
    ['۱۲۵۰۰۰۰۰۰۰۰۰۰۰', '12500000000000'],
    ['١٢٣٤٥', '12345'],
    [' 000150 ', '150'],
  ])('reads %j as "%s"', (raw, canonical) => {
    expect(read(raw)).toBe(canonical);
  });

  it.each([
    [12.5, 'a rial amount is whole rials, not a fraction'],
    ['12.5', 'a rial amount is whole rials, not a fraction'],
    [-1, 'a rial amount must not be negative'],
    ['-1000', 'a rial amount must not be negative'],
    ['1e12', 'a rial amount must be written in full digits, not exponent notation'],
    [1e12 * 1e4, 'loses precision as a JSON number; send it as a string of digits'],
    [Number.MAX_SAFE_INTEGER + 1, 'loses precision as a JSON number'],
    [Number.NaN, 'a rial amount is a JSON integer or a string of digits'],
    [Number.POSITIVE_INFINITY, 'a rial amount is a JSON integer or a string of digits'],
    ['9223372036854775808', 'must not exceed 9223372036854775807 (the int64 maximum)'],
    ['', 'a rial amount must be a string of digits'],
    ['1,000,000', 'a rial amount must be a string of digits'],
    [true, 'a rial amount is a JSON integer or a string of digits'],
    [null, 'a rial amount is a JSON integer or a string of digits'],
  ])('refuses %s: %s', (raw, message) => {
    expect(read(raw)).toContain(message);
  });

  it('reports the reason without the schema', () => {
    expect(canonicalRials('1e12')).toEqual({
      ok: false,
      message: 'a rial amount must be written in full digits, not exponent notation',
    });
    expect(canonicalRials(Number.NaN)).toEqual({
      ok: false,
      message: 'a rial amount must be a finite number',
    });
    expect(canonicalRials(1e15)).toEqual({ ok: true, rials: '1000000000000000' });
  });

  it('adds exactly beyond 2^53 with bigint', () => {
    expect(sumRials(['9007199254740991', '2', '1000000000000000'])).toBe('10007199254740993');
    expect(rialsToBigInt('9223372036854775807')).toBe(MAX_RIALS);
    expect(() => rialsFromBigInt(MAX_RIALS + 1n)).toThrow(RangeError);
    expect(() => rialsFromBigInt(-1n)).toThrow(RangeError);
  });

  it('documents the canonical wire form in JSON Schema as a digit string', () => {
    const schema = rialAmountSchema.toJSONSchema({ io: 'output' });
    expect(schema).toMatchObject({ type: 'string', pattern: '^(0|[1-9][0-9]*)$', maxLength: 19 });
  });
});
