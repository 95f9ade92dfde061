// `npm run bench [-- --quick] [-- --only name,...]`: every benchmark of the repository, one after
// another, each in its own process as its workspace's `npm run bench` runs it; then ONE table of
// what they measured: for each figure the project's number, its baseline measured in the same run,
// and their ratio. Progress goes to stderr; each benchmark's own output to `.bench-results/<name>.log`;
// each writes `.bench-results/<name>.json` (rows: figure, unit, project, baseline, ratio), and the
// combined rows go to `.bench-results/summary.json`. A benchmark that fails is shown as failed with
// its exit code, and the next one still runs; the exit status says whether any failed.
//
//   --quick          smaller sizes and shorter runs (a few minutes in all)
//   --only a,b       only these benchmarks (names below, or a workspace name for all of its benchmarks)
//   --timeout-min N  stop a benchmark that runs longer than this (default 30)
//   --list           print the benchmarks and exit
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';

const root = join(import.meta.dirname, '..');
const resultsDir = join(root, '.bench-results');

interface Bench {
  /** Also the name of the JSON file it writes. */
  name: string;
  workspace: string;
  /** The script, relative to the workspace. */
  script: string;
  /** Run with the workspace `source` condition (as its npm script does). */
  source: boolean;
  /** What it compares, shown in --list. */
  what: string;
  args: (quick: boolean) => string[];
  env: (quick: boolean) => NodeJS.ProcessEnv;
}

/** The oversight benchmarks share one set of flags (apps/oversight-notifications/bench/options.ts). */
const oversightQuick = [
  '--events',
  '1000',
  '--large',
  '100000',
  '--repeats',
  '3',
  '--notifications',
  '10000',
  '--readers',
  '1,8',
  '--pages',
  '10',
];
const none = () => ({});

const benches: readonly Bench[] = [
  {
    name: 'post-cases',
    workspace: 'apps/case-intake',
    script: 'bench/post-cases.ts',
    source: true,
    what: 'POST /v1/cases vs a bare Fastify route + driver insertOne',
    args: () => [],
    env: (quick) => (quick ? { BENCH_SECONDS: '3' } : {}),
  },
  {
    name: 'messaging-throughput',
    workspace: 'packages/messaging',
    script: 'bench/throughput.ts',
    source: true,
    what: 'publish -> consume -> ack through the package vs raw amqplib',
    args: () => [],
    env: (quick) => (quick ? { BENCH_MESSAGES: '2000' } : {}),
  },
  {
    name: 'feed-page',
    workspace: 'apps/oversight-notifications',
    script: 'bench/feed-page.ts',
    source: true,
    what: 'feed page reads vs a bare find',
    args: (quick) => (quick ? oversightQuick : []),
    env: none,
  },
  {
    name: 'sweep-scaling',
    workspace: 'apps/oversight-notifications',
    script: 'bench/sweep-scaling.ts',
    source: true,
    what: 'the oversight sweep with the large load vs the small one',
    args: (quick) => (quick ? oversightQuick : []),
    env: none,
  },
  {
    name: 'e2e-latency',
    workspace: 'packages/stack',
    script: 'bench/e2e-latency.ts',
    source: true,
    what: 'POST of a fuel case -> its notification on the SSE stream vs a bare broker hop',
    args: (quick) => (quick ? ['--seconds', '15'] : []),
    env: none,
  },
  {
    name: 'consume',
    workspace: 'apps/oversight-notifications',
    script: 'bench/consume.ts',
    source: true,
    what: 'oversight event consumption vs one insert / an ack per message',
    args: (quick) => (quick ? oversightQuick : []),
    env: none,
  },
  {
    name: 'dwell-and-list',
    workspace: 'apps/customs-goods',
    script: 'bench/dwell-and-list.ts',
    source: true,
    what: 'dwell statistics and lot lists with 100k lots vs 10k',
    args: () => [],
    env: (quick) => (quick ? { BENCH_REQUESTS: '100' } : {}),
  },
  {
    name: 'standin-round-trips',
    workspace: 'packages/mongo-standin',
    script: 'bench/round-trips.ts',
    source: false,
    what: 'MongoDB stand-in round trips with 100k documents vs 100',
    args: () => [],
    env: (quick) => (quick ? { BENCH_SECONDS: '1' } : {}),
  },
];

interface Row {
  figure: string;
  unit: string;
  project: number | null;
  baseline: number | null;
  ratio: number | null;
}

interface Outcome {
  name: string;
  workspace: string;
  status: 'ok' | 'failed' | 'no results';
  exitCode: number | null;
  seconds: number;
  log: string;
  results?: string;
  /** What the benchmark says about how to read its figures (`note` in its JSON), printed under the table. */
  note?: string;
  rows: Row[];
}

