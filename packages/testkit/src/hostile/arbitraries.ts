import fc from 'fast-check';
import {
  addMemberAt,
  JsonLiteral,
  JsonObject,
  type JsonTree,
  jsonText,
  pathsOf,
  replaceAt,
  treeOf,
} from './json-text.ts';
import { fillParams, paramNames } from './routes.ts';
import type { HostileRequest, RouteRef } from './types.ts';
import {
  deeplyNestedArray,
  deeplyNestedObject,
  HOSTILE_KEYS,
  HOSTILE_STRINGS,
  INVALID_UTF8,
  MALFORMED_JSON,
  MONGO_OPERATOR_VALUES,
  WRONG_CONTENT_TYPES,
} from './values.ts';

/** Percent-encodes what can be encoded; a lone surrogate, which cannot, goes out as its raw UTF-8 bytes. */
export function encodeSegment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...Buffer.from(value, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
  }
}

/** How a header value arrives off the wire: bytes read as latin1, without line breaks. */
export function headerSafe(value: string): string {
  return Buffer.from(value, 'utf8')
    .toString('latin1')
    .replace(/[\r\n]/g, ' ');
}

const numberLiterals = fc.constantFrom(
  new JsonLiteral('1e999'),
  new JsonLiteral('-1e999'),
  new JsonLiteral('-0'),
  new JsonLiteral('1e-400'),
  new JsonLiteral('123456789012345678901234567890'),
  new JsonLiteral('9007199254740993'),
);

/** A hostile string: a known troublemaker, a random grapheme string, or a long one. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 200_000 }).map((n) => 'ب'.repeat(n)) },
);

const operatorTree: fc.Arbitrary<JsonTree> = fc.constantFrom(...MONGO_OPERATOR_VALUES).map(treeOf);

const hostileKey: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_KEYS) },
  { weight: 1, arbitrary: hostileString },
);

/** Any hostile JSON value: wrong types, operators, polluting keys, huge or deep containers. */
export const hostileTree: fc.Arbitrary<JsonTree> = fc.letrec<{ tree: JsonTree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    {
      weight: 3,
      arbitrary: fc.oneof(fc.constant(null), fc.boolean(), fc.double(), fc.integer(), numberLiterals),
    },
    { weight: 3, arbitrary: hostileString },
    { weight: 3, arbitrary: operatorTree },
    {
      weight: 1,
      arbitrary: fc.array(tie('tree'), { maxLength: 4 }),
    },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.tuple(hostileKey, tie('tree')), { maxLength: 4 })
        .map((members) => new JsonObject(members)),
    },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 1_000, max: 50_000 })
        .map((n) => Array.from({ length: n }, (_, i) => i) as JsonTree),
    },
  ),
})).tree;

/** How a fuzzed request is built, from what the route's documentation and the test tell. */
export interface RouteInputs {
  route: RouteRef;
  /** Headers every request carries (a key that holds the route's scopes, so requests reach validation). */
  authHeaders: Record<string, string>;
  /** Query parameter and header names the route documents, targeted with hostile values. */
  queryNames: readonly string[];
  headerNames: readonly string[];
  /** Values that make the path resolve (existing ids), mixed with hostile ones. */
  validParams?: Readonly<Record<string, string>>;
  /** A valid body for the route, mutated one place at a time. */
  validBody?: unknown;
  /** The app's body limit: an oversized body is this plus a little. */
  bodyLimitBytes: number;
}

const rawParamSegments = [
  '%',
  '%ZZ',
  '%C0%AF',
  '%FF%FE',
  '%00',
  '..',
  '.',
  '%2e%2e',
  '%2F',
  '%E2%80%AE',
  '%ED%A0%80',
];

function paramArbitrary(valid: string | undefined): fc.Arbitrary<string> {
  const hostile = fc.oneof(
    { weight: 3, arbitrary: hostileString.map(encodeSegment) },
    { weight: 2, arbitrary: fc.constantFrom(...rawParamSegments) },
    { weight: 1, arbitrary: operatorTree.map((tree) => encodeSegment(jsonText(tree))) },
  );
  return valid === undefined
    ? hostile
    : fc.oneof({ weight: 2, arbitrary: fc.constant(valid) }, { weight: 3, arbitrary: hostile });
}

const queryValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: hostileString.map(encodeSegment) },
  { weight: 1, arbitrary: fc.constantFrom('%', '%ZZ', '%FF', '%C0%AF', '&', '=', '%26%3D') },
  { weight: 1, arbitrary: operatorTree.map((tree) => encodeSegment(jsonText(tree))) },
  { weight: 1, arbitrary: fc.constantFrom('-1', '0', '1e309', '999999999999', '1.5', '0x10', ' 1', '') },
);

function queryArbitrary(names: readonly string[]): fc.Arbitrary<string> {
  const name =
    names.length > 0 ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...names) }, hostileKey) : hostileKey;
  const pair = fc.oneof(
    {
      weight: 4,
      arbitrary: fc.tuple(name, queryValue).map(([key, value]) => `${encodeSegment(key)}=${value}`),
    },
    // qs-style operators and arrays: `limit[$gt]=`, `state[]=a`, `a.$ne=1`.
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          name,
          fc.constantFrom('[$gt]', '[$ne]', '[$where]', '[]', '[__proto__]', '.$ne', '[0]'),
          queryValue,
        )
        .map(([key, suffix, value]) => `${encodeSegment(key)}${suffix}=${value}`),
    },
    // The same name twice: an array where a string is expected.
    {
      weight: 1,
      arbitrary: fc.tuple(name, queryValue, queryValue).map(([key, a, b]) => `${key}=${a}&${key}=${b}`),
    },
  );
  return fc.oneof(
    { weight: 6, arbitrary: fc.array(pair, { maxLength: 5 }).map((pairs) => pairs.join('&')) },
    { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 20_000 }).map((n) => `q=${'x'.repeat(n)}`) },
    { weight: 1, arbitrary: fc.constantFrom('&&&', '=', '==&=', '%', 'a=%', '?', '#frag') },
  );
}

