import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type AnyEvent,
  EventContractError,
  type EventOf,
  type EventPayload,
  newEvent,
  parseEvent,
} from '../src/index.ts';
import { samplePayloads } from './samples.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newEvent', () => {
  it('fills id, occurredAt, subject kind and producer from the catalog', () => {
    const before = Date.now();
    const event = newEvent('goods.transit_opened', {
      version: 1,
      subjectId: 'lot-bik-2025-0917',
      correlationId: 'req-1',
      payload: samplePayloads['goods.transit_opened.v1'],
    });
    expect(event.id).toMatch(UUID);
    expect(Date.parse(event.occurredAt)).toBeGreaterThanOrEqual(before - 1);
    expect(event.occurredAt.endsWith('Z')).toBe(true);
    expect(event.subject).toEqual({ kind: 'lot', id: 'lot-bik-2025-0917' });
    expect(event.producer).toBe('customs-goods');
    expect(event.causationId).toBeNull();
  });

  it('gives every event its own id', () => {
    const draft = {
      version: 1,
      subjectId: 'case-1',
      correlationId: 'req-1',
      payload: samplePayloads['case.note_added.v1'],
    } as const;
    expect(newEvent('case.note_added', draft).id).not.toBe(newEvent('case.note_added', draft).id);
  });

  it('keeps a given id, time and causation (replays, tests)', () => {
    const event = newEvent('case.closed', {
      version: 1,
      id: '0f8fad5b-d9cb-469f-a165-70867728950e',
      occurredAt: new Date('2025-10-25T08:00:00Z'),
      subjectId: 'case-1',
      correlationId: 'req-1',
      causationId: 'evt-previous',
      payload: samplePayloads['case.closed.v1'],
    });
    expect(event).toMatchObject({
      id: '0f8fad5b-d9cb-469f-a165-70867728950e',
      occurredAt: '2025-10-25T08:00:00.000Z',
      causationId: 'evt-previous',
    });
  });

  it('produces the canonical form, which consumers read back equal', () => {
    const event = newEvent('case.registered', {
      version: 1,
      subjectId: 'case-1404-000123',
      correlationId: 'req-1',
      payload: samplePayloads['case.registered.v1'],
    });
    expect(event.payload.seizedItems[0]?.estimatedValueRials).toBe('1440000000');
    const read = parseEvent(JSON.parse(JSON.stringify(event)));
    expect(read).toEqual({ ok: true, event });
  });

  it('refuses a broken draft before it reaches the broker, naming the field', () => {
    const draft = {
      version: 1,
      subjectId: 'case-1',
      correlationId: 'req-1',
      payload: { ...samplePayloads['case.verdict_issued.v1'], fineRials: -5 },
    } as const;
    expect(() => newEvent('case.verdict_issued', draft)).toThrow(EventContractError);
    expect(() => newEvent('case.verdict_issued', draft)).toThrow(
      'invalid case.verdict_issued.v1 event: payload.fineRials: a rial amount must not be negative',
    );
  });

  it('types events and payloads by type', () => {
    expectTypeOf<EventPayload<'case.verdict_issued'>['outcome']>().toEqualTypeOf<
      'convicted' | 'acquitted' | 'dismissed'
    >();
    expectTypeOf<EventOf<'goods.status_changed', 1>['subject']['kind']>().toEqualTypeOf<'lot'>();
    expectTypeOf<EventPayload<'case.registered'>['totalEstimatedValueRials']>().toEqualTypeOf<string>();
    const narrow = (event: AnyEvent) => (event.type === 'case.closed' ? event.payload.reason : undefined);
    expectTypeOf(narrow).returns.toEqualTypeOf<EventPayload<'case.closed'>['reason'] | undefined>();
  });
});
