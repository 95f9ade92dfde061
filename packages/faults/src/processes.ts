import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { openSync } from 'node:fs';
import { serviceProcessEnv } from '@enforcement/testkit';
import { tcpAnswers } from './net.ts';

/**
 * A Node process this suite starts, kills with SIGKILL and starts again with the same arguments and
 * environment (so on the same port). Its output is appended to `logFile`, for the report of a failure.
 */
export class ManagedProcess {
  readonly name: string;
  readonly #args: string[];
  readonly #env: Record<string, string>;
  readonly #logFile: string;
  #child: ChildProcess | undefined;
  #exit: Promise<unknown> = Promise.resolve();
  starts = 0;

  constructor(name: string, args: string[], env: Record<string, string>, logFile: string) {
    this.name = name;
    this.#args = args;
    this.#logFile = logFile;
    this.#env = serviceProcessEnv(env);
  }

  get running(): boolean {
    const child = this.#child;
    return child !== undefined && child.exitCode === null && child.signalCode === null;
  }

  start(): void {
    if (this.running) throw new Error(`${this.name} is already running`);
    const out = openSync(this.#logFile, 'a');
    const child = spawn(process.execPath, this.#args, { env: this.#env, stdio: ['ignore', out, out] });
    this.#child = child;
    this.#exit = once(child, 'exit');
    this.starts += 1;
  }

  /** `kill -9`: no shutdown hooks, requests in flight and unflushed work are lost. */
  async kill9(): Promise<void> {
    if (!this.running) return;
    this.#child?.kill('SIGKILL');
    await this.#exit;
  }

  /** SIGTERM (graceful shutdown), SIGKILL after `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    if (!this.running) return;
    const child = this.#child;
    child?.kill('SIGTERM');
    const timer = setTimeout(() => child?.kill('SIGKILL'), graceMs);
    await this.#exit;
    clearTimeout(timer);
  }
}

/** Polls until `check` answers true, at most `timeoutMs`; throws naming `what` otherwise. */
export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await check().catch(() => false)) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`${what} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Waits until `url/health/ready` answers 200 (bounded); answers how long it took. */
export function waitReady(name: string, url: string, timeoutMs = 45_000): Promise<number> {
  return waitFor(
    `${name} was not ready`,
    async () => (await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(2000) })).status === 200,
    timeoutMs,
  );
}

export function waitListening(name: string, port: number, timeoutMs = 30_000): Promise<number> {
  return waitFor(`${name} did not listen on ${port}`, () => tcpAnswers('127.0.0.1', port), timeoutMs);
}
