import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { EVENTS_EXCHANGE, parseEvent } from '@enforcement/contracts';
import { hashApiKey } from '@enforcement/service-kit';
import type { TestScope } from '@enforcement/testkit';
import { useTestScope } from '@enforcement/testkit/vitest';
import amqp from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aRegisterLotBody } from './support/lots.ts';

const MAIN = join(import.meta.dirname, '..', 'src', 'main.ts');
const CUSTOMS_KEY = 'main-test-customs-key-0123456789';
const API_KEYS = JSON.stringify([
  {
    keyId: 'customs',
    sha256: hashApiKey(CUSTOMS_KEY),
    agency: 'customs',
    scopes: ['lots:read', 'lots:write'],
  },
]);

let scope: TestScope;
beforeAll(async () => {
  scope = await useTestScope('main');
});
afterAll(async () => {
  await scope.cleanup();
});

function start(env: Record<string, string>): ChildProcess {
  const { MONGO_URL: _url, MONGO_DB: _db, AMQP_URL: _amqp, API_KEYS: _keys, ...inherited } = process.env;
  return spawn(process.execPath, ['--conditions=source', MAIN], {
    env: { ...inherited, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function fullEnvironment(): Record<string, string> {
  return {
    MONGO_URL: scope.mongoUrl,
    MONGO_DB: scope.dbName,
    AMQP_URL: scope.amqpUrl,
    API_KEYS,
    PORT: '0',
    HOST: '127.0.0.1',
  };
}

/** The address the service logs once it listens. */
async function listeningAddress(child: ChildProcess): Promise<string> {
  if (!child.stdout) throw new Error('no stdout');
  for await (const line of createInterface({ input: child.stdout })) {
    const address = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(line)?.[1];
    if (address) return address;
  }
  throw new Error('the service exited before listening');
}

/** Readiness turns true once the broker connection is up; polls a bounded number of times. */
async function readiness(address: string): Promise<number> {
  let status = 0;
  for (let attempt = 0; attempt < 100 && status !== 200; attempt += 1) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 100));
    status = (await fetch(`${address}/health/ready`)).status;
  }
  return status;
}

async function stderrAndExitCode(child: ChildProcess): Promise<{ stderr: string; code: number | null }> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  return { stderr: stderr.trim(), code };
}

describe('src/main.ts', () => {
  it('starts alone from its environment, publishes a registered lot on the exchange, and stops on SIGTERM', async () => {
    const connection = await amqp.connect(scope.amqpUrl);
    const channel = await connection.createChannel();
    await channel.assertExchange(EVENTS_EXCHANGE, 'topic', { durable: true });
    const { queue } = await channel.assertQueue('', { exclusive: true });
    await channel.bindQueue(queue, EVENTS_EXCHANGE, 'goods.#');
    const delivered = new Promise<unknown>((resolve) => {
      void channel.consume(queue, (message) => {
        if (message) resolve(JSON.parse(message.content.toString()));
      });
    });

    const child = start(fullEnvironment());
    try {
      const address = await listeningAddress(child);
      expect(await readiness(address)).toBe(200);
      expect((await fetch(`${address}/docs/json`)).status).toBe(200);

      const posted = await fetch(`${address}/v1/lots`, {
        method: 'POST',
        headers: { authorization: `Bearer ${CUSTOMS_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify(aRegisterLotBody()),
      });
      expect(posted.status).toBe(201);
      const { id } = (await posted.json()) as { id: string };

      const event = parseEvent(await delivered);
      expect(event.ok && event.event.type).toBe('goods.lot_registered');
      expect(event.ok && event.event.subject.id).toBe(id);
    } finally {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = await exited;
      expect(code).toBe(0);
      await connection.close();
    }
  });

  it('refuses to start without MONGO_URL, saying so in one line', async () => {
    const { stderr, code } = await stderrAndExitCode(start({ AMQP_URL: scope.amqpUrl, PORT: '0' }));
    expect(code).toBe(1);
    expect(stderr).toBe('config error: MONGO_URL is required');
  });

  it('refuses a broker URL that is not amqp, without echoing its password', async () => {
    const child = start({ MONGO_URL: scope.mongoUrl, AMQP_URL: 'http://svc:hunter2@broker:5672', PORT: '0' });
    const { stderr, code } = await stderrAndExitCode(child);
    expect(code).toBe(1);
    expect(stderr).toBe(
      'config error: AMQP_URL must be an amqp:// or amqps:// URL (got "http://svc:***@broker:5672")',
    );
  });
});
