/**
 * JSON written as text by hand, so bodies can hold what `JSON.stringify` cannot: own `__proto__` keys,
 * duplicate keys, number literals past double precision, lone surrogates and raw bytes.
 */

/** An object as its list of members, in order and possibly repeated. */
export class JsonObject {
  readonly members: readonly (readonly [string, JsonTree])[];
  constructor(members: readonly (readonly [string, JsonTree])[]) {
    this.members = members;
  }
}

/** Text written into the document as it is (`1e999`, `-0`, a 25-digit integer). */
export class JsonLiteral {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

export type JsonTree = null | boolean | number | string | JsonLiteral | JsonObject | readonly JsonTree[];

/** A string literal escaping only what JSON requires, so lone surrogates travel as `\udXXX`. */
function stringLiteral(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    const char = value[i] ?? '';
    if (char === '"' || char === '\\') out += `\\${char}`;
    else if (code < 0x20 || (code >= 0xd800 && code <= 0xdfff))
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += char;
  }
  return `${out}"`;
}

export function jsonText(tree: JsonTree): string {
  if (tree === null) return 'null';
  if (typeof tree === 'boolean') return String(tree);
  if (typeof tree === 'number') return Number.isFinite(tree) ? String(tree) : 'null';
  if (typeof tree === 'string') return stringLiteral(tree);
  if (tree instanceof JsonLiteral) return tree.text;
  if (tree instanceof JsonObject) {
    return `{${tree.members.map(([key, value]) => `${stringLiteral(key)}:${jsonText(value)}`).join(',')}}`;
  }
  return `[${(tree as readonly JsonTree[]).map(jsonText).join(',')}]`;
}

/** A parsed JSON value as a tree (own keys in order), for mutating a valid example. */
export function treeOf(value: unknown): JsonTree {
  if (
    value === null ||
    typeof value === 'boolean' ||
    typeof value === 'number' ||
    typeof value === 'string'
  ) {
    return value;
  }
  if (Array.isArray(value)) return value.map(treeOf);
  if (typeof value === 'object') {
    return new JsonObject(
      Object.entries(value as object).map(([key, member]) => [key, treeOf(member)] as const),
    );
  }
  return null;
}

/** Where a value sits in a tree: object keys and array indexes. */
export type TreePath = readonly (string | number)[];

/** Every path in the tree, the root included. */
export function pathsOf(tree: JsonTree, prefix: TreePath = []): TreePath[] {
  const here: TreePath[] = [prefix];
  if (tree instanceof JsonObject) {
    return here.concat(...tree.members.map(([key, value]) => pathsOf(value, [...prefix, key])));
  }
  if (Array.isArray(tree)) {
    return here.concat(
      ...(tree as readonly JsonTree[]).map((value, index) => pathsOf(value, [...prefix, index])),
    );
  }
  return here;
}

/** The tree with the value at `path` replaced. */
export function replaceAt(tree: JsonTree, path: TreePath, value: JsonTree): JsonTree {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  if (tree instanceof JsonObject) {
    return new JsonObject(
      tree.members.map(
        ([key, member]) => [key, key === head ? replaceAt(member, rest, value) : member] as const,
      ),
    );
  }
  if (Array.isArray(tree)) {
    return (tree as readonly JsonTree[]).map((member, index) =>
      index === head ? replaceAt(member, rest, value) : member,
    );
  }
  return tree;
}

/** The tree with a member added to the object at `path` (or the root), or itself when that is no object. */
export function addMemberAt(tree: JsonTree, path: TreePath, key: string, value: JsonTree): JsonTree {
  const [head, ...rest] = path;
  if (tree instanceof JsonObject) {
    if (head === undefined) return new JsonObject([...tree.members, [key, value]]);
    return new JsonObject(
      tree.members.map(
        ([name, member]) => [name, name === head ? addMemberAt(member, rest, key, value) : member] as const,
      ),
    );
  }
  if (Array.isArray(tree) && head !== undefined) {
    return (tree as readonly JsonTree[]).map((member, index) =>
      index === head ? addMemberAt(member, rest, key, value) : member,
    );
  }
  return tree;
}
