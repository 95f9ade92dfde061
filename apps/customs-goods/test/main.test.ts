import { join } from 'node:path';
import { testApiKeys } from '@enforcement/service-kit/testing';
import { startServiceProcess, type TestScope, tapEvents } from '@enforcement/testkit';
import { useTestScope } from '@enforcement/testkit/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aRegisterLotBody } from './support/lots.ts';

const MAIN = join(import.meta.dirname, '..', 'src', 'main.ts');
const keys = testApiKeys({
  customs: { agency: 'customs', scopes: ['lots:read', 'lots:write'] },
  operations: { agency: 'anti_smuggling_hq', scopes: ['messaging:admin'] },
});

let scope: TestScope;
beforeAll(async () => {
  scope = await useTestScope('main');
});
afterAll(async () => {
  await scope.cleanup();
});

describe('src/main.ts', () => {
  it('starts alone from its environment, publishes a registered lot on the exchange, serves the dead-letter routes, and stops on SIGTERM', async () => {
    const tap = await tapEvents(scope.amqpUrl, 'goods.#');
    const service = startServiceProcess(MAIN, {
      MONGO_URL: scope.mongoUrl,
      MONGO_DB: scope.dbName,
      AMQP_URL: scope.amqpUrl,
      API_KEYS: keys.json,
      PORT: '0',
      HOST: '127.0.0.1',
    });
    try {
      const address = await service.listening();
      expect(await service.readiness(address)).toBe(200);
      expect((await fetch(`${address}/docs/json`)).status).toBe(200);

      const posted = await fetch(`${address}/v1/lots`, {
        method: 'POST',
        headers: keys.as('customs', { 'content-type': 'application/json' }),
        body: JSON.stringify(aRegisterLotBody()),
      });
      expect(posted.status).toBe(201);
      const { id } = (await posted.json()) as { id: string };
      expect((await tap.about(id, 1)).map((event) => event.type)).toEqual(['goods.lot_registered']);

      // The dead-letter admin routes are mounted over the consumer's queue, behind messaging:admin.
      const deadLetters = `${address}/admin/dead-letters/case-events`;
      const listed = await fetch(deadLetters, { headers: keys.as('operations') });
      expect(listed.status).toBe(200);
      expect(await listed.json()).toEqual({ consumer: 'case-events', total: 0, items: [] });
      expect((await fetch(deadLetters, { headers: keys.as('customs') })).status).toBe(403);
    } finally {
      expect(await service.stop()).toBe(0);
      await tap.close();
    }
  });

  it('refuses to start without MONGO_URL, saying so in one line', async () => {
    const service = startServiceProcess(MAIN, { AMQP_URL: scope.amqpUrl, PORT: '0' });
    expect(await service.exited()).toEqual({ code: 1, stderr: 'config error: MONGO_URL is required' });
  });

  it('refuses a broker URL that is not amqp, without echoing its password', async () => {
    const service = startServiceProcess(MAIN, {
      MONGO_URL: scope.mongoUrl,
      AMQP_URL: 'http://svc:hunter2@broker:5672',
      PORT: '0',
    });
    expect(await service.exited()).toEqual({
      code: 1,
      stderr: 'config error: AMQP_URL must be an amqp:// or amqps:// URL (got "http://svc:***@broker:5672")',
    });
  });
});
