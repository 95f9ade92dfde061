import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Principal } from './principal.ts';

/** SHA-256 of the raw bearer token, lowercase hex: the only form in which keys are stored. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** One stored key: who it identifies and the hash of its secret (never the secret itself). */
export const apiKeyRecordSchema = z.strictObject({
  keyId: z.string().min(1),
  sha256: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, { error: 'must be 64 hex characters (the SHA-256 of the key)' })
    .transform((hash) => hash.toLowerCase()),
  agency: z.string().min(1),
  province: z.string().min(1).optional(),
  scopes: z.array(z.string().min(1)),
});
export type ApiKeyRecord = z.infer<typeof apiKeyRecordSchema>;

export const apiKeyRecordsSchema = z.array(apiKeyRecordSchema).superRefine((records, ctx) => {
  const seen = new Set<string>();
  for (const record of records) {
    if (seen.has(record.keyId))
      ctx.addIssue({ code: 'custom', message: `has duplicate keyId ${record.keyId}` });
    seen.add(record.keyId);
  }
});

/** Finds the principal owning a key hash; a MongoDB-backed store can implement the same contract. */
export interface ApiKeyStore {
  findByHash(sha256: string): Promise<Principal | undefined>;
}

/**
 * Keys held in a Map keyed by hash. Looking up by hash does not leak timing about the key itself:
 * an attacker controls the input of SHA-256, not the bytes compared, so no constant-time compare is needed.
 */
export class InMemoryApiKeyStore implements ApiKeyStore {
  readonly #byHash: Map<string, Principal>;

  constructor(records: readonly ApiKeyRecord[]) {
    this.#byHash = new Map(
      records.map((record) => [
        record.sha256,
        {
          keyId: record.keyId,
          agency: record.agency,
          scopes: [...record.scopes],
          ...(record.province === undefined ? {} : { province: record.province }),
        },
      ]),
    );
  }

  async findByHash(sha256: string): Promise<Principal | undefined> {
    return this.#byHash.get(sha256);
  }
}
