import { describe, expect, it } from 'vitest';
import { type AdminSchema, checkAdminSchema } from '../src/admin-schema.ts';

const body: AdminSchema = {
  type: 'object',
  properties: {
    ids: { type: 'array', items: { type: 'string', minLength: 1 }, maxItems: 2 },
    limit: { type: 'integer', minimum: 1, maximum: 10 },
  },
  required: ['limit'],
  additionalProperties: false,
};

describe('checkAdminSchema', () => {
  it('accepts a valid value as it is', () => {
    expect(checkAdminSchema(body, { ids: ['a'], limit: 3 })).toEqual({ value: { ids: ['a'], limit: 3 } });
  });

  it('names each failing field by its path and keyword', () => {
    const paths = (input: unknown) => {
      const result = checkAdminSchema(body, input);
      return 'issues' in result ? result.issues.map((i) => `${i.instancePath} ${i.keyword}`) : [];
    };
    expect(paths(null)).toEqual([' type']);
    expect(paths([])).toEqual([' type']);
    expect(paths({})).toEqual(['/limit required']);
    expect(paths({ limit: '3' })).toEqual(['/limit type']);
    expect(paths({ limit: 0 })).toEqual(['/limit minimum']);
    expect(paths({ limit: 11 })).toEqual(['/limit maximum']);
    expect(paths({ limit: 1, ids: ['a', 'b', 'c'] })).toEqual(['/ids maxItems']);
    expect(paths({ limit: 1, ids: ['a', ''] })).toEqual(['/ids/1 minLength']);
    expect(paths({ limit: 1, toString: 1, constructor: {} })).toEqual([
      '/toString additionalProperties',
      '/constructor additionalProperties',
    ]);
  });

  it('reads decimal integers from text only when asked (query strings and paths)', () => {
    const query: AdminSchema = { type: 'object', properties: { limit: { type: 'integer', maximum: 5 } } };
    expect(checkAdminSchema(query, { limit: '4' }, { coerce: true })).toEqual({ value: { limit: 4 } });
    for (const limit of ['1e1', '1.5', '0x1', ' 1', '', 'NaN', ['1']]) {
      expect(checkAdminSchema(query, { limit }, { coerce: true }), String(limit)).toHaveProperty('issues');
    }
    expect(checkAdminSchema(query, { limit: '99999999999999999999' }, { coerce: true })).toMatchObject({
      issues: [{ keyword: 'maximum' }],
    });
  });

  it('reports at most ten issues, without walking a huge value', () => {
    const many = Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, i]));
    const result = checkAdminSchema(body, { ...many, limit: 1 });
    expect('issues' in result && result.issues.length).toBe(10);
  });
});
