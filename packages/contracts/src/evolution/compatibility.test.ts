import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type BreakingChangeKind, findBreakingChanges } from './compatibility.ts';

type Schema = { [key: string]: unknown };

const released: Schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  properties: {
    caseId: { type: 'string', minLength: 1, maxLength: 64 },
    category: { type: 'string', enum: ['goods', 'currency', 'fuel'] },
    fineRials: { type: 'string', pattern: '^(0|[1-9][0-9]*)$' },
    note: { type: 'string' },
    count: { type: 'integer', minimum: 0 },
    items: {
      type: 'array',
      items: { type: 'object', properties: { hsCode: { type: 'string' } }, required: ['hsCode'] },
    },
    party: {
      oneOf: [
        { type: 'object', properties: { kind: { const: 'person' } }, required: ['kind'] },
        { type: 'object', properties: { kind: { const: 'company' } }, required: ['kind'] },
      ],
    },
  },
  required: ['caseId', 'category', 'fineRials', 'count', 'items', 'party'],
};

/** The released schema with one change applied at `payload` level. */
function changed(
  mutate: (schema: Schema & { properties: Record<string, Schema>; required: string[] }) => void,
): Schema {
  const copy = structuredClone(released) as Schema & {
    properties: Record<string, Schema>;
    required: string[];
  };
  mutate(copy);
  return copy;
}

/** The sub-schema at a path of keys (and array indexes), failing the test when it is not there. */
function at(schema: Schema, ...keys: (string | number)[]): Schema {
  let current: unknown = schema;
  for (const key of keys) {
    current = (current as Record<string | number, unknown> | undefined)?.[key];
  }
  if (typeof current !== 'object' || current === null) throw new Error(`no schema at ${keys.join('.')}`);
  return current as Schema;
}

function kinds(current: Schema): [string, BreakingChangeKind][] {
  return findBreakingChanges(released, current).map((change) => [change.path, change.kind]);
}

