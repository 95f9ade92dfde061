import type { Collection, Db } from 'mongodb';
import type { Facts, FactUpdate, FactValue } from '../domain/facts.ts';

interface FactsDocument {
  _id: string;
  attributes: Record<string, FactValue>;
  times: Record<string, Date>;
}

export const FACTS_COLLECTION = 'subject_facts';

/** The facts of each watched subject (domain/facts.ts): `$set` for attributes, `$min` for times. */
export class FactsStore {
  readonly #facts: Collection<FactsDocument>;

  constructor(db: Db) {
    this.#facts = db.collection<FactsDocument>(FACTS_COLLECTION);
  }

  /** Merges an event's facts and answers everything now known of the subject, in one round trip. */
  async merge(update: FactUpdate): Promise<Facts> {
    const set = Object.fromEntries(
      Object.entries(update.attributes).map(([name, value]) => [`attributes.${name}`, value]),
    );
    const min = Object.fromEntries(Object.entries(update.times).map(([name, at]) => [`times.${name}`, at]));
    const document = await this.#facts.findOneAndUpdate(
      { _id: update.subjectKey },
      { $set: set, $min: min },
      { upsert: true, returnDocument: 'after' },
    );
    return { attributes: document?.attributes ?? {}, times: document?.times ?? {} };
  }
}
