import { join, resolve } from 'node:path';
import type { ServiceName } from '@enforcement/contracts';
import { hashApiKey } from '@enforcement/service-kit';
import {
  allScopesOf,
  type SimulatorPrincipal,
  type SimulatorPrincipalName,
  simulatorPrincipalNames,
  simulatorPrincipals,
} from '@enforcement/simulator';
import { DedicatedBroker } from './broker.ts';
import { freeLowPort } from './net.ts';
import { ManagedProcess, waitListening, waitReady } from './processes.ts';

const repoRoot = resolve(import.meta.dirname, '..', '..', '..');
const mainOf = (app: string) => join(repoRoot, 'apps', app, 'src', 'main.ts');
const STANDIN_CLI = join(repoRoot, 'packages', 'mongo-standin', 'src', 'cli.ts');

const rawKey = (name: string) => `faults-${name}-0123456789abcdef`;

/** The simulator's principals and their raw keys (the services get only the hashes). */
export const simulatorKeys = Object.fromEntries(
  simulatorPrincipalNames.map((name) => [name, rawKey(name)]),
) as Record<SimulatorPrincipalName, string>;

export const simulatorKeyRecords = Object.entries(simulatorPrincipals).map(
  ([name, principal]: [string, SimulatorPrincipal]) => ({
    keyId: name,
    sha256: hashApiKey(rawKey(name)),
    agency: principal.agency,
    ...(principal.province === undefined ? {} : { province: principal.province }),
    scopes: allScopesOf(principal),
  }),
);

/** Databases, one per service, as the services are configured here. */
export const DATABASES = {
  'case-intake': 'faults_case_intake',
  'customs-goods': 'faults_customs_goods',
  'oversight-notifications': 'faults_oversight',
} as const satisfies Record<ServiceName, string>;

export const CONSUMER_QUEUES = {
  'customs-goods': 'customs-goods.case-events',
  'oversight-notifications': 'oversight-notifications.watched-events',
} as const;

export interface RunningService {
  name: ServiceName;
  url: string;
  process: ManagedProcess;
}

/**
 * The platform as this suite runs it, every part a process it owns: a dedicated RabbitMQ node, the
 * MongoDB stand-in persisting to a data directory, and the three services from their `main.ts`, each on
 * a fixed port so a restarted one comes back at the same address.
 */
export class Platform {
  readonly dir: string;
  broker: DedicatedBroker | undefined;
  standin: ManagedProcess | undefined;
  mongoPort = 0;
  readonly services: RunningService[] = [];

  constructor(dir: string) {
    this.dir = dir;
  }

  get mongoUrl(): string {
    return `mongodb://127.0.0.1:${this.mongoPort}/?directConnection=true`;
  }

  get targets(): Record<ServiceName, string> {
    return Object.fromEntries(this.services.map((service) => [service.name, service.url])) as Record<
      ServiceName,
      string
    >;
  }

  async startBroker(): Promise<DedicatedBroker> {
    this.broker = await DedicatedBroker.start(join(this.dir, 'rabbitmq'));
    return this.broker;
  }

  async startStandin(): Promise<void> {
    this.mongoPort = await freeLowPort([this.broker?.port ?? 0, this.broker?.distPort ?? 0]);
    this.standin = new ManagedProcess(
      'mongo-standin',
      [
        '--conditions=source',
        STANDIN_CLI,
        '--port',
        String(this.mongoPort),
        '--data-dir',
        join(this.dir, 'mongo'),
      ],
      {},
      join(this.dir, 'mongo-standin.log'),
    );
    this.standin.start();
    await waitListening('the MongoDB stand-in', this.mongoPort);
  }

  async startServices(): Promise<void> {
    const broker = this.broker;
    if (broker === undefined) throw new Error('start the broker first');
    const taken = [broker.port, broker.distPort, this.mongoPort];
    const shared = {
      MONGO_URL: this.mongoUrl,
      AMQP_URL: broker.amqpUrl,
      API_KEYS: JSON.stringify(simulatorKeyRecords),
      HOST: '127.0.0.1',
      RATE_LIMIT_MAX: '100000',
      LOG_LEVEL: 'info',
      PRESSURE_MAX_EVENT_LOOP_DELAY_MS: '0',
    };
    const own: Record<ServiceName, Record<string, string>> = {
      'case-intake': {},
      'customs-goods': { CASE_EVENTS_QUEUE: CONSUMER_QUEUES['customs-goods'] },
      'oversight-notifications': {
        WATCHED_EVENTS_QUEUE: CONSUMER_QUEUES['oversight-notifications'],
        SWEEP_INTERVAL_S: '1',
        STATS_MAX_AGE_S: '0',
      },
    };
    for (const name of Object.keys(DATABASES) as ServiceName[]) {
      const port = await freeLowPort(taken);
      taken.push(port);
      const process = new ManagedProcess(
        name,
        ['--conditions=source', mainOf(name)],
        { ...shared, ...own[name], MONGO_DB: DATABASES[name], PORT: String(port) },
        join(this.dir, `${name}.log`),
      );
      this.services.push({ name, url: `http://127.0.0.1:${port}`, process });
    }
    for (const service of this.services) service.process.start();
    await this.allReady();
  }

  service(name: ServiceName): RunningService {
    const found = this.services.find((service) => service.name === name);
    if (found === undefined) throw new Error(`no service ${name}`);
    return found;
  }

  /** Waits until every service answers ready (its database and its broker connection are up). */
  async allReady(timeoutMs = 45_000): Promise<number> {
    const times = await Promise.all(
      this.services.map((service) => waitReady(service.name, service.url, timeoutMs)),
    );
    return Math.max(0, ...times);
  }

  /** Stops everything it started, services first; never throws. */
  async stop(): Promise<void> {
    await Promise.all(this.services.map((service) => service.process.stop().catch(() => undefined)));
    await this.standin?.stop().catch(() => undefined);
    await this.broker?.stop().catch(() => undefined);
  }
}
