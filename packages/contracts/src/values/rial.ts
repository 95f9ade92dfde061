import { z } from 'zod';
import { normalizeDigits } from './persian.ts';

/**
 * Rial amounts are whole rials. The canonical form is a string of ASCII digits without leading zeros
 * ("0", "1500000000000"): JSON numbers lose precision above 2^53 in JavaScript and in most JSON
 * tooling, while a digit string survives every hop. The largest amount is the int64 maximum, so every
 * amount fits MongoDB's int64 (`Long.fromString(rials)`) and can be summed there.
 */
export type Rials = string;

/** The int64 maximum: the largest amount MongoDB stores as a 64-bit integer. */
export const MAX_RIALS = 9_223_372_036_854_775_807n;

const CANONICAL_RIALS = /^(0|[1-9][0-9]*)$/;

/** Rials in responses: the canonical form only, no transform (the serializer encodes through it). */
export const rialsTextSchema = z
  .string()
  .regex(CANONICAL_RIALS)
  .meta({ description: 'Whole rials as ASCII digits (no leading zeros)', examples: ['4800000000000'] });

export type RialsResult = { ok: true; rials: Rials } | { ok: false; message: string };

function fromNumber(value: number): RialsResult {
  if (!Number.isFinite(value)) return { ok: false, message: 'a rial amount must be a finite number' };
  if (!Number.isInteger(value)) return { ok: false, message: 'a rial amount is whole rials, not a fraction' };
  if (value < 0) return { ok: false, message: 'a rial amount must not be negative' };
  if (!Number.isSafeInteger(value)) {
    return {
      ok: false,
      message: `a rial amount above ${Number.MAX_SAFE_INTEGER} loses precision as a JSON number; send it as a string of digits`,
    };
  }
  return { ok: true, rials: String(value) };
}

function fromText(text: string): RialsResult {
  const digits = normalizeDigits(text.trim());
  if (/^[0-9]+$/.test(digits)) {
    const value = BigInt(digits);
    if (value > MAX_RIALS) {
      return { ok: false, message: `a rial amount must not exceed ${MAX_RIALS} (the int64 maximum)` };
    }
    return { ok: true, rials: value.toString() };
  }
  if (digits.startsWith('-')) return { ok: false, message: 'a rial amount must not be negative' };
  if (/e/i.test(digits)) {
    return { ok: false, message: 'a rial amount must be written in full digits, not exponent notation' };
  }
  if (/[.\u066b/]/.test(digits))
    return { ok: false, message: 'a rial amount is whole rials, not a fraction' };
  return { ok: false, message: 'a rial amount must be a string of digits' };
}

/** Reads a JSON integer or a digit string (Persian/Arabic-Indic digits allowed) into the canonical form. */
export function canonicalRials(raw: number | string): RialsResult {
  return typeof raw === 'number' ? fromNumber(raw) : fromText(raw);
}

/** For arithmetic: services add and compare amounts as bigint, never as floating point. */
export function rialsToBigInt(rials: Rials): bigint {
  return BigInt(rials);
}

/** Back from arithmetic to the canonical form; refuses what could not be stored. */
export function rialsFromBigInt(value: bigint): Rials {
  if (value < 0n || value > MAX_RIALS) throw new RangeError(`rial amount out of range: ${value}`);
  return value.toString();
}

/** Sum of amounts, exact at any size. */
export function sumRials(amounts: readonly Rials[]): Rials {
  return rialsFromBigInt(amounts.reduce((total, amount) => total + BigInt(amount), 0n));
}

/** Accepts a JSON integer (safe range) or a digit string; outputs the canonical digit string. */
export const rialAmountSchema = z
  .union([z.number(), z.string()], { error: 'a rial amount is a JSON integer or a string of digits' })
  .transform((raw, ctx) => {
    const result = canonicalRials(raw);
    if (result.ok) return result.rials;
    ctx.addIssue({ code: 'custom', message: result.message });
    return z.NEVER;
  })
  .pipe(
    z
      .string()
      .regex(CANONICAL_RIALS)
      .max(19)
      .meta({
        description:
          'Amount in whole rials as a string of ASCII digits without leading zeros, at most the int64 maximum',
        examples: ['1500000000000'],
      }),
  );
