/**
 * Compares the JSON Schema of a released event version with the one the code would publish now.
 *
 * A released version has two kinds of readers: consumers still running the released schema (they must
 * accept everything a new producer sends) and upgraded consumers replaying old messages from queues,
 * dead-letter queues and stores (they must accept everything an old producer sent). So a released
 * schema may only gain optional properties or change annotations; any other change needs a new version.
 * Pure: JSON in, a list of findings out.
 */

export type BreakingChangeKind =
  | 'property_removed'
  | 'property_now_required'
  | 'required_property_added'
  | 'property_no_longer_required'
  | 'type_changed'
  | 'const_changed'
  | 'enum_value_removed'
  | 'enum_value_added'
  | 'constraint_tightened'
  | 'constraint_loosened'
  | 'constraint_changed'
  | 'alternatives_changed'
  | 'additional_properties_closed';

export interface BreakingChange {
  /** Where in the message, e.g. `payload.parties[].nationalId`. */
  path: string;
  kind: BreakingChangeKind;
  detail: string;
}

type Schema = { [key: string]: unknown };

// Keywords that document and never validate: free to change in a released version.
const ANNOTATIONS = new Set([
  '$schema',
  '$id',
  '$comment',
  'title',
  'description',
  'examples',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
  'definitions',
  '$defs',
]);

