import { z } from 'zod';
import { normalizeDigits } from './persian.ts';

/** Persian digits become ASCII; the spaces and hyphens people type (049-937089-9) are dropped. */
export function normalizeNationalId(raw: string): string {
  return normalizeDigits(raw).replace(/[\s\u200c-]/g, '');
}

/**
 * The کد ملی check: with digits d0..d9, s = sum of d_i * (10 - i) for i = 0..8 and r = s mod 11,
 * the ID is valid when d9 = r for r < 2, else d9 = 11 - r. Ten equal digits pass the arithmetic but
 * are never issued.
 */
export function isValidNationalId(raw: string): boolean {
  const id = normalizeNationalId(raw);
  if (!/^[0-9]{10}$/.test(id) || /^(\d)\1{9}$/.test(id)) return false;
  const digits = [...id].map(Number);
  let sum = 0;
  for (let i = 0; i < 9; i += 1) sum += (digits[i] ?? 0) * (10 - i);
  const remainder = sum % 11;
  const expected = remainder < 2 ? remainder : 11 - remainder;
  return digits[9] === expected;
}

/** Iranian national ID: normalized to 10 ASCII digits and checked. */
export const nationalIdSchema = z
  .string()
  .transform(normalizeNationalId)
  .pipe(
    z
      .string()
      // abort: a value that is not ten digits gets one message, not also a checksum complaint.
      .regex(/^[0-9]{10}$/, { error: 'a national ID is 10 digits', abort: true })
      .refine((id) => !/^(\d)\1{9}$/.test(id), {
        error: 'a national ID is not ten equal digits',
        abort: true,
      })
      .refine(isValidNationalId, 'the national ID check digit does not match')
      .meta({ description: 'Iranian national ID (کد ملی), 10 ASCII digits with a valid check digit' }),
  );
