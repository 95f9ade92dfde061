import type { Document } from 'bson';
import { docView, isPlainObject, optNumber } from '../bson/values.ts';
import { Codes, CommandError } from '../errors.ts';
import { compileFilter } from '../query/matcher.ts';
import { parseSort, sortDocs } from '../query/sort.ts';
import { aggregator } from './expression-context.ts';
import { canGroupTyped, groupTyped } from './group.ts';
import { Retyper } from './retype.ts';

/** Reads the documents of another collection of the same database (for `$lookup`, `$unionWith`). */
export type CollectionReader = (name: string) => Document[];

/**
 * Runs a pipeline over typed documents, one stage at a time. `$match`, `$sort`, `$skip`,
 * `$limit`, `$count`, `$facet` and `$group` (with the usual accumulators) run here on typed
 * values; every other stage runs in mingo on views and its output is retyped (see Retyper).
 */
export function executePipeline(input: Document[], pipeline: Document[], read: CollectionReader): Document[] {
  let docs = input;
  for (const stage of pipeline) {
    const name = Object.keys(stage)[0] as string;
    docs = runStage(docs, name, stage[name], stage, read);
  }
  return docs;
}

function runStage(
  docs: Document[],
  name: string,
  arg: unknown,
  stage: Document,
  read: CollectionReader,
): Document[] {
  switch (name) {
    case '$match': {
      if (!isPlainObject(arg))
        throw new CommandError(15959, 'the match filter must be an expression in an object');
      const m = compileFilter(arg);
      return docs.filter((d) => m(docView(d)));
    }
    case '$sort': {
      const spec = parseSort(arg);
      if (!spec) throw new CommandError(15976, '$sort stage must have at least one sort key');
      return sortDocs(docs, spec, (d) => d);
    }
    case '$skip':
      return docs.slice(nonNegative(arg, '$skip'));
    case '$limit': {
      const n = nonNegative(arg, '$limit');
      if (n === 0) throw new CommandError(15958, 'the limit must be positive');
      return docs.slice(0, n);
    }
    case '$count': {
      if (typeof arg !== 'string' || arg.length === 0)
        throw new CommandError(40156, 'the count field must be a non-empty string');
      return docs.length === 0 ? [] : [{ [arg]: docs.length }];
    }
    case '$facet': {
      if (!isPlainObject(arg)) throw new CommandError(15947, 'the $facet specification must be an object');
      const out: Document = {};
      for (const [k, sub] of Object.entries(arg)) {
        if (!Array.isArray(sub))
          throw new CommandError(40170, `arguments to $facet must be arrays, ${k} is not`);
        out[k] = executePipeline(docs, sub as Document[], read);
      }
      return [out];
    }
    case '$group':
      if (isPlainObject(arg) && canGroupTyped(arg)) return groupTyped(docs, arg);
      return viaMingo(docs, stage, read);
    default:
      return viaMingo(docs, stage, read);
  }
}

function nonNegative(v: unknown, stage: string): number {
  const n = optNumber(v, Number.NaN);
  if (!Number.isInteger(n) || n < 0)
    throw new CommandError(
      Codes.BadValue,
      `invalid argument to ${stage} stage: Expected a non-negative number`,
    );
  return n;
}

function viaMingo(docs: Document[], stage: Document, read: CollectionReader): Document[] {
  const retyper = new Retyper();
  const views = docs.map((d) => retyper.view(d));
  const agg = aggregator([retyper.view(stage)], {
    scriptEnabled: false,
    collectionResolver: (name) => read(name).map((d) => retyper.view(d)),
  });
  return agg.run(views).map((d) => retyper.restore(d as Document));
}
