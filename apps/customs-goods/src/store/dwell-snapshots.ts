import type { Collection } from 'mongodb';
import { type DwellRow, dwellReport } from './dwell-report.ts';
import type { LotDocument } from './lot-document.ts';

/** The whole report at one instant; rows of every province. */
export interface DwellSnapshot {
  generatedAt: Date;
  rows: DwellRow[];
}

/**
 * The stuck-goods report as a read model: computing it reads every held lot (percentiles need them
 * all), so dashboards polling it would put that work on every request. A snapshot is kept for
 * `maxAgeMs` and recomputed once when a request finds it older (concurrent requests share that one
 * computation); 0 recomputes on every request. `generatedAt` tells readers how fresh it is.
 */
export class DwellSnapshots {
  readonly #lots: Collection<LotDocument>;
  readonly #maxAgeMs: number;
  #latest: DwellSnapshot | undefined;
  #computing: Promise<DwellSnapshot> | undefined;

  constructor(lots: Collection<LotDocument>, maxAgeMs: number) {
    this.#lots = lots;
    this.#maxAgeMs = maxAgeMs;
  }

  /** The report at `now` (or at most maxAgeMs older), limited to one province when given. */
  async report(now: Date, province?: string): Promise<DwellSnapshot> {
    const snapshot = this.#isFresh(now) && this.#latest ? this.#latest : await this.#compute(now);
    if (province === undefined) return snapshot;
    return {
      generatedAt: snapshot.generatedAt,
      rows: snapshot.rows.filter((row) => row.province === province),
    };
  }

  #isFresh(now: Date): boolean {
    if (this.#maxAgeMs === 0 || this.#latest === undefined) return false;
    const age = now.getTime() - this.#latest.generatedAt.getTime();
    // A clock that moved backwards (tests, NTP steps) also calls for a fresh computation.
    return age >= 0 && age <= this.#maxAgeMs;
  }

  #compute(now: Date): Promise<DwellSnapshot> {
    this.#computing ??= dwellReport(this.#lots, undefined, now)
      .then((rows) => {
        this.#latest = { generatedAt: now, rows };
        return this.#latest;
      })
      .finally(() => {
        this.#computing = undefined;
      });
    return this.#computing;
  }
}
