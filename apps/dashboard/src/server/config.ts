import { resolve } from 'node:path';
import { z } from 'zod';

const serviceUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL, e.g. http://127.0.0.1:3002' })
  .transform((url) => url.replace(/\/+$/, ''));

const audience = z.string().regex(/^[a-z_]+(:[a-z_]+)?$/, 'must be agency or agency:province');

/**
 * The dashboard server's settings (named `configSchema` like every app's, so the docs and infra tools
 * find it); the API key stays here and is never sent to the browser.
 */
export const configSchema = z.object({
  /** Address to listen on (0.0.0.0 in a container). */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Port to listen on. */
  PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
  /** Lowest level logged (JSON lines; the key and cookies are redacted). */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Base URL of oversight-notifications (feeds, acknowledgements, scorecards, overview). */
  OVERSIGHT_URL: serviceUrl,
  /** Base URL of customs-goods (the stuck-goods report). */
  CUSTOMS_GOODS_URL: serviceUrl,
  /** Base URL of case-intake (the caseload report). */
  CASE_INTAKE_URL: serviceUrl,
  /** The raw API key the server adds to every forwarded call; never sent to the browser (a Secret). */
  DASHBOARD_API_KEY: z
    .string()
    .regex(/^[\x21-\x7e]{20,512}$/, 'must be a raw API key (20 to 512 printable characters)'),
  /** Audiences the key may read, offered in the selector; the first is shown by default. */
  DASHBOARD_AUDIENCES: z
    .string()
    .default('inspection')
    .transform((text) => text.split(',').map((part) => part.trim()))
    .pipe(z.array(audience).min(1)),
  /** The built single-page app (vite build). */
  DASHBOARD_STATIC_DIR: z.string().default(resolve(import.meta.dirname, '../../dist/web')),
});
export type DashboardConfig = z.output<typeof configSchema>;

/**
 * Reads the settings from the environment; throws one line naming every bad variable, as the
 * services do (`NAME is required; NAME must be ...`), never echoing a value (the key is one).
 */
export function loadConfig(env: NodeJS.ProcessEnv): DashboardConfig {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? '');
      return env[name] === undefined && issue.path.length === 1
        ? `${name} is required`
        : `${issue.path.join('.')} ${issue.message}`;
    });
    throw new Error(`dashboard config error: ${[...new Set(problems)].join('; ')}`);
  }
  return parsed.data;
}
