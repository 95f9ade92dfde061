import { describe, expect, it } from 'vitest';
import { caseRegisteredV1, type EventParseFailure, parseEvent } from '../src/index.ts';
import { sampleEvent } from './samples.ts';

const valid = sampleEvent(caseRegisteredV1);

function failure(raw: unknown): EventParseFailure {
  const result = parseEvent(raw);
  if (result.ok) throw new Error('expected the event to be refused');
  return result.error;
}

function payloadWith(changes: Record<string, unknown>): Record<string, unknown> {
  return { ...valid, payload: { ...(valid.payload as Record<string, unknown>), ...changes } };
}

describe('event envelope', () => {
  it('treats a missing causationId as the first event of a chain', () => {
    const { causationId: _none, ...raw } = valid;
    const result = parseEvent(raw);
    expect(result.ok && result.event.causationId).toBeNull();
  });

  it('keeps a causationId that names the causing event', () => {
    const result = parseEvent({ ...valid, causationId: '6a1f3f1e-1e0b-4f5e-9a43-2b7d4c1b9e10' });
    expect(result.ok && result.event.causationId).toBe('6a1f3f1e-1e0b-4f5e-9a43-2b7d4c1b9e10');
  });

  it.each([
    ['a non-object', 'a string', 'invalid event envelope: (root)'],
    [{ ...valid, id: 'not-a-uuid' }, 'id', 'id:'],
    [
      { ...valid, occurredAt: '2025-10-05T12:00:00+03:30' },
      'offset time',
      'occurredAt: expected an ISO-8601 UTC',
    ],
    [{ ...valid, occurredAt: 1759653000000 }, 'epoch millis', 'occurredAt:'],
    [{ ...valid, version: '1' }, 'version as text', 'version:'],
    [{ ...valid, version: 0 }, 'version 0', 'version:'],
    [{ ...valid, producer: 'Case Intake' }, 'producer', 'producer: a service name is kebab-case'],
    [{ ...valid, correlationId: '' }, 'empty correlationId', 'correlationId:'],
    [{ ...valid, type: 'CaseRegistered' }, 'type shape', 'type: an event type is'],
    [{ ...valid, subject: { kind: 'case' } }, 'subject without id', 'subject.id:'],
  ])('refuses an envelope with %s (%s)', (raw, _what, expected) => {
    const error = failure(raw);
    expect(error.reason).toBe('invalid_envelope');
    expect(error.message).toContain(expected);
  });

  it('reports every envelope problem at once', () => {
    const { id: _id, occurredAt: _at, ...raw } = valid;
    const error = failure(raw);
    expect(error.reason === 'invalid_envelope' && error.issues.map((issue) => issue.path)).toEqual([
      'id',
      'occurredAt',
    ]);
  });
});

describe('unknown events', () => {
  it('tells an unknown type apart from a broken message', () => {
    expect(failure({ ...valid, type: 'case.reopened' })).toMatchObject({
      reason: 'unknown_event',
      type: 'case.reopened',
      version: 1,
      knownType: false,
      message: 'unknown event type: case.reopened is not in the catalog',
    });
  });

  it('tells an unknown version of a known type apart from an unknown type', () => {
    expect(failure({ ...valid, version: 2 })).toMatchObject({
      reason: 'unknown_event',
      knownType: true,
      message: 'unknown event version: case.registered has no version 2 in the catalog',
    });
  });
});

describe('payload errors name the field', () => {
  it.each([
    [{ province: 'khuzistan' }, 'payload.province: Invalid option'],
    [{ category: 'weapons' }, 'payload.category:'],
    [{ totalEstimatedValueRials: 12.5 }, 'payload.totalEstimatedValueRials: a rial amount is whole rials'],
    [
      { totalEstimatedValueRials: '1e12' },
      'payload.totalEstimatedValueRials: a rial amount must be written in full digits',
    ],
    [{ registeredAt: '2025-09-21' }, 'payload.registeredAt:'],
    [
      { parties: [{ kind: 'person', role: 'suspect', fullName: 'x', nationalId: '0499370898' }] },
      'payload.parties.0.nationalId: the national ID check digit does not match',
    ],
    [{ parties: [{ kind: 'robot', role: 'suspect' }] }, 'payload.parties.0.kind:'],
    [
      {
        seizedItems: [
          {
            kind: 'goods',
            description: 'x',
            hsCode: '27',
            quantity: { amount: 1, unit: 'kg' },
            estimatedValueRials: 1,
          },
        ],
      },
      'payload.seizedItems.0.hsCode: an HS code is 6 to 10 digits',
    ],
    [
      { seizedItems: [{ kind: 'currency', currencyCode: 'US', amount: '1', estimatedValueRials: 1 }] },
      'payload.seizedItems.0.currencyCode: a currency code is three letters',
    ],
  ])('refuses %j with "%s"', (changes, expected) => {
    const error = failure(payloadWith(changes));
    expect(error.reason).toBe('invalid_payload');
    expect(error.message).toContain(expected);
    expect(error.message.startsWith('invalid case.registered.v1 event: ')).toBe(true);
  });

  it('normalizes identifiers and keeps written text as written', () => {
    const result = parseEvent(valid);
    if (!result.ok || result.event.type !== 'case.registered') throw new Error('expected case.registered');
    const { payload } = result.event;
    expect(payload.discoveryReference).toBe('1404/ک/551');
    expect(payload.parties[0]).toMatchObject({ fullName: 'علي رضايي', nationalId: '0499370899' });
    expect(payload.seizedItems[0]).toMatchObject({ hsCode: '271019', estimatedValueRials: '1440000000' });
    expect(payload.seizedItems[1]).toMatchObject({
      currencyCode: 'USD',
      estimatedValueRials: '1500000000000',
    });
  });
});
