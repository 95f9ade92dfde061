import type { Document } from 'bson';
import { type Query, query } from '../aggregate/expression-context.ts';
import { formatValue, isPlainObject, toView } from '../bson/values.ts';
import { Codes, CommandError } from '../errors.ts';

export class ArrayFilters {
  private readonly filters = new Map<string, Query>();
  readonly used = new Set<string>();
  constructor(list: unknown) {
    if (list === undefined || list === null) return;
    if (!Array.isArray(list)) throw new CommandError(Codes.TypeMismatch, 'arrayFilters must be an array');
    for (const f of list) {
      if (!isPlainObject(f))
        throw new CommandError(Codes.TypeMismatch, 'arrayFilters entries must be objects');
      const ids = new Set(Object.keys(f).map((k) => k.split('.')[0] ?? ''));
      if (ids.size !== 1) {
        throw new CommandError(
          Codes.FailedToParse,
          `Error parsing array filter :: caused by :: Expected a single top-level field name, found ${[...ids].map((i) => `'${i}'`).join(' and ')}`,
        );
      }
      const [id] = [...ids] as [string];
      if (this.filters.has(id)) {
        throw new CommandError(
          Codes.FailedToParse,
          `Found multiple array filters with the same top-level field name ${id}`,
        );
      }
      this.filters.set(id, query(toView(f) as Document));
    }
  }
  test(id: string, el: unknown, path: string): boolean {
    const q = this.filters.get(id);
    if (!q)
      throw new CommandError(
        Codes.BadValue,
        `No array filter found for identifier '${id}' in path '${path}'`,
      );
    this.used.add(id);
    return q.test({ [id]: toView(el) });
  }
  checkAllUsed(update: Document): void {
    for (const id of this.filters.keys()) {
      if (!this.used.has(id)) {
        throw new CommandError(
          Codes.FailedToParse,
          `The array filter for identifier '${id}' was not used in the update ${formatValue(update)}`,
        );
      }
    }
  }
}
