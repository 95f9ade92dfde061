/**
 * Valid Iranian national IDs made deterministically from a seed, so fixtures are reproducible and
 * every seed gives another ID. The check digit follows the کد ملی rule (see DOMAIN.md).
 */
export function nationalIdFrom(seed: number): string {
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw new RangeError(`seed must be a non-negative integer, got ${seed}`);
  // Spread consecutive seeds over the 9-digit space; a prefix of nine equal digits is skipped
  // because ten equal digits are never issued.
  let prefix = ((seed * 7_919 + 104_729) % 999_999_999).toString().padStart(9, '0');
  if (/^(\d)\1{8}$/.test(prefix)) prefix = `${prefix.slice(0, 8)}${(Number(prefix[8]) + 1) % 10}`;
  return `${prefix}${checkDigit(prefix)}`;
}

/** The same ID with a wrong check digit: for tests of refusal. */
export function invalidNationalIdFrom(seed: number): string {
  const valid = nationalIdFrom(seed);
  const wrong = (Number(valid[9]) + 1) % 10;
  return `${valid.slice(0, 9)}${wrong}`;
}

function checkDigit(prefix: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i += 1) sum += Number(prefix[i]) * (10 - i);
  const remainder = sum % 11;
  return remainder < 2 ? remainder : 11 - remainder;
}
