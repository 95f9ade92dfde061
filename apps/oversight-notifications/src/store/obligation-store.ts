import type { Collection, Db } from 'mongodb';
import type { Obligation } from '../domain/obligation.ts';
import { type ObligationChange, reconcile } from '../domain/reconcile.ts';

/** An obligation as stored: the domain's fields plus the sweep's bookkeeping. */
export interface ObligationDocument extends Obligation {
  _id: string;
  /** When the sweep must next look at it (due, then dereliction); null when nothing is pending. */
  nextCheckAt: Date | null;
  raisedAt: Date | null;
  derelictionRaisedAt: Date | null;
  /** A sweep's claim, so replicas running at once never handle one obligation twice. */
  lease: { owner: string; until: Date } | null;
}

export const OBLIGATIONS_COLLECTION = 'obligations';

export function obligationIdOf(o: Pick<Obligation, 'ruleId' | 'subjectKey'>): string {
  return `${o.ruleId}|${o.subjectKey}`;
}

export class ObligationStore {
  readonly collection: Collection<ObligationDocument>;

  constructor(db: Db) {
    this.collection = db.collection<ObligationDocument>(OBLIGATIONS_COLLECTION);
  }

  async ensureIndexes(): Promise<void> {
    await this.collection.createIndex({ ruleId: 1, subjectKey: 1 }, { unique: true, name: 'rule_subject' });
    // The sweep reads only what is due: its work grows with what falls due, not with all open obligations.
    await this.collection.createIndex({ state: 1, nextCheckAt: 1 }, { name: 'sweep_due' });
  }

  /** Brings the stored obligation in line with what the facts imply; answers what changed. */
  async apply(derived: Obligation): Promise<ObligationChange> {
    const _id = obligationIdOf(derived);
    const stored = await this.collection.findOne({ _id }, { projection: { state: 1, metAt: 1 } });
    const change = reconcile(stored, derived);
    switch (change.kind) {
      case 'insert': {
        const result = await this.collection.updateOne(
          { _id },
          {
            $setOnInsert: {
              ...derived,
              nextCheckAt: derived.state === 'open' ? derived.dueAt : null,
              raisedAt: null,
              derelictionRaisedAt: null,
              lease: null,
            },
          },
          { upsert: true },
        );
        // Another delivery inserted it first: judge again against what is stored.
        return result.upsertedCount === 1 ? change : this.apply(derived);
      }
      case 'meet': {
        const met = await this.collection.updateOne(
          { _id, state: 'open' },
          { $set: { state: 'met', metAt: change.metAt, metBy: derived.metBy, nextCheckAt: null } },
        );
        return met.modifiedCount === 1 ? change : { kind: 'none' };
      }
      case 'reopen': {
        const reopened = await this.collection.updateOne(
          { _id, state: 'met' },
          {
            $set: {
              ...derived,
              nextCheckAt: derived.dueAt,
              raisedAt: null,
              derelictionRaisedAt: null,
              lease: null,
            },
          },
        );
        return reopened.modifiedCount === 1 ? change : { kind: 'none' };
      }
      default:
        return change;
    }
  }

  /** Claims the most overdue open obligation whose check time passed and nobody else holds. */
  async claimDue(now: Date, owner: string, leaseMs: number): Promise<ObligationDocument | null> {
    return this.collection.findOneAndUpdate(
      { state: 'open', nextCheckAt: { $lte: now }, $or: [{ lease: null }, { 'lease.until': { $lte: now } }] },
      { $set: { lease: { owner, until: new Date(now.getTime() + leaseMs) } } },
      { sort: { nextCheckAt: 1 }, returnDocument: 'after' },
    );
  }

  /** Records what the sweep did and lets go of the claim (only if still ours). */
  async release(id: string, owner: string, done: Partial<ObligationDocument>): Promise<void> {
    await this.collection.updateOne({ _id: id, 'lease.owner': owner }, { $set: { ...done, lease: null } });
  }

  async find(ruleId: string, subjectKey: string): Promise<ObligationDocument | null> {
    return this.collection.findOne({ _id: obligationIdOf({ ruleId, subjectKey }) });
  }
}
