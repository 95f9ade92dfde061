import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const fixture = join(import.meta.dirname, 'fixtures', 'slow-service.ts');

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('graceful shutdown', () => {
  it('finishes in-flight requests, refuses new ones, runs close hooks and exits 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--conditions=source', fixture], {
      env: {
        ...process.env,
        SERVICE_NAME: 'slow',
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: 'warn',
        SHUTDOWN_TIMEOUT_MS: '5000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const address = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        stdout += chunk;
        const match = /listening (\S+)/.exec(stdout);
        if (match?.[1]) resolve(match[1]);
      });
      child.on('exit', () => reject(new Error(`service exited early: ${stderr}`)));
    });

    const inFlight = get(`${address}/slow`);
    await new Promise((resolve) => setTimeout(resolve, 150));
    child.kill('SIGTERM');
    // A new request is refused: with 503 while the server is closing, then with the port closed. How
    // soon the listener closes depends on the machine's load, so either answer counts as a refusal.
    const ask = () =>
      get(`${address}/health/live`).then(
        (answer) => `status ${answer.status}`,
        (error: unknown) =>
          error instanceof Error && /ECONNREFUSED|ECONNRESET/.test(error.message)
            ? 'connection refused'
            : String(error),
      );
    // Until the signal is handled the service still answers 200; ask again (bounded) until it stops.
    let refused = await ask();
    for (let attempt = 0; attempt < 100 && refused === 'status 200'; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      refused = await ask();
    }
    expect(['status 503', 'connection refused']).toContain(refused);

    expect(await inFlight).toEqual({ status: 200, body: '{"done":true}' });
    expect(await exited).toBe(0);
    expect(stdout).toContain('close hook ran');
  });
});
