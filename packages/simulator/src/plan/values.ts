import type { Random } from '../random.ts';
import { companyNames, firstNames, type GoodsKind, lastNames } from './vocabulary.ts';

/** A valid national ID (کد ملی): nine random digits, not all equal, and their check digit (DOMAIN.md). */
export function nationalId(rng: Random): string {
  let prefix = rng.digits(9);
  while (/^(\d)\1{8}$/.test(prefix)) prefix = rng.digits(9);
  return `${prefix}${checkDigit(prefix)}`;
}

/** The same kind of ID with a wrong check digit: what a mistyped form sends. */
export function mistypedNationalId(rng: Random): string {
  const valid = nationalId(rng);
  return `${valid.slice(0, 9)}${(Number(valid[9]) + rng.int(1, 9)) % 10}`;
}

function checkDigit(prefix: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i += 1) sum += Number(prefix[i]) * (10 - i);
  const remainder = sum % 11;
  return remainder < 2 ? remainder : 11 - remainder;
}

/** Whole rials as a digit string: amounts pass 2^53 routinely, so they are never computed as floats. */
export function rials(amount: bigint): string {
  return (amount < 0n ? 0n : amount).toString();
}

/** A quantity in the kind's range, whole for counted units and with one decimal for measured ones. */
export function quantityOf(rng: Random, kind: GoodsKind): number {
  const [min, max] = kind.quantity;
  const counted = ['piece', 'carton', 'head', 'pair'].includes(kind.unit);
  return counted ? rng.int(min, max) : Math.round(rng.between(min, max) * 10) / 10;
}

/** The value of a quantity, rounded to a million rials as appraisals are. */
export function appraisedValue(kind: GoodsKind, quantity: number): bigint {
  const exact = BigInt(Math.round(quantity * 10)) * BigInt(kind.rialsPerUnit);
  return (exact / 10n / 1_000_000n) * 1_000_000n + 1_000_000n;
}

export function personName(rng: Random): string {
  return `${rng.pick(firstNames)} ${rng.pick(lastNames)}`;
}

export function person(rng: Random, role: 'suspect' | 'owner' | 'carrier') {
  return {
    kind: 'person',
    role,
    fullName: personName(rng),
    // Foreign nationals and people not yet identified have no national ID.
    nationalId: rng.chance(0.9) ? nationalId(rng) : null,
  } as const;
}

export function company(rng: Random) {
  return {
    kind: 'company',
    role: 'owner',
    name: rng.pick(companyNames),
    nationalCompanyId: rng.chance(0.85) ? `10${rng.digits(9)}` : null,
  } as const;
}
