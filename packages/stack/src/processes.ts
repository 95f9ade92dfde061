import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { serviceProcessEnv } from '@enforcement/testkit';
import { formatLogLine } from './log-lines.ts';

/** A service process of the stack. */
export interface RunningService {
  name: string;
  url: string;
  child: ChildProcess;
  exited: Promise<number | null>;
}

/** Starts a service's `main.ts` from source, its output shown line by line under its name. */
export function startService(
  service: { name: string; main: string },
  index: number,
  env: Record<string, string>,
  out: (line: string) => void,
  color: boolean,
): RunningService {
  const child = spawn(process.execPath, ['--conditions=source', service.main], {
    env: serviceProcessEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    if (stream === null) continue;
    createInterface({ input: stream }).on('line', (line) =>
      out(formatLogLine(service.name, index, line, color)),
    );
  }
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return { name: service.name, url: `http://${env.HOST ?? '127.0.0.1'}:${env.PORT}`, child, exited };
}

/** Waits until the service answers ready, or fails naming it when it exits or takes too long. */
export async function waitReady(
  service: RunningService,
  timeoutMs: number,
  path = '/health/ready',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitedWith: number | null | undefined;
  void service.exited.then((code) => {
    exitedWith = code;
  });
  while (Date.now() < deadline) {
    if (exitedWith !== undefined)
      throw new Error(`${service.name} exited (code ${exitedWith}) before it was ready`);
    try {
      const response = await fetch(`${service.url}${path}`, { signal: AbortSignal.timeout(2000) });
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${service.name} was not ready within ${Math.round(timeoutMs / 1000)} s`);
}

/** Stops services in reverse order with SIGTERM (their graceful shutdown), SIGKILL after `graceMs`. */
export async function stopServices(running: readonly RunningService[], graceMs: number): Promise<void> {
  await Promise.all(
    [...running].reverse().map(async (service) => {
      if (service.child.exitCode !== null || service.child.signalCode !== null) return;
      service.child.kill('SIGTERM');
      const timer = setTimeout(() => service.child.kill('SIGKILL'), graceMs);
      await service.exited;
      clearTimeout(timer);
    }),
  );
}
