import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** A child Node process running one of the bench's scripts, and the first line it printed matching `ready`. */
export async function startChild(
  script: string,
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
): Promise<{ child: ChildProcess; match: RegExpExecArray }> {
  const child = spawn(process.execPath, ['--conditions=source', script, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (!child.stdout) throw new Error(`${script}: no stdout`);
  for await (const line of createInterface({ input: child.stdout })) {
    const match = ready.exec(line);
    if (match) {
      child.stdout.resume();
      return { child, match };
    }
  }
  throw new Error(`${script} exited before it was ready`);
}

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
