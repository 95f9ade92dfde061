import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunProgress, RunSummary } from '../run/run-plan.ts';
import { parseCliArgs, UsageError } from './args.ts';
import { progressReporter } from './progress.ts';
import { summaryLines } from './summary-table.ts';
import { resolveTargets } from './targets.ts';

function usageErrorOf(argv: string[]): string {
  try {
    parseCliArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error('accepted');
}

describe('parseCliArgs', () => {
  it('reads the flags, with defaults for the rest', () => {
    expect(parseCliArgs(['--rate', '50', '--duration', '60', '--seed', '7'])).toMatchObject({
      rate: 50,
      duration: 60,
      seed: 7,
      concurrency: 32,
      settle: 6,
      json: false,
    });
    expect(parseCliArgs(['--case-intake-url', 'http://127.0.0.1:3001/'])['case-intake-url']).toBe(
      'http://127.0.0.1:3001',
    );
  });

  it('refuses a bad value in one line naming the flag', () => {
    expect(usageErrorOf(['--rate', 'fast'])).toBe('--rate must be a number');
    expect(usageErrorOf(['--rate', '0'])).toBe('--rate must be more than 0');
    expect(usageErrorOf(['--seed', '-3'])).toMatch(/^Option '--seed|^--seed/);
    expect(usageErrorOf(['--concurrency', '1.5'])).toBe('--concurrency must be a whole number');
    expect(usageErrorOf(['--oversight-url', 'ftp://x'])).toBe('--oversight-url must be an http(s) URL');
    expect(usageErrorOf(['--fast'])).toMatch(/--fast/);
  });
});

describe('resolveTargets', () => {
  let dir: string;
  const args = parseCliArgs([]);
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'simulator-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('says to run npm start, or to pass URLs and keys, when no stack file exists', async () => {
    await expect(resolveTargets(args, { STACK_DATA_DIR: join(dir, 'none') })).rejects.toThrow(
      /run `npm start` first, or pass --case-intake-url, --customs-goods-url, --oversight-url and SIMULATOR_KEYS_FILE/,
    );
  });

  it('takes URLs and keys from the stack file npm start writes, flags first', async () => {
    await writeFile(
      join(dir, 'stack.json'),
      JSON.stringify({
        pid: 1,
        services: {
          'case-intake': { url: 'http://127.0.0.1:3001', pid: 2 },
          'customs-goods': { url: 'http://127.0.0.1:3002', pid: 3 },
          'oversight-notifications': { url: 'http://127.0.0.1:3003', pid: 4 },
        },
        keys: { 'sim-police': 'raw-police' },
      }),
    );
    const found = await resolveTargets(parseCliArgs(['--oversight-url', 'http://elsewhere:9']), {
      STACK_DATA_DIR: dir,
    });
    expect(found.targets).toEqual({
      'case-intake': 'http://127.0.0.1:3001',
      'customs-goods': 'http://127.0.0.1:3002',
      'oversight-notifications': 'http://elsewhere:9',
    });
    expect(found.keys).toEqual({ 'sim-police': 'raw-police' });
  });

  it('reads keys from SIMULATOR_KEYS_FILE and refuses one that is not a map of keys', async () => {
    const keysFile = join(dir, 'keys.json');
    await writeFile(keysFile, JSON.stringify({ 'sim-customs': 'raw-customs' }));
    const found = await resolveTargets(args, { STACK_DATA_DIR: dir, SIMULATOR_KEYS_FILE: keysFile });
    expect(found.keys).toEqual({ 'sim-customs': 'raw-customs' });
    await writeFile(keysFile, '["not", "a", "map"]');
    await expect(
      resolveTargets(args, { STACK_DATA_DIR: dir, SIMULATOR_KEYS_FILE: keysFile }),
    ).rejects.toThrow(/must be a JSON object of principal name to raw key/);
  });
});

const progress: RunProgress = {
  elapsedMs: 15_000,
  durationMs: 60_000,
  counts: {
    planned: 750,
    sent: 748,
    ok: 740,
    failed: 2,
    refusedAsPlanned: 1,
    skipped: 3,
    notSent: 0,
    rateLimited: 4,
  },
  inFlight: 5,
  waiting: 2,
  behindMs: 0,
  recentP50Ms: 12.4,
};

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  return {
    stream: { isTTY, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream,
    written,
  };
}

describe('progressReporter', () => {
  it('redraws a bar in place on a terminal', () => {
    const { stream, written } = fakeStream(true);
    const reporter = progressReporter(stream, 5000);
    reporter.update(progress);
    reporter.done();
    expect(written[0]).toMatch(/^\r\[######------------------\] {2}25% {2}15\/60 s {2}sent 748 .* p50 12 ms/);
    expect(written[1]).toBe('\n');
  });

  it('writes a plain line at most every interval elsewhere', () => {
    const { stream, written } = fakeStream(false);
    const reporter = progressReporter(stream, 5000);
    reporter.update(progress);
    reporter.update({ ...progress, elapsedMs: 16_000 });
    reporter.update({ ...progress, elapsedMs: 20_000 });
    expect(written).toHaveLength(2);
    expect(written[0]).toBe(
      'simulate: 15/60 s  sent 748  ok 740  failed 2  skipped 3  429 4  in flight 5  p50 12 ms\n',
    );
  });
});

describe('summaryLines', () => {
  it('tabulates responses by route and status code, and the notifications raised', () => {
    const summary: RunSummary = {
      seed: 7,
      startedAt: '2025-10-05T08:30:00.000Z',
      finishedAt: '2025-10-05T08:31:00.000Z',
      elapsedS: 60,
      rate: { target: 50, achieved: 49.9 },
      concurrency: 32,
      requests: progress.counts,
      latencyMs: { p50: 12.3, p99: 80.5, max: 120 },
      routes: [
        {
          route: 'POST /v1/cases',
          responses: 12,
          byStatus: { '201': 10, '400': 1, '429': 1 },
          latencyMs: { p50: 10, p99: 20, max: 20 },
        },
        {
          route: 'GET /v1/lots',
          responses: 5,
          byStatus: { '200': 5 },
          latencyMs: { p50: 3, p99: 4, max: 4 },
        },
      ],
      failures: [],
      notifications: {
        source: 'GET /v1/stats/overview',
        generatedAt: '2025-10-05T08:31:06.000Z',
        raisedDuringRun: 9,
        openByRule: [{ ruleId: 'fuel_case_registered', open: 9, change: 9 }],
        openBySeverity: { info: 0, warning: 0, high: 9, critical: 0 },
      },
    };
    const lines = summaryLines(summary);
    expect(lines).toContain('route           200  201  400  429  p50 ms  p99 ms');
    expect(lines).toContain('POST /v1/cases        10    1    1    10.0    20.0');
    expect(lines.join('\n')).toContain('notifications raised during the run: 9');
    expect(lines).toContain('fuel_case_registered           9      +9');
  });
});
