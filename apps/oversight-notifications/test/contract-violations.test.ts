import { deadLetterQueueName } from '@enforcement/messaging';
import { connectProducer, type TestProducer } from '@enforcement/testkit';
import { contractViolations, deadLettersOf } from '@enforcement/testkit/hostile';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestApp, type TestApp } from './support/app.ts';
import { caseRegistered, lotRegistered } from './support/events.ts';

let t: TestApp;
let producer: TestProducer;
let queue: string;

beforeAll(async () => {
  t = await startTestApp('contract-violations');
  queue = t.watchedEventsQueue;
  await t.startMessaging();
  producer = await connectProducer(t.scope.amqpUrl);
});

afterAll(async () => {
  await producer.close();
  await t.close();
});

describe('messages that break the event contract on the watched-events queue', () => {
  it('dead-letters each with its reason, writes nothing, and keeps consuming good events', async () => {
    const samples = [
      caseRegistered('case-hostile', '2025-01-01T00:00:00.000Z'),
      lotRegistered('lot-hostile', '2025-01-01T00:00:00.000Z'),
    ];
    const violations = samples.flatMap((sample) =>
      contractViolations(sample as unknown as Record<string, unknown>),
    );
    const dead = await deadLettersOf(
      t.scope.amqpUrl,
      { queue, deadLetterQueue: deadLetterQueueName(queue) },
      violations,
    );
    const missing = violations.filter(
      (_, index) => !dead.some((letter) => letter.messageId === `hostile-${index}`),
    );
    expect(missing.map((violation) => violation.label)).toEqual([]);
    for (const [index, violation] of violations.entries()) {
      const letter = dead.find((candidate) => candidate.messageId === `hostile-${index}`);
      expect(violation.reasons, `${violation.label}: ${letter?.detail}`).toContain(letter?.reason);
    }
    expect(await t.stores.obligations.find('case_determination_sla', 'case:case-hostile')).toBeNull();
    expect(Object.prototype).not.toHaveProperty('polluted');

    producer.publish(caseRegistered('case-after-hostile', '2025-01-01T00:00:00.000Z'));
    const stored = await eventually(
      () => t.stores.obligations.find('case_determination_sla', 'case:case-after-hostile'),
      (obligation) => obligation !== null,
    );
    expect(stored?.state).toBe('open');
    expect((await t.app.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200);
  });
});
