import { join } from 'node:path';

/** The repository root: packages/stack/src is three levels down. */
export const repoRoot = join(import.meta.dirname, '..', '..', '..');

/** Where the local stack keeps its state between runs (`STACK_DATA_DIR`, default `.data/`). */
export function dataDirOf(env: NodeJS.ProcessEnv): string {
  return env.STACK_DATA_DIR ?? join(repoRoot, '.data');
}
