import type { OutboxEntry } from '@enforcement/messaging';
import type { Db } from 'mongodb';

interface RawLot {
  version: number;
  /** Absent until the lot's first event. */
  outbox?: OutboxEntry[];
}

/** The lot's pending events, oldest first. */
export function pending(document: RawLot): OutboxEntry[] {
  return document.outbox ?? [];
}

/** The stored document of a lot, as the relay will see it. */
export async function rawLot(db: Db, lotId: string): Promise<RawLot & Record<string, unknown>> {
  const document = await db.collection<{ _id: string } & RawLot>('lots').findOne({ _id: lotId });
  if (document === null) throw new Error(`no lot ${lotId} in the database`);
  return document;
}