// Lower bounds: a larger value refuses more. Upper bounds: a smaller value refuses more.
const LOWER_BOUNDS = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties'];
const UPPER_BOUNDS = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties'];
const OPAQUE_CONSTRAINTS = ['pattern', 'format', 'multipleOf', 'uniqueItems'];
const ALTERNATIVES = ['anyOf', 'oneOf', 'allOf'];
const HANDLED = new Set([
  'type',
  'const',
  'enum',
  'properties',
  'required',
  'additionalProperties',
  'items',
  '$ref',
  ...LOWER_BOUNDS,
  ...UPPER_BOUNDS,
  ...OPAQUE_CONSTRAINTS,
  ...ALTERNATIVES,
]);

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function typesOf(schema: Schema): string[] | undefined {
  const type = schema.type;
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === 'string').sort();
  return undefined;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function joinPath(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/** Follows local `#/...` references, so schemas that share definitions compare by content. */
function resolve(root: Schema, schema: Schema): Schema {
  let current = schema;
  for (
    let depth = 0;
    depth < 32 && typeof current.$ref === 'string' && current.$ref.startsWith('#/');
    depth += 1
  ) {
    let target: unknown = root;
    for (const part of current.$ref.slice(2).split('/')) {
      const key = part.replaceAll('~1', '/').replaceAll('~0', '~');
      target = isSchema(target) ? target[key] : undefined;
    }
    if (!isSchema(target)) return current;
    current = target;
  }
  return current;
}

class Comparison {
  readonly changes: BreakingChange[] = [];
  private readonly releasedRoot: Schema;
  private readonly currentRoot: Schema;

  constructor(releasedRoot: Schema, currentRoot: Schema) {
    this.releasedRoot = releasedRoot;
    this.currentRoot = currentRoot;
  }

  private report(path: string, kind: BreakingChangeKind, detail: string): void {
    this.changes.push({ path: path || '(root)', kind, detail });
  }

  compare(releasedSchema: unknown, currentSchema: unknown, path: string): void {
    if (!isSchema(releasedSchema) || !isSchema(currentSchema)) {
      if (!sameJson(releasedSchema, currentSchema)) this.report(path, 'type_changed', 'schema replaced');
      return;
    }
    const released = resolve(this.releasedRoot, releasedSchema);
    const current = resolve(this.currentRoot, currentSchema);
    this.compareTypes(released, current, path);
    this.compareValues(released, current, path);
    this.compareBounds(released, current, path);
    this.compareObjects(released, current, path);
    if (isSchema(released.items) || isSchema(current.items))
      this.compare(released.items, current.items, `${path}[]`);
    this.compareAlternatives(released, current, path);
    this.compareUnhandled(released, current, path);
  }

  private compareTypes(released: Schema, current: Schema, path: string): void {
    const before = typesOf(released);
    const after = typesOf(current);
    if (!sameJson(before, after)) {
      this.report(path, 'type_changed', `type ${before?.join('|') ?? 'any'} -> ${after?.join('|') ?? 'any'}`);
    }
  }

  private compareValues(released: Schema, current: Schema, path: string): void {
    if (!sameJson(released.const, current.const)) {
      this.report(
        path,
        'const_changed',
        `const ${JSON.stringify(released.const)} -> ${JSON.stringify(current.const)}`,
      );
    }
    if (!Array.isArray(released.enum) && !Array.isArray(current.enum)) return;
    const before = Array.isArray(released.enum) ? released.enum.map((v) => JSON.stringify(v)) : undefined;
    const after = Array.isArray(current.enum) ? current.enum.map((v) => JSON.stringify(v)) : undefined;
    if (before === undefined || after === undefined) {
      this.report(path, 'constraint_changed', before === undefined ? 'enum added' : 'enum removed');
      return;
    }
    const removed = before.filter((value) => !after.includes(value));
    const added = after.filter((value) => !before.includes(value));
    if (removed.length > 0) {
      this.report(path, 'enum_value_removed', `values no longer accepted: ${removed.join(', ')}`);
    }
    if (added.length > 0) {
      this.report(path, 'enum_value_added', `values released consumers refuse: ${added.join(', ')}`);
    }
  }

  private compareBounds(released: Schema, current: Schema, path: string): void {
    for (const keyword of [...LOWER_BOUNDS, ...UPPER_BOUNDS]) {
      const before = released[keyword];
      const after = current[keyword];
      if (sameJson(before, after)) continue;
      const detail = `${keyword} ${JSON.stringify(before) ?? 'none'} -> ${JSON.stringify(after) ?? 'none'}`;
      if (typeof before !== 'number' || typeof after !== 'number') {
        this.report(path, before === undefined ? 'constraint_tightened' : 'constraint_loosened', detail);
        continue;
      }
      const tighter = LOWER_BOUNDS.includes(keyword) ? after > before : after < before;
      this.report(path, tighter ? 'constraint_tightened' : 'constraint_loosened', detail);
    }
    for (const keyword of OPAQUE_CONSTRAINTS) {
      const before = released[keyword];
      const after = current[keyword];
      if (sameJson(before, after)) continue;
      const detail = `${keyword} ${JSON.stringify(before) ?? 'none'} -> ${JSON.stringify(after) ?? 'none'}`;
      if (before === undefined) this.report(path, 'constraint_tightened', detail);
      else if (after === undefined) this.report(path, 'constraint_loosened', detail);
      else this.report(path, 'constraint_changed', detail);
    }
  }

  private compareObjects(released: Schema, current: Schema, path: string): void {
    const before = isSchema(released.properties) ? released.properties : {};
    const after = isSchema(current.properties) ? current.properties : {};
    const requiredBefore = stringList(released.required);
    const requiredAfter = stringList(current.required);
    for (const [name, schema] of Object.entries(before)) {
      const where = joinPath(path, name);
      if (!(name in after)) {
        this.report(where, 'property_removed', `${name} is no longer part of the message`);
        continue;
      }
      this.compare(schema, after[name], where);
      if (requiredBefore.includes(name) && !requiredAfter.includes(name)) {
        this.report(
          where,
          'property_no_longer_required',
          `${name} may now be missing; released consumers expect it`,
        );
      }
    }
    for (const name of requiredAfter) {
      if (requiredBefore.includes(name)) continue;
      this.report(
        joinPath(path, name),
        name in before ? 'property_now_required' : 'required_property_added',
        `${name} is now required; released messages without it would be refused`,
      );
    }
    this.compareAdditionalProperties(released.additionalProperties, current.additionalProperties, path);
  }

  private compareAdditionalProperties(before: unknown, after: unknown, path: string): void {
    const closedBefore = before === false;
    const closedAfter = after === false;
    if (!closedBefore && closedAfter) {
      this.report(path, 'additional_properties_closed', 'unknown properties are now refused');
    } else if (closedBefore && !closedAfter) {
      this.report(path, 'constraint_loosened', 'unknown properties are now allowed');
    } else if (isSchema(before) && isSchema(after)) {
      this.compare(before, after, `${path}{}`);
    }
  }

  private compareAlternatives(released: Schema, current: Schema, path: string): void {
    for (const keyword of ALTERNATIVES) {
      const before = released[keyword];
      const after = current[keyword];
      if (before === undefined && after === undefined) continue;
      if (!Array.isArray(before) || !Array.isArray(after) || before.length !== after.length) {
        const count = (list: unknown) => (Array.isArray(list) ? list.length : 0);
        this.report(
          path,
          'alternatives_changed',
          `${keyword} with ${count(before)} -> ${count(after)} alternatives`,
        );
        continue;
      }
      before.forEach((alternative, index) => {
        this.compare(alternative, after[index], `${path}<${keyword} ${index}>`);
      });
    }
  }

  // Validation keywords this module does not model: any change to them counts, to stay on the safe side.
  private compareUnhandled(released: Schema, current: Schema, path: string): void {
    const keywords = new Set([...Object.keys(released), ...Object.keys(current)]);
    for (const keyword of keywords) {
      if (HANDLED.has(keyword) || ANNOTATIONS.has(keyword) || keyword.startsWith('x-')) continue;
      if (!sameJson(released[keyword], current[keyword])) {
        this.report(path, 'constraint_changed', `${keyword} changed`);
      }
    }
  }
}

/** Every change from the released schema to the current one that would break a reader; empty when compatible. */
export function findBreakingChanges(released: Schema, current: Schema): BreakingChange[] {
  const comparison = new Comparison(released, current);
  comparison.compare(released, current, '');
  return comparison.changes;
}
