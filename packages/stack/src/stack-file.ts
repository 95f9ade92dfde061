import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** What a running stack tells its tools (simulator, dashboard, smoke test): where and with which keys. */
export interface StackFile {
  pid: number;
  startedAt: string;
  services: Record<string, { url: string; pid: number | undefined }>;
  /** Raw keys of the tool principals only; people's keys are printed once and never stored raw. */
  keys: Record<string, string>;
}

export async function writeStackFile(path: string, stack: StackFile): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(stack, null, 2)}\n`, { mode: 0o600 });
  await chmod(path, 0o600);
}

export async function removeStackFile(path: string): Promise<void> {
  await rm(path, { force: true });
}
