import { describe, expect, it } from 'vitest';
import {
  currencyAmountSchema,
  currencyCodeSchema,
  entityIdSchema,
  hsCodeSchema,
  officeIdSchema,
  quantitySchema,
  referenceNumberSchema,
  toUtcDateTime,
  utcDateTimeSchema,
} from '../src/index.ts';

describe('value types', () => {
  it('reads HS codes of 6 to 10 digits, dropping dots and Persian digits', () => {
    expect(hsCodeSchema.parse('2710.19')).toBe('271019');
    expect(hsCodeSchema.parse('۸۵۱۶.۱۰۰۰')).toBe('85161000');
    expect(hsCodeSchema.parse('8471300000')).toBe('8471300000');
    expect(hsCodeSchema.safeParse('27101').success).toBe(false);
    expect(hsCodeSchema.safeParse('84713000001').success).toBe(false);
  });

  it('reads ISO 4217 currency codes in upper case', () => {
    expect(currencyCodeSchema.parse('usd')).toBe('USD');
    expect(currencyCodeSchema.safeParse('US$').success).toBe(false);
    expect(currencyCodeSchema.safeParse('EURO').success).toBe(false);
  });

  it('reads foreign currency amounts as decimal strings, never floats', () => {
    expect(currencyAmountSchema.parse('۱۵۰۰.۵۰')).toBe('1500.50');
    expect(currencyAmountSchema.safeParse('1e3').success).toBe(false);
    expect(currencyAmountSchema.safeParse('-5').success).toBe(false);
  });

  it('accepts UTC date-times only', () => {
    expect(utcDateTimeSchema.parse('2025-10-05T08:30:00Z')).toBe('2025-10-05T08:30:00Z');
    expect(utcDateTimeSchema.parse('2025-10-05T08:30:00.123Z')).toBe('2025-10-05T08:30:00.123Z');
    expect(utcDateTimeSchema.safeParse('2025-10-05T12:00:00+03:30').success).toBe(false);
    expect(utcDateTimeSchema.safeParse('2025-10-05').success).toBe(false);
    expect(toUtcDateTime(new Date(Date.UTC(2025, 9, 5, 8, 30)))).toBe('2025-10-05T08:30:00.000Z');
  });

  it('reads quantities with a unit and refuses negative amounts', () => {
    expect(quantitySchema.parse({ amount: 12.5, unit: 'tonne' })).toEqual({ amount: 12.5, unit: 'tonne' });
    expect(quantitySchema.safeParse({ amount: -1, unit: 'kg' }).success).toBe(false);
    expect(quantitySchema.safeParse({ amount: 1, unit: 'bushel' }).success).toBe(false);
  });

  it('normalizes reference numbers so two keyboards give one value', () => {
    expect(referenceNumberSchema.parse(' ۱۴۰۴/ك/۵۵۱ ')).toBe('1404/ک/551');
    expect(referenceNumberSchema.safeParse('   ').success).toBe(false);
  });

  it('keeps ids and office codes log- and URL-safe', () => {
    expect(entityIdSchema.safeParse('case-1404-000123').success).toBe(true);
    expect(entityIdSchema.safeParse('case 1').success).toBe(false);
    expect(officeIdSchema.safeParse('khz_shalamcheh').success).toBe(true);
    expect(officeIdSchema.safeParse('Shalamcheh').success).toBe(false);
  });
});
