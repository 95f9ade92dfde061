import type { LotView } from '@enforcement/contracts';
import { newEvent } from '@enforcement/contracts';
import { connectProducer, type TestProducer } from '@enforcement/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, startTestApp, type TestApp } from './support/app.ts';
import { eventually, registered, walked } from './support/lots.ts';

let t: TestApp;
let producer: TestProducer;

beforeAll(async () => {
  t = await startTestApp('case-events', {}, { retryDelaysMs: [200] });
  await t.startMessaging();
  producer = await connectProducer(t.scope.amqpUrl);
});

afterAll(async () => {
  await producer.close();
  await t.close();
});

function verdictEvent(
  caseId: string,
  outcome: 'convicted' | 'acquitted',
  goodsConfiscated: boolean,
  id?: string,
) {
  return newEvent('case.verdict_issued', {
    version: 1,
    subjectId: caseId,
    correlationId: `corr-${caseId}`,
    ...(id === undefined ? {} : { id }),
    payload: {
      caseId,
      category: 'goods',
      province: 'khuzestan',
      handlingAuthority: 'prosecutor',
      verdictReference: '9809-1404',
      outcome,
      fineRials: outcome === 'convicted' ? '25000000000000' : '0',
      goodsConfiscated,
      issuedAt: '2025-10-01T08:00:00.000Z',
    },
  });
}

async function lotNow(lotId: string): Promise<LotView> {
  return (
    await t.app.inject({ method: 'GET', url: `/v1/lots/${lotId}`, headers: as('inspection') })
  ).json<LotView>();
}

describe('reacting to case verdicts from the broker', () => {
  it('confiscates the held lots of a case whose verdict confiscates the goods, once despite a duplicate', async () => {
    const lot = await registered(t.app, { caseId: 'case-confiscated' });
    await walked(t.app, lot.id, [{ to: 'held' }]);
    const event = verdictEvent('case-confiscated', 'convicted', true);
    producer.publish(event);
    producer.publish(event);
    const confiscated = await eventually(
      () => lotNow(lot.id),
      (current) => current.status === 'confiscated',
    );
    expect(confiscated).toMatchObject({
      status: 'confiscated',
      caseVerdict: { goodsConfiscated: true },
      version: 3,
    });
    // A later redelivery of the same verdict under a new id changes nothing either.
    const replay = verdictEvent('case-confiscated', 'convicted', true);
    producer.publish(replay);
    const inbox = t.db.collection('messaging_inbox');
    await eventually(
      () => inbox.findOne({ eventId: replay.id }),
      (handled) => handled !== null,
    );
    expect((await lotNow(lot.id)).version).toBe(3);
  });

  it('releases the held lots of an acquitted case for clearance', async () => {
    const lot = await registered(t.app, { caseId: 'case-acquitted' });
    await walked(t.app, lot.id, [{ to: 'held' }]);
    producer.publish(verdictEvent('case-acquitted', 'acquitted', false));
    const released = await eventually(
      () => lotNow(lot.id),
      (current) => current.status === 'pending_clearance',
    );
    expect(released.status).toBe('pending_clearance');
  });

  it('applies a verdict that arrived before the lot when the lot is registered and warehoused', async () => {
    producer.publish(verdictEvent('case-early', 'convicted', true));
    const verdicts = t.db.collection('case_verdicts');
    await eventually(
      () => verdicts.findOne({ _id: 'case-early' as never }),
      (found) => found !== null,
    );
    const lot = await registered(t.app, { caseId: 'case-early' });
    expect(lot.caseVerdict).toMatchObject({ goodsConfiscated: true });
    const held = await walked(t.app, lot.id, [{ to: 'held' }]);
    expect(held.status).toBe('confiscated');
  });
});
