import { newEvent } from '@enforcement/contracts';
import { deadLetterQueueName } from '@enforcement/messaging';
import { connectProducer, eventually, type TestProducer } from '@enforcement/testkit';
import { contractViolations, deadLettersOf } from '@enforcement/testkit/hostile';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.ts';

let t: TestApp;
let producer: TestProducer;
let queue: string;

beforeAll(async () => {
  t = await startTestApp('contract-violations');
  queue = t.caseEventsQueue;
  await t.startMessaging();
  producer = await connectProducer(t.scope.amqpUrl);
});

afterAll(async () => {
  await producer.close();
  await t.close();
});

function verdict(caseId: string) {
  return newEvent('case.verdict_issued', {
    version: 1,
    subjectId: caseId,
    correlationId: `corr-${caseId}`,
    payload: {
      caseId,
      category: 'goods',
      province: 'khuzestan',
      handlingAuthority: 'prosecutor',
      verdictReference: '9809-1404',
      outcome: 'convicted',
      fineRials: '25000000000000',
      goodsConfiscated: true,
      issuedAt: '2025-10-01T08:00:00.000Z',
    },
  });
}

describe('messages that break the event contract on the case-events queue', () => {
  it('dead-letters each with its reason, runs no handler, and keeps consuming good events', async () => {
    const violations = contractViolations(verdict('case-hostile') as unknown as Record<string, unknown>);
    const dead = await deadLettersOf(
      t.scope.amqpUrl,
      { queue, deadLetterQueue: deadLetterQueueName(queue) },
      violations,
    );
    const missing = violations.filter((_, index) => !dead.some((d) => d.messageId === `hostile-${index}`));
    expect(missing.map((violation) => violation.label)).toEqual([]);
    for (const [index, violation] of violations.entries()) {
      const letter = dead.find((candidate) => candidate.messageId === `hostile-${index}`);
      expect(letter, violation.label).toBeDefined();
      expect(violation.reasons, `${violation.label}: ${letter?.detail}`).toContain(letter?.reason);
      expect(letter?.detail?.length ?? 0, violation.label).toBeGreaterThan(0);
    }
    // Nothing of the hostile verdict was applied.
    const verdicts = t.db.collection('case_verdicts');
    expect(await verdicts.countDocuments({})).toBe(0);
    expect(Object.prototype).not.toHaveProperty('polluted');

    producer.publish(verdict('case-after-hostile'));
    const applied = await eventually(
      () => verdicts.findOne({ _id: 'case-after-hostile' as never }),
      (found) => found !== null,
    );
    expect(applied).not.toBeNull();
    expect((await t.app.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200);
  });
});
