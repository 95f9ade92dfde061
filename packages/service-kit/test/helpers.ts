import { Writable } from 'node:stream';
import { buildServiceApp, type ServiceApp, type ServiceAppOptions } from '../src/app.ts';
import { hashApiKey } from '../src/auth/api-keys.ts';
import { baseConfigSchema, loadConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { type ExampleState, exampleRoutes, newExampleState } from './fixtures/example-routes.ts';

/** Raw keys as callers send them; only their hashes go into the config. */
export const KEYS = {
  writer: 'writer-key-0123456789abcdef',
  otherWriter: 'other-writer-key-0123456789',
  reader: 'reader-key-0123456789abcdef',
  tehranOnly: 'tehran-key-0123456789abcdef',
} as const;

export const API_KEYS_JSON = JSON.stringify([
  {
    keyId: 'writer',
    sha256: hashApiKey(KEYS.writer),
    agency: 'customs',
    scopes: ['cases:write', 'cases:read'],
  },
  { keyId: 'other-writer', sha256: hashApiKey(KEYS.otherWriter), agency: 'police', scopes: ['cases:write'] },
  { keyId: 'reader', sha256: hashApiKey(KEYS.reader), agency: 'customs', scopes: ['cases:read'] },
  {
    keyId: 'tehran',
    sha256: hashApiKey(KEYS.tehranOnly),
    agency: 'customs',
    province: 'tehran',
    scopes: ['cases:read'],
  },
]);

export function bearer(key: string): { authorization: string } {
  return { authorization: `Bearer ${key}` };
}

export function testConfig(env: Record<string, string> = {}) {
  // Load shedding answers 503 when the event loop lags: a busy CI machine must not fail tests with it
  // (protection.test.ts turns it on with its own thresholds).
  return loadConfig(baseConfigSchema, {
    SERVICE_NAME: 'test-service',
    API_KEYS: API_KEYS_JSON,
    PRESSURE_MAX_EVENT_LOOP_DELAY_MS: '0',
    ...env,
  });
}

export interface TestApp {
  app: ServiceApp;
  state: ExampleState;
  /** Every log line the app wrote, as raw JSON text. */
  logs: string[];
}

/** The kit plus the example routes, logging into memory. */
export async function buildTestApp(
  env: Record<string, string> = {},
  options: Partial<Omit<ServiceAppOptions, 'config'>> = {},
): Promise<TestApp> {
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const config = testConfig(env);
  const logger = createLogger({ level: 'info', pretty: false, serviceName: 'test-service' }, sink);
  const app = await buildServiceApp({ config, logger, ...options });
  const state = newExampleState();
  await app.register(exampleRoutes, { state });
  await app.ready();
  return { app, state, logs };
}
