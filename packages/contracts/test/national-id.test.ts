import { describe, expect, it } from 'vitest';
import { isValidNationalId, nationalIdSchema, normalizeNationalId } from '../src/index.ts';

describe('national ID (کد ملی)', () => {
  // Checked by hand: e.g. 0499370899 -> s = 4*9+9*8+9*7+3*6+7*5+0*4+8*3+9*2 = 266, r = 2, check = 11-2 = 9.
  it.each(['0499370899', '0790419904', '0084575948', '0013542419', '0067749828'])('accepts %s', (id) => {
    expect(isValidNationalId(id)).toBe(true);
  });

  it('takes the remainder itself as the check digit when it is 0 or 1', () => {
    // 0000001120: s = 1*4 + 1*3 + 2*2 = 11, r = 0. 0000002021: s = 2*4 + 2*2 = 12, r = 1.
    expect(isValidNationalId('0000001120')).toBe(true);
    expect(isValidNationalId('0000002021')).toBe(true);
    expect(isValidNationalId('0000002020')).toBe(false);
  });

  it.each([
    ['0499370898', 'wrong check digit'],
    ['049937089', 'nine digits'],
    ['04993708999', 'eleven digits'],
    ['04993708a9', 'a letter'],
    ['1111111111', 'ten equal digits (the arithmetic alone would pass it)'],
    ['0000000000', 'ten zeros'],
    ['', 'empty'],
  ])('refuses %s (%s)', (id) => {
    expect(isValidNationalId(id)).toBe(false);
  });

  it('normalizes Persian and Arabic-Indic digits and the separators people type', () => {
    expect(normalizeNationalId('۰۴۹۹۳۷۰۸۹۹')).toBe('0499370899');
    expect(normalizeNationalId('٠٤٩٩٣٧٠٨٩٩')).toBe('0499370899');
    expect(normalizeNationalId('049-937089-9')).toBe('0499370899');
    expect(nationalIdSchema.parse('۰۴۹-۹۳۷۰۸۹-۹')).toBe('0499370899');
  });

  it('says why an ID is refused', () => {
    const messages = (raw: string) =>
      nationalIdSchema.safeParse(raw).error?.issues.map((issue) => issue.message);
    expect(messages('049937089')).toEqual(['a national ID is 10 digits']);
    expect(messages('1111111111')).toEqual(['a national ID is not ten equal digits']);
    expect(messages('0499370898')).toEqual(['the national ID check digit does not match']);
  });
});
