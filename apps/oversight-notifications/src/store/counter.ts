import type { Collection, Db } from 'mongodb';

interface CounterDocument {
  _id: string;
  value: number;
}

/**
 * Strictly increasing numbers from one counter document: every change of a notification takes the next
 * `seq`, so a feed can later page by audience with a cursor that never skips a change.
 */
export class Counter {
  readonly #counters: Collection<CounterDocument>;

  readonly name: string;

  constructor(db: Db, name: string) {
    this.name = name;
    this.#counters = db.collection<CounterDocument>('counters');
  }

  async next(): Promise<number> {
    const document = await this.#counters.findOneAndUpdate(
      { _id: this.name },
      { $inc: { value: 1 } },
      { upsert: true, returnDocument: 'after' },
    );
    if (document === null) throw new Error(`counter ${this.name} did not answer`);
    return document.value;
  }
}
