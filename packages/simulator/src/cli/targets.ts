import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ServiceName } from '@enforcement/contracts';
import { z } from 'zod';
import type { SimulatorPrincipalName } from '../principals.ts';
import { type CliArgs, UsageError } from './args.ts';

/** The repository root: packages/simulator/src/cli is four levels down. */
const repoRoot = join(import.meta.dirname, '..', '..', '..', '..');

/** Where `npm start` describes the running stack (`STACK_DATA_DIR`, default `.data/`). */
export function stackFilePath(env: NodeJS.ProcessEnv): string {
  return join(env.STACK_DATA_DIR ?? join(repoRoot, '.data'), 'stack.json');
}

const serviceSchema = z.object({ url: z.string() });

/** The part of `.data/stack.json` the simulator reads; the stack writes more. */
const stackFileSchema = z.object({
  services: z.object({
    'case-intake': serviceSchema.optional(),
    'customs-goods': serviceSchema.optional(),
    'oversight-notifications': serviceSchema.optional(),
  }),
  keys: z.record(z.string(), z.string()).default({}),
});

const keysFileSchema = z.record(z.string(), z.string().min(1));

export interface Targets {
  targets: Record<ServiceName, string>;
  keys: Partial<Record<SimulatorPrincipalName, string>>;
  /** Where they came from, for the first line of output. */
  from: string;
}

async function readJson(path: string, what: string): Promise<unknown | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UsageError(`${what} ${path} is not readable (${(error as Error).message})`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(`${what} ${path} is not JSON`);
  }
}

/**
 * Service URLs and keys: flags and SIMULATOR_KEYS_FILE first, then what `npm start` wrote to
 * `.data/stack.json`. Missing either is a one-line `UsageError` saying what to do.
 */
export async function resolveTargets(args: CliArgs, env: NodeJS.ProcessEnv): Promise<Targets> {
  const stackPath = stackFilePath(env);
  const rawStack = await readJson(stackPath, 'the stack file');
  const stack = rawStack === undefined ? undefined : stackFileSchema.safeParse(rawStack);
  if (stack !== undefined && !stack.success)
    throw new UsageError(`the stack file ${stackPath} is not one npm start wrote`);
  const fromStack = stack?.data;

  const keysPath = args['keys-file'] ?? env.SIMULATOR_KEYS_FILE;
  let keys: Record<string, string> | undefined = fromStack?.keys;
  if (keysPath !== undefined) {
    const raw = await readJson(keysPath, 'the keys file');
    if (raw === undefined) throw new UsageError(`the keys file ${keysPath} does not exist`);
    const parsed = keysFileSchema.safeParse(raw);
    if (!parsed.success)
      throw new UsageError(`the keys file ${keysPath} must be a JSON object of principal name to raw key`);
    keys = parsed.data;
  }

  const targets = {
    'case-intake': args['case-intake-url'] ?? fromStack?.services['case-intake']?.url,
    'customs-goods': args['customs-goods-url'] ?? fromStack?.services['customs-goods']?.url,
    'oversight-notifications': args['oversight-url'] ?? fromStack?.services['oversight-notifications']?.url,
  };
  const missingUrls = Object.entries(targets)
    .filter(([, value]) => value === undefined)
    .map(([service]) => `--${service === 'oversight-notifications' ? 'oversight' : service}-url`);
  if (missingUrls.length > 0 || keys === undefined) {
    if (fromStack === undefined) {
      throw new UsageError(
        `no running stack (${stackPath} not found): run \`npm start\` first, or pass --case-intake-url, --customs-goods-url, --oversight-url and SIMULATOR_KEYS_FILE`,
      );
    }
    throw new UsageError(`missing ${missingUrls.join(', ') || 'API keys (SIMULATOR_KEYS_FILE)'}`);
  }
  return {
    targets: targets as Record<ServiceName, string>,
    keys: keys as Partial<Record<SimulatorPrincipalName, string>>,
    from: fromStack !== undefined ? stackPath : 'flags',
  };
}
