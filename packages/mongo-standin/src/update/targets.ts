import type { Document } from 'bson';
import { formatValue, isPlainObject } from '../bson/values.ts';
import { Codes, CommandError } from '../errors.ts';
import type { ArrayFilters } from './array-filters.ts';

export interface UpdateContext {
  /** True when building a document for an upsert insert ($setOnInsert applies). */
  isInsert: boolean;
  /** Index of the array element matched by the query, for the positional `$` operator. */
  positional: (arrayPath: string) => number;
  arrayFilters: ArrayFilters;
}

export interface Target {
  parent: Document | unknown[];
  key: string;
  path: string;
}

export function getChild(c: Document | unknown[], key: string): unknown {
  if (Array.isArray(c)) return /^\d+$/.test(key) ? c[Number(key)] : undefined;
  return Object.hasOwn(c, key) ? c[key] : undefined;
}

export function setChild(c: Document | unknown[], key: string, v: unknown): void {
  if (Array.isArray(c)) {
    const i = Number(key);
    while (c.length < i) c.push(null);
    c[i] = v;
  } else c[key] = v;
}

function notViable(key: string, holderKey: string, holder: unknown): CommandError {
  return new CommandError(
    Codes.PathNotViable,
    `Cannot create field '${key}' in element {${holderKey}: ${formatValue(holder)}}`,
  );
}

/**
 * Resolves an update path to the (parent, key) pairs it designates, expanding `$`, `$[]` and
 * `$[id]`. With `create`, missing intermediate documents are created (as mongod does for $set).
 */
export function resolveTargets(root: Document, path: string, create: boolean, ctx: UpdateContext): Target[] {
  const parts = path.split('.');
  const out: Target[] = [];
  const walk = (c: Document | unknown[], i: number, prefix: string[], holderKey: string) => {
    let part = parts[i] as string;
    const last = i === parts.length - 1;
    const arrayOp = part === '$[]' || /^\$\[[a-zA-Z0-9_]*\]$/.test(part);
    if (part === '$') {
      if (!Array.isArray(c)) {
        throw new CommandError(
          Codes.BadValue,
          'The positional operator did not find the match needed from the query.',
        );
      }
      part = String(ctx.positional(prefix.join('.')));
    } else if (arrayOp) {
      if (!Array.isArray(c)) {
        throw new CommandError(
          Codes.BadValue,
          `Cannot apply array updates to non-array element ${holderKey}: ${formatValue(c)}`,
        );
      }
      const id = part === '$[]' ? undefined : part.slice(2, -1);
      c.forEach((el, j) => {
        if (id !== undefined && !ctx.arrayFilters.test(id, el, path)) return;
        if (last) out.push({ parent: c, key: String(j), path: [...prefix, String(j)].join('.') });
        else descend(c, String(j), el, i, prefix);
      });
      return;
    }
    if (Array.isArray(c) && !/^\d+$/.test(part)) {
      if (create) throw notViable(part, holderKey, c);
      return;
    }
    if (last) {
      out.push({ parent: c, key: part, path: [...prefix, part].join('.') });
      return;
    }
    descend(c, part, getChild(c, part), i, prefix);
  };
  const descend = (c: Document | unknown[], key: string, child: unknown, i: number, prefix: string[]) => {
    if (child === undefined) {
      if (!create) return;
      const made: Document = {};
      setChild(c, key, made);
      walk(made, i + 1, [...prefix, key], key);
      return;
    }
    if (isPlainObject(child) || Array.isArray(child)) {
      walk(child, i + 1, [...prefix, key], key);
      return;
    }
    if (create) throw notViable(parts[i + 1] as string, key, child);
  };
  walk(root, 0, [], '');
  return out;
}
