import type { Document } from 'bson';
import { query } from '../aggregate/expression-context.ts';
import { cloneValue, fromView, isPlainObject, toView } from '../bson/values.ts';
import { CommandError } from '../errors.ts';

export type Projector = (doc: Document, view: Document) => Document;

type Tree = Map<string, Tree | true>;

function truthy(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (v !== null && typeof v === 'object' && ('_bsontype' in v || v instanceof Number)) {
    const n = Number((v as { valueOf(): unknown }).valueOf());
    return Number.isNaN(n) ? undefined : n !== 0;
  }
  return undefined;
}

function addPath(tree: Tree, path: string): void {
  const parts = path.split('.');
  let t = tree;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i] as string;
    if (i === parts.length - 1) {
      t.set(p, true);
      return;
    }
    const next = t.get(p);
    if (next === true) return;
    const sub: Tree = next ?? new Map();
    t.set(p, sub);
    t = sub;
  }
}

function include(src: Document, tree: Tree): Document {
  const out: Document = {};
  for (const k of Object.keys(src)) {
    const t = tree.get(k);
    if (t === undefined) continue;
    const v = src[k];
    if (t === true) out[k] = cloneValue(v);
    else if (isPlainObject(v)) out[k] = include(v, t);
    else if (Array.isArray(v)) out[k] = includeArray(v, t);
  }
  return out;
}

function includeArray(arr: unknown[], tree: Tree): unknown[] {
  const out: unknown[] = [];
  for (const el of arr) {
    if (isPlainObject(el)) out.push(include(el, tree));
    else if (Array.isArray(el)) out.push(includeArray(el, tree));
  }
  return out;
}

function exclude(src: Document, tree: Tree): Document {
  const out: Document = {};
  for (const k of Object.keys(src)) {
    const t = tree.get(k);
    const v = src[k];
    if (t === true) continue;
    if (t === undefined) out[k] = cloneValue(v);
    else if (isPlainObject(v)) out[k] = exclude(v, t);
    else if (Array.isArray(v)) out[k] = v.map((el) => (isPlainObject(el) ? exclude(el, t) : cloneValue(el)));
    else out[k] = cloneValue(v);
  }
  return out;
}

/** A projection with operators, evaluated by mingo on the document's view. */
function operatorProjection(projection: Document): Projector {
  const viewProj = toView(projection) as Document;
  const q = query({});
  return (_doc, view) => {
    const res = q.find<Document>([view], viewProj).all()[0] ?? {};
    return fromView(res) as Document;
  };
}

/** Top-level field operators applied over the whole document: the other fields stay as they are. */
function fieldOperators(projection: Document): Projector {
  const fields = Object.keys(projection);
  const operators = operatorProjection({ ...projection, _id: 1 });
  return (doc, view) => {
    const projected = operators(doc, view);
    const out: Document = { ...doc };
    for (const field of fields) {
      // A field the operator drops ($elemMatch without a match) is omitted, as mongod does.
      if (field in projected) out[field] = projected[field];
      else delete out[field];
    }
    return out;
  };
}

/**
 * Compiles a find projection. Plain inclusion/exclusion runs on the typed document; projections
 * with operators ($slice, $elemMatch, expressions) are evaluated by mingo on the view.
 */
export function compileProjection(projection: Document | undefined): Projector | undefined {
  if (!projection || Object.keys(projection).length === 0) return undefined;
  const entries = Object.entries(projection);
  const isPlain = ([k, v]: [string, unknown]) =>
    truthy(v) !== undefined && !k.startsWith('$') && !k.endsWith('.$');
  const plain = entries.filter(isPlain);
  if (plain.length < entries.length) {
    const operatorEntries = entries.filter((entry) => !isPlain(entry));
    // Operators on top-level fields ($slice, $elemMatch) alone or beside exclusions keep every other
    // field, as in mongod; beside inclusions (or on dotted paths) mingo's inclusion semantics apply.
    const topLevel = operatorEntries.every(([k]) => !k.includes('.') && !k.startsWith('$'));
    if (topLevel && plain.every(([, v]) => truthy(v) === false)) {
      const operators = fieldOperators(Object.fromEntries(operatorEntries));
      if (plain.length === 0) return operators;
      const exclusions = compileProjection(Object.fromEntries(plain)) as Projector;
      return (doc, view) => {
        const projected = operators(doc, view);
        return exclusions(projected, projected);
      };
    }
    return operatorProjection(projection);
  }
  let idIncluded = true;
  const inc: Tree = new Map();
  const exc: Tree = new Map();
  for (const [k, v] of entries) {
    const on = truthy(v) === true;
    if (k === '_id') {
      idIncluded = on;
      continue;
    }
    addPath(on ? inc : exc, k);
  }
  if (inc.size > 0 && exc.size > 0) {
    const [field] = [...exc.keys()];
    throw new CommandError(31254, `Cannot do exclusion on field ${String(field)} in inclusion projection`);
  }
  if (inc.size > 0) {
    if (idIncluded) inc.set('_id', true);
    return (doc) => include(doc, inc);
  }
  if (!idIncluded) exc.set('_id', true);
  return (doc) => exclude(doc, exc);
}
