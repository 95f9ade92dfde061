import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';

/** One figure measured on the service's path and on the baseline, in the same run. */
export interface Row {
  figure: string;
  unit: string;
  project: number;
  baseline: number;
}

/** Progress goes to stderr, so stdout holds only the figures. */
export function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export function median(values: readonly number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

function shown(value: number): string {
  if (!Number.isFinite(value)) return '-';
  return value >= 100 ? value.toFixed(0) : value.toFixed(2);
}

/** The table every script prints: figure, the service's value, the baseline's, and their ratio. */
export function printTable(
  rows: readonly Row[],
  columns = { project: 'project', baseline: 'baseline' },
): void {
  const header = ['figure', columns.project, columns.baseline, 'ratio'];
  const lines = rows.map((row) => [
    `${row.figure} (${row.unit})`,
    shown(row.project),
    shown(row.baseline),
    shown(row.project / row.baseline),
  ]);
  const widths = header.map((title, i) =>
    Math.max(title.length, ...lines.map((line) => line[i]?.length ?? 0)),
  );
  const format = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ');
  console.log(format(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const line of lines) console.log(format(line));
}

/** `.bench-results/<name>.json` at the repository root: the rows, the settings and the machine. */
export async function writeResults(name: string, content: Record<string, unknown>): Promise<string> {
  const directory = join(import.meta.dirname, '..', '..', '..', '.bench-results');
  await mkdir(directory, { recursive: true });
  const file = join(directory, `${name}.json`);
  const machine = { cpus: cpus().length, node: process.version, platform: process.platform };
  const document = { name, measuredAt: new Date().toISOString(), machine, ...content };
  await writeFile(file, `${JSON.stringify(document, null, 2)}\n`);
  return file;
}
