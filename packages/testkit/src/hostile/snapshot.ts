import { createHash } from 'node:crypto';
import { BSON, type Db } from 'mongodb';

/** Each collection's document count and a hash of its documents (order-independent). */
export type DbFingerprint = Record<string, { count: number; hash: string }>;

/**
 * A fingerprint of everything a database holds, to prove a refused request wrote nothing: any insert,
 * update or delete (idempotency records included) changes a count or a hash.
 */
export async function fingerprintOf(db: Db): Promise<DbFingerprint> {
  const collections = await db.listCollections({}, { nameOnly: true }).toArray();
  const entries = await Promise.all(
    collections
      .map((collection) => collection.name)
      .filter((name) => !name.startsWith('system.'))
      .map(async (name) => {
        const documents = await db.collection(name).find({}).toArray();
        const digests = documents
          .map((document) => createHash('sha256').update(BSON.serialize(document)).digest('hex'))
          .sort();
        const hash = createHash('sha256').update(digests.join('\n')).digest('hex');
        return [name, { count: documents.length, hash }] as const;
      }),
  );
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}

/** The collections whose content differs between two fingerprints, with their counts. */
export function changedCollections(before: DbFingerprint, after: DbFingerprint): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names]
    .filter((name) => before[name]?.hash !== after[name]?.hash)
    .map((name) => `${name} (${before[name]?.count ?? 0} -> ${after[name]?.count ?? 0} documents)`);
}
