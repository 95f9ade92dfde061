import { join } from 'node:path';
import { type Infra, startInfra } from '@enforcement/testkit';
import { buildDashboard, dashboardEnv, dashboardMain } from './dashboard.ts';
import { type DemoKeys, ensureDemoKeys } from './demo-keys.ts';
import { type DemoPrincipal, demoPrincipals, toolPrincipals } from './demo-principals.ts';
import { freePort, portTaken } from './ports.ts';
import { type RunningService, startService, stopServices, waitReady } from './processes.ts';
import { ensureExecutionUnits } from './reference-data.ts';
import { serviceEnv, services } from './services.ts';
import { removeStackFile, writeStackFile } from './stack-file.ts';

export interface StackOptions {
  dataDir: string;
  /** First port; the services take it and the next ones. 0 lets the OS pick free ports. */
  portBase: number;
  /** Prefix of every service's database name, so several stacks can share one MongoDB. */
  dbPrefix: string;
  /** Extra principals (e.g. the simulator's) to make keys for, kept with the tool keys. */
  extraToolPrincipals?: Record<string, DemoPrincipal>;
  out: (line: string) => void;
  color: boolean;
  env: NodeJS.ProcessEnv;
  /** Variables every service gets on top of the stack's own (a test's short report cache, say). */
  serviceVariables?: Record<string, string>;
}

export interface RunningStack {
  infra: Infra;
  services: RunningService[];
  keys: DemoKeys;
  stackFile: string;
  units: { created: number; existing: number };
  /** Resolves when any service exits by itself (a crash): the stack should then stop. */
  firstExit: Promise<{ name: string; code: number | null }>;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 15_000;

async function portsFor(base: number, count: number): Promise<number[]> {
  if (base === 0) return Promise.all(Array.from({ length: count }, () => freePort()));
  const ports = Array.from({ length: count }, (_, i) => base + i);
  for (const port of ports) {
    if (await portTaken(port)) {
      throw new Error(`port ${port} is in use (another npm start?); stop it or set STACK_PORT_BASE`);
    }
  }
  return ports;
}

/**
 * Starts the platform: infrastructure as the tests find it (environment, containers, else the local
 * broker and the MongoDB stand-in persisting under the data directory), demo keys, the three services
 * (ready before it answers), reference data, and `stack.json` for tools. `stop()` undoes it all.
 */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const { dataDir, out } = options;
  const infra = await startInfra({
    env: options.env,
    standinDataDir: join(dataDir, 'mongo'),
    log: (message) => out(`[stack] ${message}`),
  });
  const running: RunningService[] = [];
  const stackFile = join(dataDir, 'stack.json');
  const stopAll = async () => {
    await stopServices(running, STOP_GRACE_MS);
    await removeStackFile(stackFile);
    await infra.stop();
  };
  try {
    const tools = { ...toolPrincipals, ...options.extraToolPrincipals };
    const keys = await ensureDemoKeys(
      { recordsPath: join(dataDir, 'api-keys.json'), toolKeysPath: join(dataDir, 'tool-keys.json') },
      { demo: { ...demoPrincipals }, tools },
    );
    // The services, then the dashboard.
    const ports = await portsFor(options.portBase, services.length + 1);
    services.forEach((service, index) => {
      const own = serviceEnv(service, {
        mongoUrl: infra.mongoUrl,
        amqpUrl: infra.amqpUrl,
        port: ports[index] ?? 0,
        apiKeysFile: join(dataDir, 'api-keys.json'),
        dbPrefix: options.dbPrefix,
      });
      running.push(startService(service, index, { ...own, ...options.serviceVariables }, out, options.color));
    });
    await Promise.all(running.map((service) => waitReady(service, READY_TIMEOUT_MS)));
    const caseIntake = running.find((service) => service.name === 'case-intake');
    if (caseIntake === undefined) throw new Error('case-intake is not part of the stack');
    const units = await ensureExecutionUnits(caseIntake.url, keys.tools);
    const dashboardKey = keys.tools.dashboard;
    if (dashboardKey === undefined) throw new Error('no dashboard key');
    buildDashboard();
    const dashboard = startService(
      { name: 'dashboard', main: dashboardMain },
      services.length,
      dashboardEnv(running, ports[services.length] ?? 0, dashboardKey),
      out,
      options.color,
    );
    running.push(dashboard);
    await waitReady(dashboard, READY_TIMEOUT_MS, '/health/live');
    await writeStackFile(stackFile, {
      pid: process.pid,
      startedAt: new Date().toISOString(),
      services: Object.fromEntries(running.map((s) => [s.name, { url: s.url, pid: s.child.pid }])),
      keys: keys.tools,
    });
    const firstExit = Promise.race(running.map(async (s) => ({ name: s.name, code: await s.exited })));
    return { infra, services: running, keys, stackFile, units, firstExit, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
