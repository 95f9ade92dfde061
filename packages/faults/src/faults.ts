import type { ServiceName } from '@enforcement/contracts';
import type { Platform } from './platform.ts';
import { waitListening } from './processes.ts';

/** One fault: when it is injected (s after the traffic starts), what it does, how recovery is awaited. */
export interface Fault {
  atS: number;
  name: string;
  inject(platform: Platform): Promise<void>;
}

/** What happened to one fault: when it was injected and how long until every service was ready again. */
export interface FaultRecord {
  name: string;
  injectedAtS: number;
  recoveredInMs: number;
}

const killService =
  (name: ServiceName): Fault['inject'] =>
  async (platform) => {
    const { process } = platform.service(name);
    await process.kill9();
    process.start();
  };

/** Every fault once, ten seconds apart, each after the platform recovered from the one before. */
export function faultSchedule(): Fault[] {
  return [
    { atS: 8, name: 'kill -9 case-intake, restart', inject: killService('case-intake') },
    { atS: 18, name: 'kill -9 customs-goods, restart', inject: killService('customs-goods') },
    {
      atS: 28,
      name: 'kill -9 oversight-notifications, restart',
      inject: killService('oversight-notifications'),
    },
    {
      atS: 38,
      name: 'rabbitmqctl stop_app, 3 s, start_app',
      inject: async (platform) => {
        const broker = platform.broker;
        if (broker === undefined) throw new Error('no broker');
        await broker.stopApp();
        await new Promise((resolve) => setTimeout(resolve, 3000));
        await broker.startApp();
      },
    },
    {
      atS: 52,
      name: 'rabbitmqctl close_all_connections',
      inject: async (platform) => {
        await platform.broker?.closeAllConnections('fault injection');
      },
    },
    {
      atS: 62,
      name: 'kill -9 MongoDB stand-in, restart on its data dir',
      inject: async (platform) => {
        const standin = platform.standin;
        if (standin === undefined) throw new Error('no stand-in');
        await standin.kill9();
        await new Promise((resolve) => setTimeout(resolve, 1000));
        standin.start();
        await waitListening('the MongoDB stand-in', platform.mongoPort);
      },
    },
  ];
}

/**
 * Injects each fault at its time (relative to `t0`, performance.now()) and waits (bounded) until every
 * service is ready again before the next. A fault that cannot be injected or recovered from throws.
 */
export async function injectFaults(
  platform: Platform,
  faults: readonly Fault[],
  t0: number,
  log: (line: string) => void,
): Promise<FaultRecord[]> {
  const records: FaultRecord[] = [];
  for (const fault of faults) {
    const wait = fault.atS * 1000 - (performance.now() - t0);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const injectedAt = performance.now();
    log(`fault at ${((injectedAt - t0) / 1000).toFixed(1)} s: ${fault.name}`);
    await fault.inject(platform);
    await platform.allReady(60_000);
    const record = {
      name: fault.name,
      injectedAtS: Math.round((injectedAt - t0) / 100) / 10,
      recoveredInMs: Math.round(performance.now() - injectedAt),
    };
    log(`  all services ready again after ${record.recoveredInMs} ms`);
    records.push(record);
  }
  return records;
}