const usage =
  'usage: npm run bench [-- --quick] [-- --only name,...] [-- --timeout-min N] [-- --list]\n' +
  `benchmarks: ${benches.map((bench) => bench.name).join(', ')} (or a workspace name, e.g. oversight-notifications)`;

function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

function options() {
  let values: { quick?: boolean; only?: string; 'timeout-min'?: string; list?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      strict: true,
      allowPositionals: false,
      options: {
        quick: { type: 'boolean' },
        only: { type: 'string' },
        'timeout-min': { type: 'string' },
        list: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const timeoutMin = Number(values['timeout-min'] ?? 30);
  if (!Number.isFinite(timeoutMin) || timeoutMin <= 0) {
    console.error(`--timeout-min wants a positive number\n${usage}`);
    process.exit(2);
  }
  let selected = benches;
  if (values.only !== undefined) {
    const wanted = values.only
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name !== '');
    const unknown = wanted.filter(
      (name) => !benches.some((bench) => bench.name === name || bench.workspace.endsWith(`/${name}`)),
    );
    if (unknown.length > 0 || wanted.length === 0) {
      console.error(`--only: unknown benchmark ${unknown.join(', ') || '(none given)'}\n${usage}`);
      process.exit(2);
    }
    selected = benches.filter((bench) =>
      wanted.some((name) => bench.name === name || bench.workspace.endsWith(`/${name}`)),
    );
  }
  return {
    quick: values.quick === true,
    list: values.list === true,
    timeoutMs: timeoutMin * 60_000,
    selected,
  };
}

/** The benchmark running now, so a signal to this runner reaches it (and every process it started). */
let current: { pid: number } | undefined;
/** Set by Ctrl-C or SIGTERM: the running benchmark is stopped and no other one starts. */
let interrupted: NodeJS.Signals | undefined;

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    interrupted = signal;
    progress(`${signal}: stopping the running benchmark; no other one will start`);
    if (current !== undefined) signalGroup(current.pid, signal);
  });
}

/** Signals a benchmark's whole process group: it and what it started (stand-ins, services). */
function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/**
 * Runs one benchmark in a process group of its own, with its output in its log file; answers its
 * exit code (null when ended by a signal). Past the time limit the group gets SIGTERM, then SIGKILL.
 */
function runBench(bench: Bench, quick: boolean, logPath: string, timeoutMs: number): Promise<number | null> {
  const fd = openSync(logPath, 'w');
  const argv = [...(bench.source ? ['--conditions=source'] : []), bench.script, ...bench.args(quick)];
  const child = spawn(process.execPath, argv, {
    cwd: join(root, bench.workspace),
    env: { ...process.env, ...bench.env(quick) },
    stdio: ['ignore', fd, fd],
    detached: true,
  });
  closeSync(fd);
  const pid = child.pid;
  if (pid !== undefined) current = { pid };
  let killer: NodeJS.Timeout | undefined;
  const timer = setTimeout(() => {
    progress(`${bench.name}: still running after ${timeoutMs / 60_000} min, stopping it`);
    if (pid === undefined) return;
    signalGroup(pid, 'SIGTERM');
    killer = setTimeout(() => signalGroup(pid, 'SIGKILL'), 30_000);
  }, timeoutMs);
  return new Promise((resolve) => {
    child.once('error', (error) => {
      progress(`${bench.name}: ${error.message}`);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      clearTimeout(killer);
      current = undefined;
      resolve(code);
    });
  });
}

const toNumber = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

/** The rows (and note) of a benchmark's JSON, if it wrote one during this run. */
async function readResults(file: string, since: number): Promise<{ rows: Row[]; note?: string } | undefined> {
  let document: { measuredAt?: string; rows?: unknown; note?: unknown };
  try {
    document = JSON.parse(await readFile(file, 'utf8')) as typeof document;
  } catch {
    return undefined;
  }
  const measuredAt = Date.parse(document.measuredAt ?? '');
  if (!(measuredAt >= since) || !Array.isArray(document.rows)) return undefined;
  const rows = document.rows.map((raw: Record<string, unknown>) => {
    const project = toNumber(raw.project);
    const baseline = toNumber(raw.baseline);
    const ratio =
      toNumber(raw.ratio) ??
      (project !== null && baseline !== null && baseline !== 0 ? project / baseline : null);
    return { figure: String(raw.figure ?? '?'), unit: String(raw.unit ?? ''), project, baseline, ratio };
  });
  return typeof document.note === 'string' ? { rows, note: document.note } : { rows };
}

function lastLines(path: string, count: number): string {
  try {
    return readFileSync(path, 'utf8').trimEnd().split('\n').slice(-count).join('\n');
  } catch {
    return '';
  }
}

function shown(value: number | null): string {
  if (value === null) return '-';
  const magnitude = Math.abs(value);
  if (magnitude >= 100) return value.toFixed(0);
  if (magnitude >= 1 || magnitude === 0) return value.toFixed(2);
  return value.toPrecision(2);
}

