// `npm run bench -w @enforcement/oversight-notifications [-- flags]`: the three benchmarks one after
// another, each in its own process (as when run alone), with the same flags (see options.ts). A
// failing one is reported and the next still runs; the exit status says whether any failed.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { benchOptions } from './options.ts';
import { progress } from './report.ts';

const scripts = ['consume.ts', 'sweep-scaling.ts', 'feed-page.ts'];
const flags = process.argv.slice(2);
benchOptions(flags); // refuses a bad flag before anything runs

function runScript(script: string): Promise<number> {
  const child = spawn(
    process.execPath,
    ['--conditions=source', join(import.meta.dirname, script), ...flags],
    {
      stdio: 'inherit',
    },
  );
  return new Promise((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
}

const failed: string[] = [];
for (const script of scripts) {
  progress(`running ${script}`);
  const started = performance.now();
  const code = await runScript(script);
  progress(
    `${script} ${code === 0 ? 'done' : `failed (exit ${code})`} in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  if (code !== 0) failed.push(script);
  console.log('');
}
if (failed.length > 0) {
  console.error(`failed: ${failed.join(', ')}`);
  process.exitCode = 1;
}
