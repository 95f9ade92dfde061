import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { type ApiKeyRecord, apiKeyRecordsSchema } from './auth/api-keys.ts';
import { envBoolean, envEnum, envInt, envNumber, envString, envUrl } from './env.ts';

/** Thrown when the environment does not satisfy the schema; `message` is the single line to print. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

function parseJsonRecords(text: string, ctx: z.RefinementCtx): ApiKeyRecord[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'must be a JSON list of API key records' });
    return z.NEVER;
  }
  const parsed = apiKeyRecordsSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, code: 'custom', path: issue.path });
    return z.NEVER;
  }
  return parsed.data;
}

/** API_KEYS holds the JSON list inline; API_KEYS_FILE names a file holding the same list. */
const apiKeysInline = z.string().transform(parseJsonRecords);
const apiKeysFile = z.string().transform((path, ctx) => {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    ctx.addIssue({ code: 'custom', message: `must name a readable file (${path})` });
    return z.NEVER;
  }
  return parseJsonRecords(text, ctx);
});

/** Variables every service understands; a service extends it with `baseConfigSchema.extend({...})`. */
export const baseConfigSchema = z.object({
  SERVICE_NAME: envString(),
  HOST: envString('0.0.0.0'),
  PORT: envInt({ min: 0, max: 65535, default: 3000 }),
  LOG_LEVEL: envEnum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info'),
  LOG_PRETTY: envBoolean(false),
  BODY_LIMIT_BYTES: envInt({ min: 1, max: 100 * 1024 * 1024, default: 1024 * 1024 }),
  RATE_LIMIT_MAX: envInt({ min: 1, max: 1_000_000, default: 300 }),
  RATE_LIMIT_WINDOW_MS: envInt({ min: 1, max: 86_400_000, default: 60_000 }),
  SHUTDOWN_TIMEOUT_MS: envInt({ min: 1, max: 600_000, default: 10_000 }),
  TRUST_PROXY: envBoolean(false),
  OTEL_ENABLED: envBoolean(false),
  OTEL_EXPORTER_OTLP_ENDPOINT: envUrl().default('http://localhost:4318'),
  API_KEYS: apiKeysInline.optional(),
  API_KEYS_FILE: apiKeysFile.optional(),
  IDEMPOTENCY_TTL_MS: envInt({ min: 1000, max: 30 * 86_400_000, default: 86_400_000 }),
  READINESS_PROBE_TIMEOUT_MS: envInt({ min: 1, max: 60_000, default: 2000 }),
  PRESSURE_MAX_EVENT_LOOP_DELAY_MS: envInt({ min: 0, max: 60_000, default: 1000 }),
  PRESSURE_MAX_EVENT_LOOP_UTILIZATION: envNumber({ min: 0, max: 1, default: 0 }),
  PRESSURE_MAX_HEAP_USED_BYTES: envInt({ min: 0, max: Number.MAX_SAFE_INTEGER, default: 0 }),
  PRESSURE_MAX_RSS_BYTES: envInt({ min: 0, max: Number.MAX_SAFE_INTEGER, default: 0 }),
  PRESSURE_SAMPLE_INTERVAL_MS: envInt({ min: 10, max: 60_000, default: 1000 }),
  PRESSURE_RETRY_AFTER_S: envInt({ min: 1, max: 3600, default: 10 }),
});
export type BaseConfig = z.output<typeof baseConfigSchema>;

/** Names whose values must never be printed, even when wrong. */
const SECRET_NAME = /KEY|SECRET|TOKEN|PASSWORD|CREDENTIAL|PRIVATE/i;

function describeIssue(issue: z.core.$ZodIssue, env: Record<string, string | undefined>): string {
  const [name, ...rest] = issue.path.map(String);
  if (name === undefined) return issue.message;
  const where = name + rest.map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`)).join('');
  const value = env[name];
  if (value === undefined && rest.length === 0) return `${name} is required`;
  const message =
    issue.message.startsWith('must') || issue.message.startsWith('has')
      ? issue.message
      : `is invalid: ${issue.message}`;
  const shown =
    SECRET_NAME.test(name) || value === undefined ? '' : ` (got ${JSON.stringify(masked(value))})`;
  return `${where} ${message}${shown}`;
}

/** Credentials inside a URL-like value (`scheme://user:password@host`) never reach the log. */
function masked(value: string): string {
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@\s]*):[^@\s]*@/i, '$1:***@');
}

/**
 * Parses the environment with a schema and returns the typed config, or throws a ConfigError whose
 * message is one line naming every bad variable: operators read it in a crash-looping pod's log.
 */
export function loadConfig<S extends z.ZodType>(
  schema: S,
  env: Record<string, string | undefined> = process.env,
): z.output<S> {
  // Empty strings count as unset, as `FOO=` in a manifest usually means "not configured".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  const lines = [...new Set(result.error.issues.map((issue) => describeIssue(issue, cleaned)))];
  throw new ConfigError(`config error: ${lines.join('; ')}`);
}

/** For a service's main.ts: the config, or its one-line error on stderr and exit status 1. */
export function loadConfigOrExit<S extends z.ZodType>(schema: S): z.output<S> {
  try {
    return loadConfig(schema);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

/** The API key records of a config: the inline list and the file's list together. */
export function apiKeyRecordsFrom(config: Pick<BaseConfig, 'API_KEYS' | 'API_KEYS_FILE'>): ApiKeyRecord[] {
  return [...(config.API_KEYS ?? []), ...(config.API_KEYS_FILE ?? [])];
}
