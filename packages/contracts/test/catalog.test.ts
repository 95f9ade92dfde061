import { describe, expect, it } from 'vitest';
import {
  EVENTS_EXCHANGE,
  eventCatalog,
  findEventDefinition,
  parseEvent,
  routingKeyOf,
} from '../src/index.ts';
import { sampleEvent } from './samples.ts';

const entries = eventCatalog.map((entry) => [entry.routingKey, entry] as const);

describe('event catalog', () => {
  it('holds the twenty v1 events of the issue, each once', () => {
    const keys = eventCatalog.map((entry) => entry.routingKey);
    expect(keys).toHaveLength(20);
    expect(new Set(keys).size).toBe(keys.length);
    expect(eventCatalog.every((entry) => entry.version === 1)).toBe(true);
  });

  it('routes on <type>.v<version> to the enforcement.events exchange', () => {
    expect(routingKeyOf('case.registered', 1)).toBe('case.registered.v1');
    expect(EVENTS_EXCHANGE).toBe('enforcement.events');
    for (const entry of eventCatalog) expect(entry.routingKey).toBe(`${entry.type}.v${entry.version}`);
  });

  it('gives every event a one-line description', () => {
    for (const entry of eventCatalog) expect(entry.description).toMatch(/^[^\n]{10,120}$/);
  });

  it('finds an entry by type and version, and nothing for an unknown version', () => {
    expect(findEventDefinition('goods.transit_opened', 1)?.subjectKind).toBe('lot');
    expect(findEventDefinition('goods.transit_opened', 2)).toBeUndefined();
  });
});

describe.each(entries)('%s', (_routingKey, entry) => {
  it('accepts its valid sample', () => {
    const result = parseEvent(sampleEvent(entry));
    expect(result.ok ? result.event.type : result.error.message).toBe(entry.type);
  });

  it('reads its own canonical output again unchanged', () => {
    const first = parseEvent(sampleEvent(entry));
    if (!first.ok) throw new Error(first.error.message);
    const second = parseEvent(JSON.parse(JSON.stringify(first.event)));
    expect(second).toEqual(first);
  });

  it('ignores fields it does not know, in the envelope and the payload', () => {
    const raw = sampleEvent(entry);
    const payload = raw.payload as Record<string, unknown>;
    const result = parseEvent({ ...raw, traceparent: '00-abc', payload: { ...payload, addedInV1_1: 'x' } });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.event).not.toHaveProperty('traceparent');
    expect(result.event.payload).not.toHaveProperty('addedInV1_1');
  });

  it.each(Object.keys(entry.payload.shape))('refuses a payload without %s, naming the field', (field) => {
    const raw = sampleEvent(entry);
    const { [field]: _removed, ...payload } = raw.payload as Record<string, unknown>;
    const result = parseEvent({ ...raw, payload });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.reason).toBe('invalid_payload');
    expect(result.error.message).toContain(`payload.${field}:`);
  });

  it('refuses a subject of another kind as an envelope error', () => {
    const raw = sampleEvent(entry);
    const result = parseEvent({ ...raw, subject: { kind: 'somethingElse', id: 'x' } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.reason).toBe('invalid_envelope');
    expect(result.error.message).toContain('subject.kind');
  });
});
