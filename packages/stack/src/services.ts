import { join } from 'node:path';
import { repoRoot } from './paths.ts';

/** A service of the platform as the stack runs it: its workspace, entry point and environment. */
export interface ServiceDefinition {
  name: string;
  main: string;
  /** The database it owns (each service has its own). */
  database: string;
  /** Variables beyond the shared ones (infrastructure, port, keys). */
  env: Record<string, string>;
}

const mainOf = (app: string) => join(repoRoot, 'apps', app, 'src', 'main.ts');

/** The three services, in start order; the oversight sweep runs often so a demo shows notifications soon. */
export const services: readonly ServiceDefinition[] = [
  { name: 'case-intake', main: mainOf('case-intake'), database: 'case_intake', env: {} },
  { name: 'customs-goods', main: mainOf('customs-goods'), database: 'customs_goods', env: {} },
  {
    name: 'oversight-notifications',
    main: mainOf('oversight-notifications'),
    database: 'oversight_notifications',
    env: { SWEEP_INTERVAL_S: '5', FEED_POLL_MS: '500' },
  },
];

/** What every service gets: where the infrastructure is, its port, the keys file, readable logs. */
export function serviceEnv(
  service: ServiceDefinition,
  shared: { mongoUrl: string; amqpUrl: string; port: number; apiKeysFile: string; dbPrefix: string },
): Record<string, string> {
  return {
    MONGO_URL: shared.mongoUrl,
    MONGO_DB: `${shared.dbPrefix}${service.database}`,
    AMQP_URL: shared.amqpUrl,
    HOST: '127.0.0.1',
    PORT: String(shared.port),
    API_KEYS_FILE: shared.apiKeysFile,
    LOG_LEVEL: 'info',
    // A demo machine drives all traffic through one key at a time (the simulator).
    RATE_LIMIT_MAX: '100000',
    ...service.env,
  };
}
