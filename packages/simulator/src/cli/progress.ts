import type { RunProgress } from '../run/run-plan.ts';

const BAR_WIDTH = 24;

function counts(progress: RunProgress): string {
  const c = progress.counts;
  const p50 = progress.recentP50Ms === null ? '-' : `${Math.round(progress.recentP50Ms)} ms`;
  const parts = [
    `sent ${c.sent}`,
    `ok ${c.ok}`,
    `failed ${c.failed}`,
    `skipped ${c.skipped}`,
    `429 ${c.rateLimited}`,
  ];
  if (progress.behindMs >= 1000) parts.push(`behind ${(progress.behindMs / 1000).toFixed(1)} s`);
  return `${parts.join('  ')}  in flight ${progress.inFlight}  p50 ${p50}`;
}

/**
 * Progress on stderr: a bar redrawn in place on a terminal, else a plain line every `everyMs`
 * (logs and CI keep one line per report).
 */
export function progressReporter(stream: NodeJS.WriteStream, everyMs: number) {
  const tty = stream.isTTY === true;
  let lastLine = Number.NEGATIVE_INFINITY;
  let drawn = false;
  return {
    update(progress: RunProgress): void {
      const elapsedS = Math.min(progress.elapsedMs, progress.durationMs) / 1000;
      const totalS = progress.durationMs / 1000;
      if (tty) {
        const share = Math.min(1, progress.elapsedMs / progress.durationMs);
        const filled = Math.round(share * BAR_WIDTH);
        const bar = `${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}`;
        stream.write(
          `\r[${bar}] ${String(Math.round(share * 100)).padStart(3)}%  ${elapsedS.toFixed(0)}/${totalS} s  ${counts(progress)}\x1b[K`,
        );
        drawn = true;
      } else if (progress.elapsedMs - lastLine >= everyMs) {
        lastLine = progress.elapsedMs;
        stream.write(`simulate: ${elapsedS.toFixed(0)}/${totalS} s  ${counts(progress)}\n`);
      }
    },
    /** Ends the bar's line so what follows starts on its own. */
    done(): void {
      if (tty && drawn) stream.write('\n');
    },
  };
}
