import { join } from 'node:path';
import { testApiKeys } from '@enforcement/service-kit/testing';
import { connectProducer, startServiceProcess, type TestScope } from '@enforcement/testkit';
import { useTestScope } from '@enforcement/testkit/vitest';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from './support/app.ts';
import { caseRegistered } from './support/events.ts';

const MAIN = join(import.meta.dirname, '..', 'src', 'main.ts');
const keys = testApiKeys({
  reader: { agency: 'inspection', scopes: ['rules:read'] },
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
  it('starts alone from its environment, turns an event on the exchange into an obligation, serves the dead-letter routes, and stops on SIGTERM', async () => {
    const service = startServiceProcess(MAIN, {
      MONGO_URL: scope.mongoUrl,
      MONGO_DB: scope.dbName,
      AMQP_URL: scope.amqpUrl,
      API_KEYS: keys.json,
      WATCHED_EVENTS_QUEUE: scope.name('watched-events'),
      PORT: '0',
      HOST: '127.0.0.1',
    });
    const client = await new MongoClient(scope.mongoUrl).connect();
    const producer = await connectProducer(scope.amqpUrl);
    try {
      const address = await service.listening();
      expect(await service.readiness(address)).toBe(200);
      const rules = await fetch(`${address}/v1/rules`, { headers: keys.as('reader') });
      expect(rules.status).toBe(200);

      producer.publish(caseRegistered('main-1', '2025-01-01T00:00:00.000Z'));
      const obligations = client.db(scope.dbName).collection('obligations');
      const stored = await eventually(
        () => obligations.findOne({ subjectKey: 'case:main-1', ruleId: 'case_determination_sla' }),
        (found) => found !== null,
      );
      expect(stored).toMatchObject({ state: 'open' });

      // The dead-letter admin routes are mounted over the consumer's queue, behind messaging:admin.
      const deadLetters = `${address}/admin/dead-letters/watched-events`;
      const listed = await fetch(deadLetters, { headers: keys.as('operations') });
      expect(listed.status).toBe(200);
      expect(await listed.json()).toEqual({ consumer: 'watched-events', total: 0, items: [] });
      expect((await fetch(deadLetters, { headers: keys.as('reader') })).status).toBe(403);
      expect((await fetch(`${address}/docs/json`)).status).toBe(200);
    } finally {
      expect(await service.stop()).toBe(0);
      await producer.close();
      await client.close();
    }
  });

  it('refuses to start without MONGO_URL, saying so in one line', async () => {
    const service = startServiceProcess(MAIN, { AMQP_URL: scope.amqpUrl, PORT: '0' });
    expect(await service.exited()).toEqual({ code: 1, stderr: 'config error: MONGO_URL is required' });
  });
});
