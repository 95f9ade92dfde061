import { parseArgs } from 'node:util';
import { z } from 'zod';

/** A refusal of the command line or the environment, worded for one line on stderr, and the exit code. */
export class UsageError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode = 2) {
    super(message);
    this.exitCode = exitCode;
  }
}

export const usage = `usage: npm run simulate -- [options]

  --rate <n>                requests per second (default 20)
  --duration <s>            seconds of traffic (default 60)
  --seed <n>                the same seed sends the same requests (default 1)
  --concurrency <n>         most requests in flight (default 32)
  --settle <s>              wait before reading notification counts (default 6)
  --case-intake-url <url>   default: from .data/stack.json (npm start)
  --customs-goods-url <url>
  --oversight-url <url>
  --keys-file <path>        JSON { "<principal>": "<raw key>" }; or SIMULATOR_KEYS_FILE; default .data/stack.json
  --json                    print the summary as JSON
  --help`;

const count = (flag: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, { error: `${flag} must be a whole number` })
    .transform(Number)
    .pipe(
      z
        .int()
        .min(min, { error: `${flag} must be at least ${min}` })
        .max(max, { error: `${flag} must be at most ${max}` }),
    );

const amount = (flag: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+(\.\d+)?$/, { error: `${flag} must be a number` })
    .transform(Number)
    .pipe(
      z
        .number()
        .gt(min, { error: `${flag} must be more than ${min}` })
        .max(max, { error: `${flag} must be at most ${max}` }),
    );

const url = (flag: string) =>
  z
    .url({ protocol: /^https?$/, error: `${flag} must be an http(s) URL` })
    .transform((text) => text.replace(/\/+$/, ''));

const argsSchema = z.object({
  rate: amount('--rate', 0, 100_000).default(20),
  duration: amount('--duration', 0, 86_400).default(60),
  seed: count('--seed', 0, Number.MAX_SAFE_INTEGER).default(1),
  concurrency: count('--concurrency', 1, 4096).default(32),
  settle: z
    .string()
    .regex(/^\d+(\.\d+)?$/, { error: '--settle must be a number of seconds' })
    .transform(Number)
    .pipe(z.number().max(600, { error: '--settle must be at most 600' }))
    .default(6),
  'case-intake-url': url('--case-intake-url').optional(),
  'customs-goods-url': url('--customs-goods-url').optional(),
  'oversight-url': url('--oversight-url').optional(),
  'keys-file': z.string().min(1, { error: '--keys-file must name a file' }).optional(),
  json: z.boolean().default(false),
  help: z.boolean().default(false),
});

export type CliArgs = z.output<typeof argsSchema>;

const flags = {
  rate: { type: 'string' },
  duration: { type: 'string' },
  seed: { type: 'string' },
  concurrency: { type: 'string' },
  settle: { type: 'string' },
  'case-intake-url': { type: 'string' },
  'customs-goods-url': { type: 'string' },
  'oversight-url': { type: 'string' },
  'keys-file': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

/** The command line, checked; a bad one is a `UsageError` naming the flag. */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  let values: Record<string, unknown>;
  try {
    values = parseArgs({ args: [...argv], options: flags, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(
      error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error),
    );
  }
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const flag = `--${String(issue?.path[0] ?? '')}`;
    const message = issue?.message ?? 'is invalid';
    throw new UsageError(message.startsWith('--') ? message : `${flag} ${message}`);
  }
  return parsed.data;
}
