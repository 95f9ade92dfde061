/**
 * Hostile values known to break services: MongoDB query operators, prototype-pollution keys, strings
 * that confuse parsers and displays. Plain data, so the arbitraries and the explicit tests share them.
 */

/** Objects a naive `find(request.body)` or `{ field: request.query.x }` would run as operators. */
export const MONGO_OPERATOR_VALUES: readonly unknown[] = [
  { $gt: '' },
  { $ne: null },
  { $ne: 1 },
  { $where: 'sleep(1000)' },
  { $where: 'function () { while (true) {} }' },
  { $regex: '.*' },
  { $regex: '^(a+)+$', $options: 'i' },
  { $in: [] },
  { $nin: [null] },
  { $exists: true },
  { $expr: { $eq: [1, 1] } },
  { $function: { body: 'function () { return true }', args: [], lang: 'js' } },
  { $set: { version: 999 } },
  { $or: [{}] },
];

/** Keys that pollute prototypes or become operators, dotted paths or empty names in a document. */
export const HOSTILE_KEYS: readonly string[] = [
  '__proto__',
  'constructor',
  'prototype',
  '$where',
  '$gt',
  '$set',
  '_id',
  'a.b',
  '$',
  '',
  ' ',
  'toString',
  'hasOwnProperty',
  'valueOf',
];

const ZERO_WIDTH = '\u200b\u200c\u200d\u2060\ufeff';
const RTL = '\u202e\u202b\u200f\u061c';

/** Strings that confuse parsers, logs, displays and comparisons. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '%00',
  '%',
  '%%',
  '%ZZ',
  '%C0%AF',
  '..',
  '../../../../etc/passwd',
  '..%2f..%2fetc%2fpasswd',
  '$gt',
  '{"$gt":""}',
  "'; db.dropDatabase(); '",
  '"; return true; //',
  '<script>alert(1)</script>',
  // Template injection, as text: `${7*7}`.
  ['$', '{7*7}'].join(''),
  '{{7*7}}',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '9007199254740993',
  '-9223372036854775809',
  '0x1f',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  `${RTL}مورد${ZERO_WIDTH}case`,
  `قاچاق${ZERO_WIDTH}کالا`,
  'Привет مرحبا 你好 שלום',
  'ي ك ی ک ۰۱۲ ٠١٢',
  `\u202eexe.txt`,
  ZERO_WIDTH,
  RTL,
  '\ud800',
  '\udfff\ud800',
  '🏳️‍🌈👨‍👩‍👧‍👦',
  'Z̸̡̛̖͈͎̞̹̞̋͌͂̊̈́a̷̢̧̛̗͙͓̞̤͍̓̆̋̓̐͠l̵̨̼͍̫̮̤̰̪̏͒̉͗͑g̶̢͖͙̯̫̬̈́̀̉̔͒̒͜o̶̭͓̦̼̙͋̀̀͐͘',
  '\r\nX-Injected: 1',
  '\t\v\f\b',
  'a'.repeat(10_000),
];

/** Bytes that are not UTF-8: lone continuation bytes, overlong forms, surrogates, truncated sequences. */
export const INVALID_UTF8: readonly Buffer[] = [
  Buffer.from([0xff, 0xfe, 0xfd]),
  Buffer.from([0x80]),
  Buffer.from([0xc0, 0xaf]),
  Buffer.from([0xed, 0xa0, 0x80]),
  Buffer.from([0xe2, 0x82]),
  Buffer.from([0xf4, 0x90, 0x80, 0x80]),
];

/** JSON bodies that no parser should accept. */
export const MALFORMED_JSON: readonly string[] = [
  '{',
  '}',
  '{"a":',
  '{a:1}',
  "{'a':1}",
  '{"a":1,}',
  '[1,2,]',
  '{"a":1}{"b":2}',
  '{"a":NaN}',
  '{"a":Infinity}',
  '{"a":undefined}',
  '{"a":01}',
  '{"a":"\\x41"}',
  '{"a":"\u0001"}',
  '/* comment */ {}',
  ' ',
  'nul',
];

/** Content types a JSON API must refuse (or treat as malformed), including lying charsets. */
export const WRONG_CONTENT_TYPES: readonly string[] = [
  'text/plain',
  'text/html',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----x',
  'application/octet-stream',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/jsonp',
  'application/json-patch+json',
  'image/png',
  'json',
  '*/*',
  ';;;',
];

/** `{"a":{"a":...}}` nested `depth` times, as text. */
export function deeplyNestedObject(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** `[[[...]]]` nested `depth` times, as text. */
export function deeplyNestedArray(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}
