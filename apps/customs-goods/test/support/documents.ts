import type { Db } from 'mongodb';

/** An outbox entry as @enforcement/messaging writes it. */
interface RawOutboxEntry {
  routingKey: string;
  attempts: number;
  event: {
    id: string;
    type: string;
    subject: { id: string };
    payload: Record<string, unknown>;
    correlationId: string;
  };
}

interface RawLot {
  version: number;
  /** Absent until the lot's first event. */
  outbox?: RawOutboxEntry[];
}

/** The lot's pending events, oldest first. */
export function pending(document: RawLot): RawOutboxEntry[] {
  return document.outbox ?? [];
}

/** The stored document of a lot, as the relay will see it. */
export async function rawLot(db: Db, lotId: string): Promise<RawLot & Record<string, unknown>> {
  const document = await db.collection<{ _id: string } & RawLot>('lots').findOne({ _id: lotId });
  if (document === null) throw new Error(`no lot ${lotId} in the database`);
  return document;
}
