import { type Document, Long, Timestamp } from 'bson';
import {
  bsonTypeName,
  cloneValue,
  formatValue,
  isNumeric,
  isPlainObject,
  numKind,
  toNumber,
} from '../bson/values.ts';
import { Codes, CommandError } from '../errors.ts';
import { bsonCompare } from '../query/compare.ts';
import { addNumbers, mulNumbers, zeroLike } from './arith.ts';
import { ArrayFilters } from './array-filters.ts';
import { addToSet, pullPredicate, push, sameValue } from './array-ops.ts';
import { getChild, resolveTargets, setChild, type UpdateContext } from './targets.ts';

export { ArrayFilters, type UpdateContext };

const OPERATORS = new Set([
  '$set',
  '$unset',
  '$inc',
  '$mul',
  '$min',
  '$max',
  '$rename',
  '$setOnInsert',
  '$currentDate',
  '$push',
  '$addToSet',
  '$pop',
  '$pull',
  '$pullAll',
  '$bit',
]);

/** Compiled `arrayFilters`: identifier -> element predicate, tracking which ones were used. */

function checkConflicts(paths: string[]): void {
  const norm = paths.map((p) => p.replace(/\.\$(\[[^\]]*\])?(?=\.|$)/g, ''));
  for (let i = 0; i < norm.length; i++) {
    for (let j = i + 1; j < norm.length; j++) {
      const a = norm[i] as string;
      const b = norm[j] as string;
      if (a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`)) {
        throw new CommandError(
          Codes.ConflictingUpdateOperators,
          `Updating the path '${paths[j]}' would create a conflict at '${a.length <= b.length ? a : b}'`,
        );
      }
    }
  }
}

export function isModifierUpdate(u: Document): boolean {
  const keys = Object.keys(u);
  const dollar = keys.filter((k) => k.startsWith('$'));
  if (dollar.length > 0 && dollar.length !== keys.length) {
    const plain = keys.find((k) => !k.startsWith('$'));
    throw new CommandError(
      Codes.DollarPrefixedFieldName,
      `Unknown modifier: ${String(plain)}. Expected a valid update modifier or pipeline-style update specified as an array`,
    );
  }
  return dollar.length > 0;
}

/** Applies update operators to a copy of `old`; never mutates it. */
export function applyModifiers(old: Document, update: Document, ctx: UpdateContext): Document {
  const doc = cloneValue(old);
  const all: string[] = [];
  for (const [op, arg] of Object.entries(update)) {
    if (!OPERATORS.has(op)) {
      throw new CommandError(
        Codes.FailedToParse,
        `Unknown modifier: ${op}. Expected a valid update modifier or pipeline-style update specified as an array`,
      );
    }
    if (!isPlainObject(arg)) {
      throw new CommandError(
        Codes.FailedToParse,
        `Modifiers operate on fields but we found type ${bsonTypeName(arg)} instead. For example: {$mod: {<field>: ...}} not {${op}: ${formatValue(arg)}}`,
      );
    }
    for (const [p, v] of Object.entries(arg)) {
      if (p === '') throw new CommandError(56, `An empty update path is not valid.`);
      all.push(p);
      if (op === '$rename') all.push(String(v));
    }
  }
  checkConflicts(all);
  for (const [op, arg] of Object.entries(update) as Array<[string, Document]>) {
    for (const [path, value] of Object.entries(arg)) applyOne(doc, old, op, path, value, ctx);
  }
  if (old._id !== undefined && !sameValue(old._id, doc._id)) {
    throw new CommandError(
      Codes.ImmutableField,
      `Performing an update on the path '_id' would modify the immutable field '_id'`,
    );
  }
  return doc;
}

function applyOne(
  doc: Document,
  old: Document,
  op: string,
  path: string,
  value: unknown,
  ctx: UpdateContext,
): void {
  const idText = () => `{_id: ${formatValue(old._id)}}`;
  switch (op) {
    case '$setOnInsert':
      if (!ctx.isInsert) return;
      for (const t of resolveTargets(doc, path, true, ctx)) setChild(t.parent, t.key, cloneValue(value));
      return;
    case '$set':
      for (const t of resolveTargets(doc, path, true, ctx)) setChild(t.parent, t.key, cloneValue(value));
      return;
    case '$unset':
      for (const t of resolveTargets(doc, path, false, ctx)) {
        if (Array.isArray(t.parent)) {
          if (Number(t.key) < t.parent.length) t.parent[Number(t.key)] = null;
        } else delete t.parent[t.key];
      }
      return;
    case '$inc':
    case '$mul': {
      const verb = op === '$inc' ? 'increment' : 'multiply';
      if (!isNumeric(value)) {
        throw new CommandError(
          Codes.TypeMismatch,
          `Cannot ${verb} with non-numeric argument: {${path}: ${formatValue(value)}}`,
        );
      }
      for (const t of resolveTargets(doc, path, true, ctx)) {
        const cur = getChild(t.parent, t.key);
        if (cur === undefined) setChild(t.parent, t.key, op === '$inc' ? value : zeroLike(value));
        else if (!isNumeric(cur)) {
          throw new CommandError(
            Codes.TypeMismatch,
            `Cannot apply ${op} to a value of non-numeric type. ${idText()} has the field '${t.key}' of non-numeric type ${bsonTypeName(cur)}`,
          );
        } else setChild(t.parent, t.key, op === '$inc' ? addNumbers(cur, value) : mulNumbers(cur, value));
      }
      return;
    }
    case '$min':
    case '$max':
      for (const t of resolveTargets(doc, path, true, ctx)) {
        const cur = getChild(t.parent, t.key);
        const d = cur === undefined ? 0 : bsonCompare(value, cur);
        if (cur === undefined || (op === '$min' ? d < 0 : d > 0))
          setChild(t.parent, t.key, cloneValue(value));
      }
      return;
    case '$currentDate': {
      const ts = isPlainObject(value) && value.$type === 'timestamp';
      if (!(value === true || (isPlainObject(value) && (value.$type === 'date' || ts)))) {
        throw new CommandError(
          Codes.BadValue,
          `${formatValue(value)} is not valid type for $currentDate. Please use a boolean ('true') or a $type expression ({$type: 'timestamp/date'}).`,
        );
      }
      const now = new Date();
      const v = ts ? new Timestamp({ t: Math.floor(now.getTime() / 1000), i: 1 }) : now;
      for (const t of resolveTargets(doc, path, true, ctx)) setChild(t.parent, t.key, v);
      return;
    }
    case '$rename': {
      if (typeof value !== 'string')
        throw new CommandError(
          Codes.BadValue,
          `The 'to' field for $rename must be a string: ${path}: ${formatValue(value)}`,
        );
      if (value === path)
        throw new CommandError(
          Codes.BadValue,
          `The source and target field for $rename must differ: ${path}: "${value}"`,
        );
      const [src] = resolveTargets(doc, path, false, ctx);
      if (!src || Array.isArray(src.parent)) {
        if (src)
          throw new CommandError(
            Codes.BadValue,
            `The source field cannot be an array element, '${path}' in doc with _id: ${formatValue(old._id)} has an array field called '${src.key}'`,
          );
        return;
      }
      const v = getChild(src.parent, src.key);
      if (v === undefined) return;
      delete src.parent[src.key];
      for (const t of resolveTargets(doc, value, true, ctx)) setChild(t.parent, t.key, v);
      return;
    }
    case '$push':
    case '$addToSet':
      for (const t of resolveTargets(doc, path, true, ctx)) {
        const cur = getChild(t.parent, t.key);
        if (cur !== undefined && !Array.isArray(cur)) {
          throw op === '$push'
            ? new CommandError(
                Codes.BadValue,
                `The field '${t.path}' must be an array but is of type ${bsonTypeName(cur)} in document ${idText()}`,
              )
            : new CommandError(
                Codes.BadValue,
                `Cannot apply $addToSet to non-array field. Field named '${t.key}' has non-array type ${bsonTypeName(cur)}`,
              );
        }
        const arr = (cur as unknown[] | undefined) ?? [];
        setChild(t.parent, t.key, op === '$push' ? push(arr, value) : addToSet(arr, value));
      }
      return;
    case '$pop':
      for (const t of resolveTargets(doc, path, false, ctx)) {
        const cur = getChild(t.parent, t.key);
        if (cur === undefined) continue;
        if (!Array.isArray(cur)) {
          throw new CommandError(
            Codes.TypeMismatch,
            `Path '${t.path}' contains an element of non-array type '${bsonTypeName(cur)}'`,
          );
        }
        if (toNumber(value) >= 1) cur.pop();
        else cur.shift();
      }
      return;
    case '$pull':
    case '$pullAll':
      for (const t of resolveTargets(doc, path, false, ctx)) {
        const cur = getChild(t.parent, t.key);
        if (cur === undefined) continue;
        if (!Array.isArray(cur))
          throw new CommandError(Codes.BadValue, `Cannot apply ${op} to a non-array value`);
        let remove: (el: unknown) => boolean;
        if (op === '$pullAll') {
          if (!Array.isArray(value))
            throw new CommandError(
              Codes.BadValue,
              `$pullAll requires an array argument but was given a ${bsonTypeName(value)}`,
            );
          remove = (el) => value.some((v) => sameValue(el, v));
        } else remove = pullPredicate(value);
        setChild(
          t.parent,
          t.key,
          cur.filter((el) => !remove(el)),
        );
      }
      return;
    case '$bit':
      for (const t of resolveTargets(doc, path, true, ctx)) {
        let cur = getChild(t.parent, t.key) ?? 0;
        const kind = numKind(cur);
        if (kind !== 'int' && kind !== 'long') {
          throw new CommandError(
            Codes.BadValue,
            `Cannot apply $bit to a value of non-integral type.${idText()} has the field ${t.key} of non-integer type ${bsonTypeName(cur)}`,
          );
        }
        if (!isPlainObject(value))
          throw new CommandError(
            Codes.BadValue,
            `The $bit modifier is not compatible with a ${bsonTypeName(value)}.`,
          );
        for (const [bop, operand] of Object.entries(value)) {
          const useLong = kind === 'long' || numKind(operand) === 'long';
          const a = Long.fromValue(cur instanceof Long ? cur : toNumber(cur));
          const b = Long.fromValue(operand instanceof Long ? operand : toNumber(operand));
          const r = bop === 'and' ? a.and(b) : bop === 'or' ? a.or(b) : bop === 'xor' ? a.xor(b) : undefined;
          if (!r)
            throw new CommandError(
              Codes.BadValue,
              `The $bit modifier only supports 'and', 'or', and 'xor', not '${bop}'`,
            );
          cur = useLong ? r : r.toInt();
        }
        setChild(t.parent, t.key, cur);
      }
      return;
    default:
      throw new CommandError(Codes.FailedToParse, `Unknown modifier: ${op}`);
  }
}
