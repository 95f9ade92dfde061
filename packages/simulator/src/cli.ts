// `npm run simulate -- --rate 50 --duration 60 --seed 7`: synthetic agency traffic against a running
// stack (`npm start`) or the services named by flags; progress on stderr, the summary on stdout.
import type { ServiceName } from '@enforcement/contracts';
import { parseCliArgs, UsageError, usage } from './cli/args.ts';
import { progressReporter } from './cli/progress.ts';
import { summaryLines } from './cli/summary-table.ts';
import { resolveTargets } from './cli/targets.ts';
import { generatePlan } from './plan/generate.ts';
import { runPlan } from './run/run-plan.ts';

/** Every service must answer its liveness probe before traffic starts. */
async function checkReachable(targets: Record<ServiceName, string>): Promise<void> {
  for (const [service, url] of Object.entries(targets)) {
    try {
      const response = await fetch(`${url}/health/live`, { signal: AbortSignal.timeout(3000) });
      await response.body?.cancel();
      if (!response.ok) throw new Error(`/health/live answered ${response.status}`);
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      const reason = cause ?? (error instanceof Error ? error.message : String(error));
      throw new UsageError(`${service} at ${url} does not answer (${reason}); is the stack running?`, 1);
    }
  }
}

async function main(): Promise<number> {
  const args = parseCliArgs(process.argv.slice(2));
  if (args.help) {
    console.log(usage);
    return 0;
  }
  const { targets, keys, from } = await resolveTargets(args, process.env);
  await checkReachable(targets);

  const abort = new AbortController();
  process.on('SIGINT', () => {
    if (abort.signal.aborted) process.exit(130);
    process.stderr.write('\nsimulate: stopping (Ctrl-C again to quit at once)\n');
    abort.abort();
  });

  process.stderr.write(
    `simulate: seed ${args.seed}, ${args.rate} req/s for ${args.duration} s, concurrency ${args.concurrency} (targets from ${from})\n`,
  );
  const progress = progressReporter(process.stderr, Math.max(5000, (args.duration * 1000) / 10));
  const plan = generatePlan(args.seed, { rate: args.rate });
  const summary = await runPlan(plan, {
    targets,
    keys,
    duration: args.duration,
    concurrency: args.concurrency,
    settleMs: args.settle * 1000,
    signal: abort.signal,
    onProgress: (update) => progress.update(update),
  });
  progress.done();
  if (args.json) console.log(JSON.stringify(summary, null, 2));
  else console.log(summaryLines(summary).join('\n'));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`simulate: ${error.message}`);
      process.exit(error.exitCode);
    }
    console.error('simulate failed', error);
    process.exit(1);
  },
);