const COMMON_HEADERS = [
  'if-match',
  'idempotency-key',
  'last-event-id',
  'x-correlation-id',
  'x-request-id',
  'traceparent',
  'accept',
  'accept-language',
  'accept-encoding',
  'authorization',
];

function headersArbitrary(names: readonly string[]): fc.Arbitrary<Record<string, string>> {
  const all = [...new Set([...names.map((n) => n.toLowerCase()), ...COMMON_HEADERS])];
  const value = fc.oneof(
    { weight: 3, arbitrary: hostileString },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '"1"',
        'W/"1"',
        '*',
        '"-1"',
        '"1e309"',
        '"0"',
        'Bearer ',
        'Bearer x',
        'Basic Zm9vOmJhcg==',
      ),
    },
    { weight: 1, arbitrary: operatorTree.map(jsonText) },
  );
  return fc
    .array(fc.tuple(fc.constantFrom(...all), value.map(headerSafe)), { maxLength: 3 })
    .map((pairs) => Object.fromEntries(pairs));
}

interface BodyChoice {
  payload: string | Buffer;
  contentType: string | undefined;
}

function jsonBody(text: string | Buffer): BodyChoice {
  return { payload: text, contentType: 'application/json' };
}

function bodyArbitrary(inputs: RouteInputs): fc.Arbitrary<BodyChoice | undefined> {
  const valid = inputs.validBody === undefined ? undefined : treeOf(inputs.validBody);
  const choices: fc.WeightedArbitrary<BodyChoice | undefined>[] = [
    { weight: 4, arbitrary: hostileTree.map((tree) => jsonBody(jsonText(tree))) },
    { weight: 1, arbitrary: fc.constantFrom(...MALFORMED_JSON).map(jsonBody) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(...INVALID_UTF8)
        .map((bytes) => jsonBody(Buffer.concat([Buffer.from('{"text":"'), bytes, Buffer.from('"}')]))),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...WRONG_CONTENT_TYPES), fc.constantFrom('{"a":1}', 'a=1&b=2', '<a/>', ''))
        .map(([contentType, payload]) => ({ payload, contentType })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.integer({ min: 500, max: 20_000 }), fc.boolean())
        .map(([depth, object]) => jsonBody(object ? deeplyNestedObject(depth) : deeplyNestedArray(depth))),
    },
    {
      weight: 1,
      arbitrary: fc.constant(undefined).map(() => jsonBody(`{"a":"${'x'.repeat(inputs.bodyLimitBytes)}"}`)),
    },
    { weight: 1, arbitrary: fc.constant(undefined) },
  ];
  if (valid !== undefined) {
    const paths = pathsOf(valid);
    choices.push(
      {
        weight: 6,
        arbitrary: fc
          .tuple(fc.constantFrom(...paths), hostileTree)
          .map(([path, value]) => jsonBody(jsonText(replaceAt(valid, path, value)))),
      },
      {
        weight: 3,
        arbitrary: fc
          .tuple(fc.constantFrom(...paths), hostileKey, hostileTree)
          .map(([path, key, value]) => jsonBody(jsonText(addMemberAt(valid, path, key, value)))),
      },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.constantFrom(...WRONG_CONTENT_TYPES))
          .map(([contentType]) => ({ payload: jsonText(valid), contentType })),
      },
      {
        weight: 1,
        arbitrary: fc.constantFrom(...INVALID_UTF8).map((bytes) => {
          const text = jsonText(valid);
          const at = text.indexOf('":"');
          return jsonBody(
            at < 0
              ? Buffer.concat([Buffer.from(text), bytes])
              : Buffer.concat([Buffer.from(text.slice(0, at + 3)), bytes, Buffer.from(text.slice(at + 3))]),
          );
        }),
      },
    );
  }
  return fc.oneof(...choices);
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Hostile requests to one route: its path parameters, query string, headers and body. */
export function hostileRequest(inputs: RouteInputs): fc.Arbitrary<HostileRequest> {
  const names = paramNames(inputs.route.url);
  const wildcard = inputs.route.url.endsWith('*') ? [paramArbitrary(undefined)] : [];
  const params = fc.tuple(...names.map((name) => paramArbitrary(inputs.validParams?.[name])), ...wildcard);
  const body = BODY_METHODS.has(inputs.route.method) ? bodyArbitrary(inputs) : fc.constant(undefined);
  return fc
    .record({
      params,
      query: fc.option(queryArbitrary(inputs.queryNames), { freq: 2 }),
      headers: headersArbitrary(inputs.headerNames),
      body,
    })
    .map(({ params: segments, query, headers, body: chosen }) => {
      const path = fillParams(inputs.route.url, segments);
      const all: Record<string, string> = { ...headers, ...inputs.authHeaders };
      // The key under test is sometimes hostile too; most requests keep it, so they reach validation.
      if (headers.authorization !== undefined && headers.authorization.length % 3 === 0) {
        all.authorization = headers.authorization;
      }
      if (chosen?.contentType !== undefined) all['content-type'] = chosen.contentType;
      return {
        method: inputs.route.method,
        url: query === null ? path : `${path}?${query}`,
        headers: all,
        ...(chosen === undefined ? {} : { payload: chosen.payload }),
      };
    });
}
