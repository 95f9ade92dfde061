import { z } from 'zod';

/**
 * Zod fields for environment variables. Every value arrives as a string, so each helper parses the
 * string itself and words its message as "must ..." so `loadConfig` can print `NAME must ... (got "x")`.
 */

/** Strict boolean: only 'true'/'false'/'1'/'0' (z.coerce.boolean would turn "false" into true). */
export function envBoolean(defaultValue: boolean) {
  return z
    .enum(['true', 'false', '1', '0'], { error: 'must be one of true, false, 1, 0' })
    .default(defaultValue ? 'true' : 'false')
    .transform((value) => value === 'true' || value === '1');
}

/** Integer within [min, max]; decimal digits only, so "12abc" or "1e3" are refused. */
export function envInt(options: { min: number; max: number; default?: number }) {
  const message = `must be an integer between ${options.min} and ${options.max}`;
  const field = z
    .string()
    .regex(/^-?\d+$/, { error: message })
    .transform(Number)
    .pipe(z.number().int().min(options.min, { error: message }).max(options.max, { error: message }));
  return options.default === undefined ? field : field.default(options.default);
}

/** Decimal number within [min, max]. */
export function envNumber(options: { min: number; max: number; default?: number }) {
  const message = `must be a number between ${options.min} and ${options.max}`;
  const field = z
    .string()
    .regex(/^-?\d+(\.\d+)?$/, { error: message })
    .transform(Number)
    .pipe(z.number().min(options.min, { error: message }).max(options.max, { error: message }));
  return options.default === undefined ? field : field.default(options.default);
}

/** One of a fixed list of words. */
export function envEnum<const T extends readonly [string, ...string[]]>(values: T, defaultValue?: T[number]) {
  const field = z.enum(values, { error: `must be one of ${values.join(', ')}` });
  return defaultValue === undefined ? field : field.default(defaultValue);
}

/** An absolute http(s) URL. */
export function envUrl() {
  return z.string().refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), {
    error: 'must be an http(s) URL',
  });
}

/** A RabbitMQ URL (`amqp://` or `amqps://`); its password is never echoed in errors. */
export function envAmqpUrl() {
  return z.string().refine((value) => URL.canParse(value) && /^amqps?:$/.test(new URL(value).protocol), {
    error: 'must be an amqp:// or amqps:// URL',
  });
}

/** A MongoDB connection string (`mongodb://` or `mongodb+srv://`). */
export function envMongoUrl() {
  return z.string().refine((value) => /^mongodb(\+srv)?:\/\/[^/\s]+/.test(value), {
    error: 'must be a mongodb:// or mongodb+srv:// connection string',
  });
}

/** A non-empty string (an empty variable is almost always a deployment mistake). */
export function envString(defaultValue?: string) {
  const field = z.string().min(1, { error: 'must not be empty' });
  return defaultValue === undefined ? field : field.default(defaultValue);
}
