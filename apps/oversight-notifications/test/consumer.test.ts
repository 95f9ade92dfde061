import { connectProducer, type TestProducer } from '@enforcement/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolutionCreatedEvent } from '../src/events/resolution-events.ts';
import { eventually, startTestApp, type TestApp } from './support/app.ts';
import { caseClosed, caseRegistered, executionStarted, transitOpened } from './support/events.ts';
import { requests } from './support/resolutions.ts';

let t: TestApp;
let producer: TestProducer;

beforeAll(async () => {
  t = await startTestApp('consumer', {}, { retryDelaysMs: [200] });
  await t.startMessaging();
  producer = await connectProducer(t.scope.amqpUrl);
});

afterAll(async () => {
  await producer.close();
  await t.close();
});

const obligation = (ruleId: string, subjectKey: string) => () =>
  t.stores.obligations.find(ruleId, subjectKey);

describe('consuming the watched events from the real broker', () => {
  it('opens an obligation for a registered case', async () => {
    producer.publish(caseRegistered('cons-1', '2025-01-01T00:00:00.000Z'));
    const stored = await eventually(obligation('case_determination_sla', 'case:cons-1'), (o) => o !== null);
    expect(stored).toMatchObject({ state: 'open', dueAt: new Date('2025-04-01T00:00:00.000Z') });
  });

  it('leaves no open obligation when the close arrives before the registration', async () => {
    producer.publish(caseClosed('cons-2', '2025-02-01T00:00:00.000Z'));
    await eventually(
      () => t.db.collection<{ _id: string }>('subject_facts').findOne({ _id: 'case:cons-2' }),
      (facts) => facts !== null,
    );
    producer.publish(caseRegistered('cons-2', '2025-01-01T00:00:00.000Z'));
    const stored = await eventually(obligation('case_determination_sla', 'case:cons-2'), (o) => o !== null);
    expect(stored?.state).toBe('met');
  });

  it('handles an event delivered twice once', async () => {
    const event = transitOpened('cons-3', '2025-01-01T00:00:00.000Z');
    producer.publish(event);
    producer.publish(event);
    await eventually(obligation('transit_overdue', 'transit:cons-3'), (o) => o !== null);
    const handled = await eventually(
      () => t.db.collection('messaging_inbox').countDocuments({ eventId: event.id }),
      (count) => count > 0,
    );
    expect(handled).toBe(1);
    expect(await t.stores.obligations.collection.countDocuments({ subjectKey: 'transit:cons-3' })).toBe(1);
  });

  it('opens the unit rule for a case entering execution at a unit without officers', async () => {
    producer.publish(executionStarted('cons-4', 'unit-cons', '2025-01-01T00:00:00.000Z'));
    const stored = await eventually(
      obligation('unit_without_officers', 'execution_unit:unit-cons'),
      (o) => o !== null,
    );
    expect(stored).toMatchObject({ state: 'open', audiences: ['prosecutor:khuzestan', 'police:khuzestan'] });
  });

  it("re-watches a resolution from its own event when the route's obligation write was lost", async () => {
    const r = requests(t);
    const { meetingId } = await r.workgroupWithMeeting();
    const resolutionId = await r.resolution(meetingId, 'customs', '2025-02-01T00:00:00.000Z');
    const subjectKey = `resolution:${resolutionId}`;
    // As if the process died between the resolution's write and its obligation's.
    await t.stores.obligations.collection.deleteOne({ ruleId: 'resolution_overdue', subjectKey });
    const resolution = await t.stores.resolutions.findById(resolutionId);
    if (resolution === null) throw new Error('the resolution was not stored');
    producer.publish(resolutionCreatedEvent(resolution, { correlationId: 'lost-write', causationId: null }));
    const stored = await eventually(obligation('resolution_overdue', subjectKey), (o) => o !== null);
    expect(stored).toMatchObject({ state: 'open', responsibleAgency: 'customs', dueAt: resolution.dueAt });
  });
});
