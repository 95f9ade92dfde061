import { z } from 'zod';
import { normalizeDigits, normalizePersian } from './persian.ts';

/** Opaque id of an entity (case, lot, transit, unit, notification...): short and safe in logs and URLs. */
export const entityIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{1,128}$/, 'an id is 1-128 characters of A-Z a-z 0-9 . _ : -');

/** Correlation and causation ids: the same shape service-kit accepts in X-Correlation-Id. */
export const traceIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{1,128}$/, 'a trace id is 1-128 characters of A-Z a-z 0-9 . _ : -');

/** A service name as it appears in `producer`: kebab-case, e.g. `case-intake`. */
export const serviceNameSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,62}$/, 'a service name is kebab-case, e.g. case-intake');

/** Stable code of an office (customs office, port, branch): snake_case, e.g. `khz_shalamcheh`. */
export const officeIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,63}$/, 'an office id is snake_case, e.g. khz_shalamcheh');

/** ISO 4217 alphabetic code, upper-cased (`usd` -> `USD`). */
export const currencyCodeSchema = z
  .string()
  .transform((code) => code.trim().toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{3}$/, 'a currency code is three letters (ISO 4217), e.g. USD'));

/** Harmonized System code, 6 to 10 digits; dots, spaces and Persian digits are normalized away (8471.30 -> 847130). */
export const hsCodeSchema = z
  .string()
  .transform((code) => normalizeDigits(code).replace(/[.\s]/g, ''))
  .pipe(z.string().regex(/^[0-9]{6,10}$/, 'an HS code is 6 to 10 digits'));

/** A reference number as another agency writes it: digits and letters normalized, so lookups match. */
export const referenceNumberSchema = z
  .string()
  .transform((reference) => normalizePersian(reference).trim())
  .pipe(z.string().min(1, 'a reference number must not be empty').max(64));

/** Amount of a foreign currency in its major unit, as a decimal string (1500.50); never a float. */
export const currencyAmountSchema = z
  .string()
  .transform((amount) => normalizeDigits(amount).trim())
  .pipe(
    z
      .string()
      .regex(/^(0|[1-9][0-9]{0,17})(\.[0-9]{1,4})?$/, 'a currency amount is a decimal string, e.g. 1500.50'),
  );

/** Text as written by a person (a name, a description): stored unchanged, never normalized. */
export const writtenTextSchema = z.string().min(1).max(2000);