describe('findBreakingChanges', () => {
  it('finds nothing when the schema is unchanged', () => {
    expect(findBreakingChanges(released, structuredClone(released))).toEqual([]);
  });

  it('allows a new optional property', () => {
    expect(kinds(changed((s) => (s.properties.province = { type: 'string' })))).toEqual([]);
  });

  it('allows a new optional property deep inside an array item', () => {
    const current = changed((s) => {
      at(s, 'properties', 'items', 'items', 'properties').origin = { type: 'string' };
    });
    expect(kinds(current)).toEqual([]);
  });

  it('allows changed descriptions, titles, examples and x- annotations', () => {
    const current = changed((s) => {
      s.description = 'now documented';
      s.$comment = 'regenerated';
      s.properties.caseId = {
        ...s.properties.caseId,
        description: 'the case',
        examples: ['c-1'],
        'x-owner': 'intake',
      };
    });
    expect(kinds(current)).toEqual([]);
  });

  it('catches a removed property', () => {
    expect(kinds(changed((s) => delete s.properties.note))).toEqual([['note', 'property_removed']]);
  });

  it('catches a removed required property', () => {
    const current = changed((s) => {
      delete s.properties.caseId;
      s.required = s.required.filter((name) => name !== 'caseId');
    });
    expect(kinds(current)).toEqual([['caseId', 'property_removed']]);
  });

  it('catches an optional property that became required', () => {
    expect(kinds(changed((s) => s.required.push('note')))).toEqual([['note', 'property_now_required']]);
  });

  it('catches a new required property', () => {
    const current = changed((s) => {
      s.properties.province = { type: 'string' };
      s.required.push('province');
    });
    expect(kinds(current)).toEqual([['province', 'required_property_added']]);
  });

  it('catches a required property that may now be missing', () => {
    const current = changed((s) => {
      s.required = s.required.filter((name) => name !== 'count');
    });
    expect(kinds(current)).toEqual([['count', 'property_no_longer_required']]);
  });

  it('catches a changed type', () => {
    expect(kinds(changed((s) => (s.properties.fineRials = { type: 'integer' })))).toEqual([
      ['fineRials', 'type_changed'],
      ['fineRials', 'constraint_loosened'],
    ]);
    expect(kinds(changed((s) => (s.properties.count = { type: 'number', minimum: 0 })))).toEqual([
      ['count', 'type_changed'],
    ]);
  });

  it('catches a property that became nullable (released consumers refuse null)', () => {
    const nullable = changed((s) => (s.properties.note = { type: ['string', 'null'] }));
    expect(kinds(nullable)).toEqual([['note', 'type_changed']]);
  });

  it('catches a narrowed enum', () => {
    const current = changed((s) => (s.properties.category = { type: 'string', enum: ['goods', 'fuel'] }));
    expect(kinds(current)).toEqual([['category', 'enum_value_removed']]);
  });

  it('catches a widened enum, which released consumers refuse', () => {
    const current = changed(
      (s) => (s.properties.category = { type: 'string', enum: ['goods', 'currency', 'fuel', 'weapons'] }),
    );
    expect(kinds(current)).toEqual([['category', 'enum_value_added']]);
  });

  it.each([
    ['a lower maximum', { type: 'string', minLength: 1, maxLength: 32 }],
    ['a higher minimum', { type: 'string', minLength: 2, maxLength: 64 }],
  ])('catches a tightened constraint: %s', (_what, caseId) => {
    expect(kinds(changed((s) => (s.properties.caseId = caseId)))).toEqual([
      ['caseId', 'constraint_tightened'],
    ]);
  });

  it('catches a new constraint on a free value', () => {
    const current = changed((s) => (s.properties.note = { type: 'string', maxLength: 500 }));
    expect(kinds(current)).toEqual([['note', 'constraint_tightened']]);
  });

  it('catches a loosened constraint, which released consumers still enforce', () => {
    const current = changed((s) => (s.properties.caseId = { type: 'string', minLength: 1, maxLength: 128 }));
    expect(kinds(current)).toEqual([['caseId', 'constraint_loosened']]);
  });

  it('catches a changed pattern', () => {
    const current = changed((s) => (s.properties.fineRials = { type: 'string', pattern: '^[0-9]+$' }));
    expect(kinds(current)).toEqual([['fineRials', 'constraint_changed']]);
  });

  it('catches changes inside array items', () => {
    const current = changed((s) => {
      at(s, 'properties', 'items', 'items', 'properties').hsCode = { type: 'integer' };
    });
    expect(kinds(current)).toEqual([['items[].hsCode', 'type_changed']]);
  });

  it('catches a removed or added alternative', () => {
    const fewer = changed((s) => ((at(s, 'properties', 'party').oneOf as unknown[]).length = 1));
    expect(kinds(fewer)).toEqual([['party', 'alternatives_changed']]);
  });

  it('catches a changed constant inside an alternative', () => {
    const current = changed((s) => {
      at(s, 'properties', 'party', 'oneOf', 0, 'properties').kind = { const: 'individual' };
    });
    expect(kinds(current)).toEqual([['party<oneOf 0>.kind', 'const_changed']]);
  });

  it('catches an object closed to unknown properties', () => {
    expect(kinds(changed((s) => (s.additionalProperties = false)))).toEqual([
      ['(root)', 'additional_properties_closed'],
    ]);
  });

  it('follows local references', () => {
    const withRef = (maxLength: number): Schema => ({
      type: 'object',
      properties: { caseId: { $ref: '#/definitions/CaseId' } },
      required: ['caseId'],
      definitions: { CaseId: { type: 'string', maxLength } },
    });
    expect(findBreakingChanges(withRef(64), withRef(64))).toEqual([]);
    expect(findBreakingChanges(withRef(64), withRef(32)).map((change) => change.kind)).toEqual([
      'constraint_tightened',
    ]);
  });

  it('judges schemas generated by Zod the same way', () => {
    const v1 = z.object({ caseId: z.string(), outcome: z.enum(['convicted', 'acquitted', 'dismissed']) });
    const additive = v1.extend({ appealed: z.boolean().optional() });
    const breaking = z.object({ caseId: z.string(), outcome: z.enum(['convicted', 'acquitted']) });
    const json = (schema: z.ZodType) => z.toJSONSchema(schema, { target: 'draft-07', io: 'input' }) as Schema;
    expect(findBreakingChanges(json(v1), json(additive))).toEqual([]);
    expect(findBreakingChanges(json(v1), json(breaking))).toEqual([
      { path: 'outcome', kind: 'enum_value_removed', detail: 'values no longer accepted: "dismissed"' },
    ]);
  });
});
