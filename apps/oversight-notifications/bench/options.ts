import { parseArgs } from 'node:util';

/** The knobs of every script here; `run.ts` hands the same flags to each, which reads its own. */
export interface BenchOptions {
  /** consume: events published and consumed per variant. */
  events: number;
  /** sweep-scaling: open obligations of the small and the large load. */
  small: number;
  large: number;
  /** sweep-scaling: how many of them are due. */
  due: number;
  /** sweep-scaling: timed sweeps per size (median reported). */
  repeats: number;
  /** sweep-scaling: V8 heap limit of the stand-in's process, in MiB. */
  standinHeapMiB: number;
  /** feed-page: notifications seeded. */
  notifications: number;
  /** feed-page: concurrent readers, one measurement each. */
  readers: number[];
  /** feed-page: pages each reader reads per measurement. */
  pages: number;
  /** feed-page: page size. */
  limit: number;
}

const USAGE =
  'flags: --events N  --small N --large N --due N --repeats N --standin-heap-mb N  ' +
  '--notifications N --readers 1,8,32 --pages N --limit N';

function count(flag: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text.replaceAll('_', ''));
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${flag} wants a positive integer, not '${text}'\n${USAGE}`);
  return value;
}

export function benchOptions(argv: readonly string[] = process.argv.slice(2)): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      events: { type: 'string' },
      small: { type: 'string' },
      large: { type: 'string' },
      due: { type: 'string' },
      repeats: { type: 'string' },
      'standin-heap-mb': { type: 'string' },
      notifications: { type: 'string' },
      readers: { type: 'string' },
      pages: { type: 'string' },
      limit: { type: 'string' },
    },
  });
  return {
    events: count('events', values.events, 5_000),
    small: count('small', values.small, 10_000),
    large: count('large', values.large, 1_000_000),
    due: count('due', values.due, 1_000),
    repeats: count('repeats', values.repeats, 5),
    standinHeapMiB: count('standin-heap-mb', values['standin-heap-mb'], 12_288),
    notifications: count('notifications', values.notifications, 50_000),
    readers: (values.readers ?? '1,8,32').split(',').map((text) => count('readers', text, 1)),
    pages: count('pages', values.pages, 20),
    limit: count('limit', values.limit, 50),
  };
}
