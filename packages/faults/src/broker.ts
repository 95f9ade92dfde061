import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freeLowPort, tcpAnswers } from './net.ts';

const run = promisify(execFile);

/** Where the RabbitMQ scripts are: the real ones, not the `/usr/sbin` wrappers that `su` to the rabbitmq user. */
export function rabbitmqBinDir(): string | undefined {
  const candidates = [
    process.env.FAULTS_RABBITMQ_BIN_DIR,
    '/usr/lib/rabbitmq/bin',
    '/usr/sbin',
    '/usr/local/sbin',
  ];
  return candidates.find(
    (dir): dir is string =>
      dir !== undefined && existsSync(join(dir, 'rabbitmq-server')) && existsSync(join(dir, 'rabbitmqctl')),
  );
}

/**
 * A RabbitMQ node of its own (`faults-<pid>@localhost`), so the faults this suite injects (stop_app,
 * close_all_connections) never touch the broker other suites share. Its state, logs, Erlang cookie
 * (a private HOME) and config live under `dir`; it listens on loopback only, on ports below the
 * ephemeral range (a client socket's source port can otherwise take the listener's port while the
 * app restarts), and the shared epmd registers it under its own name.
 */
export class DedicatedBroker {
  readonly nodeName: string;
  readonly port: number;
  readonly distPort: number;
  readonly #binDir: string;
  readonly #env: Record<string, string>;
  #child: ChildProcess | undefined;
  #exited: Promise<unknown> | undefined;

  private constructor(binDir: string, dir: string, port: number, distPort: number) {
    this.#binDir = binDir;
    this.port = port;
    this.distPort = distPort;
    this.nodeName = `faults-${process.pid}@localhost`;
    const home = join(dir, 'home');
    for (const sub of ['home', 'mnesia', 'log']) mkdirSync(join(dir, sub), { recursive: true });
    writeFileSync(join(dir, 'enabled_plugins'), '[].\n');
    writeFileSync(
      join(dir, 'rabbitmq.conf'),
      `listeners.tcp.local = 127.0.0.1:${port}\nloopback_users = none\n`,
    );
    writeFileSync(join(dir, 'rabbitmq-env.conf'), 'ERL_EPMD_ADDRESS=127.0.0.1\n');
    this.#env = {
      ...(process.env as Record<string, string>),
      HOME: home,
      RABBITMQ_NODENAME: this.nodeName,
      RABBITMQ_DIST_PORT: String(distPort),
      RABBITMQ_MNESIA_BASE: join(dir, 'mnesia'),
      RABBITMQ_LOG_BASE: join(dir, 'log'),
      RABBITMQ_ENABLED_PLUGINS_FILE: join(dir, 'enabled_plugins'),
      RABBITMQ_CONFIG_FILE: join(dir, 'rabbitmq.conf'),
      RABBITMQ_CONF_ENV_FILE: join(dir, 'rabbitmq-env.conf'),
      ERL_EPMD_ADDRESS: '127.0.0.1',
      ERL_FLAGS: '-kernel inet_dist_use_interface {127,0,0,1}',
    };
  }

  get amqpUrl(): string {
    return `amqp://guest:guest@127.0.0.1:${this.port}`;
  }

  /** Starts the node (in the foreground, as a child in its own process group) and waits for AMQP. */
  static async start(dir: string, timeoutMs = 60_000): Promise<DedicatedBroker> {
    const binDir = rabbitmqBinDir();
    if (binDir === undefined) throw new Error('rabbitmq-server and rabbitmqctl were not found');
    const port = await freeLowPort();
    const distPort = await freeLowPort([port]);
    const broker = new DedicatedBroker(binDir, dir, port, distPort);
    const out = openSync(join(dir, 'server.out'), 'a');
    const child = spawn(join(binDir, 'rabbitmq-server'), [], {
      cwd: dir,
      env: broker.#env,
      stdio: ['ignore', out, out],
      detached: true,
    });
    broker.#child = child;
    broker.#exited = once(child, 'exit');
    const deadline = Date.now() + timeoutMs;
    let exited = false;
    void broker.#exited.then(() => {
      exited = true;
    });
    while (!(await tcpAnswers('127.0.0.1', port))) {
      if (exited) throw new Error(`the dedicated RabbitMQ node exited while starting (see ${dir}/log)`);
      if (Date.now() > deadline)
        throw new Error(`the dedicated RabbitMQ node did not listen within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await broker.ctl('await_startup', '--timeout', '60');
    return broker;
  }

  /** `rabbitmqctl -n <node> ...args`, answering stdout. */
  async ctl(...args: string[]): Promise<string> {
    const { stdout } = await run(join(this.#binDir, 'rabbitmqctl'), ['-n', this.nodeName, '-q', ...args], {
      env: this.#env,
      timeout: 90_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    return stdout;
  }

  stopApp(): Promise<string> {
    return this.ctl('stop_app');
  }

  async startApp(): Promise<void> {
    await this.ctl('start_app');
    await this.ctl('await_startup', '--timeout', '60');
  }

  closeAllConnections(reason: string): Promise<string> {
    return this.ctl('close_all_connections', reason);
  }

  /** Queues of the vhost `/` with their ready and unacknowledged counts. */
  async queues(): Promise<{ name: string; ready: number; unacked: number }[]> {
    const text = await this.ctl(
      'list_queues',
      '--no-table-headers',
      'name',
      'messages_ready',
      'messages_unacknowledged',
    );
    return text
      .split('\n')
      .map((line) => line.trim().split(/\s+/))
      .filter((parts) => parts.length === 3)
      .map(([name, ready, unacked]) => ({
        name: name ?? '',
        ready: Number(ready),
        unacked: Number(unacked),
      }));
  }

  /** Bindings from the events exchange: queue and binding key. */
  async bindings(exchange: string): Promise<{ queue: string; key: string }[]> {
    const text = await this.ctl(
      'list_bindings',
      '--no-table-headers',
      'source_name',
      'destination_name',
      'destination_kind',
      'routing_key',
    );
    return text
      .split('\n')
      .map((line) => line.trim().split(/\t/))
      .filter((parts) => parts[0] === exchange && parts[2] === 'queue')
      .map((parts) => ({ queue: parts[1] ?? '', key: parts[3] ?? '' }));
  }

  /** Stops the node (`rabbitmqctl stop`), then makes sure its process group is gone. */
  async stop(): Promise<void> {
    const child = this.#child;
    if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
    await this.ctl('stop').catch(() => undefined);
    const timer = setTimeout(() => killGroup(child), 15_000);
    await this.#exited;
    clearTimeout(timer);
    killGroup(child);
  }
}

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
