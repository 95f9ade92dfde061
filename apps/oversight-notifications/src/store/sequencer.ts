import type { Collection, Db } from 'mongodb';

interface Reservation {
  seq: number;
  /** Wall-clock bound: a writer that died holding a number stops holding back readers after it. */
  until: Date;
}

interface SequencerDocument {
  _id: string;
  value: number;
  inflight: Reservation[];
}

/** How long a reserved number may stay unwritten before readers stop waiting for it. */
export const DEFAULT_RESERVATION_MS = 30_000;

/**
 * Strictly increasing numbers for the changes of one collection, and a watermark under which no change
 * can still appear. A writer reserves a number (recorded as in flight in the same atomic update), writes
 * its change carrying it, and releases it. A reader that pages `seq <= watermark()` therefore never
 * passes a number whose write has not landed yet, so a resumed cursor skips nothing even when writes of
 * several replicas commit out of order.
 */
export class Sequencer {
  readonly #documents: Collection<SequencerDocument>;
  readonly #reservationMs: number;

  readonly name: string;

  constructor(db: Db, name: string, reservationMs = DEFAULT_RESERVATION_MS) {
    this.name = name;
    this.#reservationMs = reservationMs;
    this.#documents = db.collection<SequencerDocument>('sequences');
  }

  /** Runs `write` with the next number reserved; the number is released however `write` ends. */
  async around<T>(write: (seq: number) => Promise<T>): Promise<T> {
    const seq = await this.#reserve();
    try {
      return await write(seq);
    } finally {
      await this.#documents.updateOne({ _id: this.name }, { $pull: { inflight: { seq } } });
    }
  }

  /** The highest number below every reservation still in flight: all changes up to it have landed. */
  async watermark(): Promise<number> {
    const document = await this.#documents.findOne({ _id: this.name });
    if (document === null) return 0;
    const now = Date.now();
    const live = (document.inflight ?? []).filter((r) => r.until.getTime() > now).map((r) => r.seq);
    return live.length === 0 ? document.value : Math.min(...live) - 1;
  }

  async #reserve(): Promise<number> {
    const now = new Date();
    const until = new Date(now.getTime() + this.#reservationMs);
    // A pipeline update: take the next value and record it in flight in one atomic step, dropping
    // reservations whose writers died long ago.
    const document = await this.#documents.findOneAndUpdate(
      { _id: this.name },
      [
        { $set: { value: { $add: [{ $ifNull: ['$value', 0] }, 1] } } },
        {
          $set: {
            inflight: {
              $concatArrays: [
                {
                  $filter: {
                    input: { $ifNull: ['$inflight', []] },
                    cond: { $gt: ['$$this.until', now] },
                  },
                },
                [{ seq: '$value', until }],
              ],
            },
          },
        },
      ],
      { upsert: true, returnDocument: 'after' },
    );
    if (document === null) throw new Error(`sequence ${this.name} did not answer`);
    return document.value;
  }
}
