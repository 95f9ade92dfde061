import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { type ApiKeyRecord, apiKeyRecordsSchema, hashApiKey } from '@enforcement/service-kit';
import { z } from 'zod';
import type { DemoPrincipal } from './demo-principals.ts';

/** The keys of a stack: records for the services (hashed) and, for its tools only, their raw keys. */
export interface DemoKeys {
  records: ApiKeyRecord[];
  /** Raw keys made in this run (printed once); empty when the keys were made by an earlier run. */
  fresh: Record<string, string>;
  /** Raw keys of the tool principals, which the stack's own tools need on every run. */
  tools: Record<string, string>;
}

const toolKeysSchema = z.record(z.string(), z.string().min(20));

function recordOf(keyId: string, principal: DemoPrincipal, raw: string): ApiKeyRecord {
  return {
    keyId,
    sha256: hashApiKey(raw),
    agency: principal.agency,
    ...(principal.province === undefined ? {} : { province: principal.province }),
    scopes: [...principal.scopes],
  };
}

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`${path} is not readable JSON; delete it to make new demo keys`, { cause: error });
  }
}

/** Writes a file only its owner may read: it holds credentials. */
async function writePrivate(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  await chmod(path, 0o600);
}

/**
 * Loads the stack's keys, or makes them on the first run: one random key per principal, stored as
 * SHA-256 records in `recordsPath` (the services' API_KEYS_FILE). Principals added since the last run
 * get keys too; the raw keys of tool principals go to `toolKeysPath` for the stack's tools.
 */
export async function ensureDemoKeys(
  paths: { recordsPath: string; toolKeysPath: string },
  principals: { demo: Record<string, DemoPrincipal>; tools: Record<string, DemoPrincipal> },
): Promise<DemoKeys> {
  const storedRecords = await readJson(paths.recordsPath);
  const records = storedRecords === undefined ? [] : apiKeyRecordsSchema.parse(storedRecords);
  const storedTools = await readJson(paths.toolKeysPath);
  const tools = storedTools === undefined ? {} : toolKeysSchema.parse(storedTools);
  const known = new Set(records.map((record) => record.keyId));
  const fresh: Record<string, string> = {};
  let changed = storedRecords === undefined;

  for (const [keyId, principal] of Object.entries({ ...principals.demo, ...principals.tools })) {
    const isTool = keyId in principals.tools;
    // A tool whose raw key was lost gets a new one; a person's key is never recoverable, by design.
    if (known.has(keyId) && (!isTool || tools[keyId] !== undefined)) continue;
    const raw = `demo_${randomBytes(24).toString('base64url')}`;
    const index = records.findIndex((record) => record.keyId === keyId);
    if (index >= 0) records.splice(index, 1);
    records.push(recordOf(keyId, principal, raw));
    if (isTool) tools[keyId] = raw;
    else fresh[keyId] = raw;
    changed = true;
  }
  if (changed) {
    await writePrivate(paths.recordsPath, records);
    await writePrivate(paths.toolKeysPath, tools);
  }
  return { records, fresh, tools };
}