function printTable(outcomes: readonly Outcome[]): void {
  const header = ['figure', 'project', 'baseline', 'ratio', 'unit', 'source'];
  const lines: string[][] = [];
  for (const outcome of outcomes) {
    if (outcome.status !== 'ok') {
      const why =
        outcome.status === 'failed'
          ? `FAILED (exit ${outcome.exitCode ?? 'by signal'}), see ${outcome.log}`
          : `no results written, see ${outcome.log}`;
      lines.push([why, '-', '-', '-', '', outcome.name]);
      continue;
    }
    for (const row of outcome.rows) {
      lines.push([
        row.figure,
        shown(row.project),
        shown(row.baseline),
        shown(row.ratio),
        row.unit,
        outcome.name,
      ]);
    }
  }
  const widths = header.map((title, i) =>
    Math.max(title.length, ...lines.map((line) => line[i]?.length ?? 0)),
  );
  const left = new Set([0, 4, 5]);
  const format = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (left.has(i) ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  console.log(format(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const line of lines) console.log(format(line));
}

async function main(): Promise<void> {
  const { quick, list, timeoutMs, selected } = options();
  if (list) {
    for (const bench of benches)
      console.log(`${bench.name.padEnd(22)} ${bench.workspace.padEnd(30)} ${bench.what}`);
    return;
  }
  await mkdir(resultsDir, { recursive: true });
  const started = new Date();
  progress(
    `${selected.length} benchmark(s)${quick ? ', quick sizes' : ''}; each one's output goes to ${relative(root, resultsDir)}/<name>.log`,
  );
  const outcomes: Outcome[] = [];
  for (const [index, bench] of selected.entries()) {
    if (interrupted !== undefined) break;
    const logPath = join(resultsDir, `${bench.name}.log`);
    const log = relative(root, logPath);
    progress(`${index + 1}/${selected.length} ${bench.name} (${bench.workspace}/${bench.script}) ...`);
    const since = Date.now();
    const exitCode = await runBench(bench, quick, logPath, timeoutMs);
    const seconds = Math.round((Date.now() - since) / 100) / 10;
    const resultsPath = join(resultsDir, `${bench.name}.json`);
    const results = exitCode === 0 ? await readResults(resultsPath, since) : undefined;
    const status = exitCode !== 0 ? 'failed' : results === undefined ? 'no results' : 'ok';
    outcomes.push({
      name: bench.name,
      workspace: bench.workspace,
      status,
      exitCode,
      seconds,
      log,
      ...(status === 'ok' ? { results: relative(root, resultsPath) } : {}),
      ...(results?.note === undefined ? {} : { note: results.note }),
      rows: results?.rows ?? [],
    });
    if (status === 'ok') {
      progress(`${bench.name} done in ${seconds} s`);
    } else {
      const why = status === 'failed' ? `failed (exit ${exitCode ?? 'by signal'})` : 'wrote no results';
      progress(`${bench.name} ${why} after ${seconds} s; last lines of ${log}:\n${lastLines(logPath, 12)}`);
    }
  }

  console.log(
    `\nBenchmarks${quick ? ' (--quick sizes)' : ''}: each figure's project number, its baseline measured in the ` +
      'same run, and project / baseline (for times lower is better, for rates higher is better).\n',
  );
  printTable(outcomes);
  const notes = outcomes.filter((outcome) => outcome.note !== undefined);
  if (notes.length > 0) console.log('');
  for (const outcome of notes) console.log(`${outcome.name}: ${outcome.note}`);
  const summary = {
    name: 'summary',
    measuredAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: { cpus: cpus().length, node: process.version, platform: process.platform },
    quick,
    benches: outcomes.map(({ rows: _rows, ...outcome }) => outcome),
    rows: outcomes.flatMap((outcome) => outcome.rows.map((row) => ({ source: outcome.name, ...row }))),
  };
  const summaryPath = join(resultsDir, 'summary.json');
  await writeFile(summaryPath, `${JSON.stringify(summary, null, 2)}\n`);
  const failed = outcomes.filter((outcome) => outcome.status !== 'ok');
  console.log(
    `\nResults: ${relative(root, summaryPath)} (and ${relative(root, resultsDir)}/<name>.json, <name>.log per benchmark)`,
  );
  if (failed.length > 0) {
    console.log(`Failed: ${failed.map((outcome) => outcome.name).join(', ')}`);
    process.exitCode = 1;
  }
  if (interrupted !== undefined) {
    const skipped = selected.slice(outcomes.length).map((bench) => bench.name);
    if (skipped.length > 0) console.log(`Not run (${interrupted}): ${skipped.join(', ')}`);
    process.exitCode = interrupted === 'SIGINT' ? 130 : 143;
  }
}

await main();
