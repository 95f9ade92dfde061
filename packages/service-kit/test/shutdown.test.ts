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
    await new Promise((resolve) => setTimeout(resolve, 150));
    await expect(get(`${address}/health/live`)).rejects.toThrow(/ECONNREFUSED/);

    expect(await inFlight).toEqual({ status: 200, body: '{"done":true}' });
    expect(await exited).toBe(0);
    expect(stdout).toContain('close hook ran');
  });
});
