import { JsonObject, jsonText, treeOf } from './json-text.ts';
import type { HostileRequest } from './types.ts';
import { deeplyNestedObject, MALFORMED_JSON, MONGO_OPERATOR_VALUES, WRONG_CONTENT_TYPES } from './values.ts';

/** One deterministic hostile request and the status (or statuses) it must be refused with. */
export interface RefusalCase {
  label: string;
  request: HostileRequest;
  statuses: readonly number[];
}

/**
 * The body attacks every JSON route must refuse the same way, around a valid body: oversized (413),
 * wrong content types (415), malformed JSON and invalid UTF-8 (400), prototype-polluting keys (400),
 * MongoDB operators in place of each top-level field (400), deep nesting (400).
 */
export function bodyRefusalCases(
  target: { method: string; url: string; headers: Record<string, string> },
  validBody: unknown,
  bodyLimitBytes: number,
): RefusalCase[] {
  const json = { ...target.headers, 'content-type': 'application/json' };
  const valid = treeOf(validBody);
  const members = valid instanceof JsonObject ? valid.members : [];
  const cases: RefusalCase[] = [
    {
      label: `a body over the limit (${bodyLimitBytes + 1} bytes)`,
      request: { ...target, headers: json, payload: `{"a":"${'x'.repeat(bodyLimitBytes)}"}` },
      statuses: [413],
    },
    // 415 where no parser takes the type; Fastify's built-in text/plain parser hands over a string
    // that then fails validation (400).
    // A JSON type with a lying charset is read as UTF-8 by Fastify, so it is no refusal case.
    ...WRONG_CONTENT_TYPES.filter((type) => !type.startsWith('application/json;')).map((type) => ({
      label: `content type ${type}`,
      request: { ...target, headers: { ...target.headers, 'content-type': type }, payload: jsonText(valid) },
      statuses: [400, 415],
    })),
    ...MALFORMED_JSON.map((text) => ({
      label: `malformed JSON ${JSON.stringify(text)}`,
      request: { ...target, headers: json, payload: text },
      statuses: [400],
    })),
    {
      label: 'invalid UTF-8 in a string',
      request: {
        ...target,
        headers: json,
        payload: Buffer.concat([
          Buffer.from(jsonText(valid).replace(/}$/, ',"x":"')),
          Buffer.from([0xff, 0xc0]),
          Buffer.from('"}'),
        ]),
      },
      statuses: [400],
    },
    {
      label: 'a __proto__ member',
      request: {
        ...target,
        headers: json,
        payload: jsonText(new JsonObject([...members, ['__proto__', new JsonObject([['polluted', true]])]])),
      },
      statuses: [400],
    },
    {
      label: 'a constructor.prototype member',
      request: {
        ...target,
        headers: json,
        payload: jsonText(
          new JsonObject([
            ...members,
            ['constructor', new JsonObject([['prototype', new JsonObject([['polluted', true]])]])],
          ]),
        ),
      },
      statuses: [400],
    },
    {
      label: 'nesting 10000 deep',
      request: { ...target, headers: json, payload: deeplyNestedObject(10_000) },
      statuses: [400],
    },
  ];
  for (const [name] of members) {
    for (const operator of MONGO_OPERATOR_VALUES.slice(0, 4)) {
      cases.push({
        label: `${name} = ${JSON.stringify(operator)}`,
        request: {
          ...target,
          headers: json,
          payload: jsonText(
            new JsonObject(
              members.map(([key, value]) => [key, key === name ? treeOf(operator) : value] as const),
            ),
          ),
        },
        statuses: [400],
      });
    }
  }
  return cases;
}

/** Fields a client must never set itself: ids, versions, states, timestamps, ownership. */
export const PRIVILEGED_FIELDS: Readonly<Record<string, unknown>> = {
  _id: 'forged-id',
  id: 'forged-id',
  version: 999,
  state: 'closed',
  status: 'closed',
  createdAt: '2000-01-01T00:00:00.000Z',
  updatedAt: '2000-01-01T00:00:00.000Z',
  registeredAt: '2000-01-01T00:00:00.000Z',
  agency: 'inspection',
  createdBy: 'forged-key',
  outbox: [],
  seq: 999,
};

/** The valid body with one privileged field added, for each field. */
export function massAssignmentBodies(
  validBody: Record<string, unknown>,
): { field: string; body: Record<string, unknown> }[] {
  return Object.entries(PRIVILEGED_FIELDS)
    .filter(([field]) => !(field in validBody))
    .map(([field, value]) => ({ field, body: { ...validBody, [field]: value } }));
}
