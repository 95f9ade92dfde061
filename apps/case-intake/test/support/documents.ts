import type { OutboxEntry } from '@enforcement/messaging';
import type { Db } from 'mongodb';

interface RawAggregate {
  version: number;
  history: unknown[];
  /** Absent until the aggregate's first event. */
  outbox?: OutboxEntry[];
  outboxDueAt?: Date;
}

/** The aggregate's pending events, oldest first. */
export function pending(document: RawAggregate): OutboxEntry[] {
  return document.outbox ?? [];
}

/** The stored document of a case, as the relay will see it (outbox and history included). */
export async function rawCase(db: Db, caseId: string): Promise<RawAggregate & Record<string, unknown>> {
  const document = await db.collection<{ _id: string } & RawAggregate>('cases').findOne({ _id: caseId });
  if (document === null) throw new Error(`no case ${caseId} in the database`);
  return document;
}

export async function rawUnit(db: Db, unitId: string): Promise<RawAggregate & Record<string, unknown>> {
  const document = await db
    .collection<{ _id: string } & RawAggregate>('execution_units')
    .findOne({ _id: unitId });
  if (document === null) throw new Error(`no unit ${unitId} in the database`);
  return document;
}

/** Routing keys of every event waiting in any case's or unit's outbox. */
export async function allOutboxRoutingKeys(db: Db): Promise<string[]> {
  const documents = [
    ...(await db.collection<RawAggregate>('cases').find({}).toArray()),
    ...(await db.collection<RawAggregate>('execution_units').find({}).toArray()),
  ];
  return documents.flatMap((document) => pending(document).map((entry) => entry.routingKey));
}
