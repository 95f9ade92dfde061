import { Snapshots } from '@enforcement/service-kit';
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
 * all), so one national snapshot is kept for `maxAgeMs` (see service-kit's Snapshots) and a
 * province's report is its rows of that snapshot.
 */
export class DwellSnapshots {
  readonly #lots: Collection<LotDocument>;
  readonly #snapshots: Snapshots;

  constructor(lots: Collection<LotDocument>, maxAgeMs: number) {
    this.#lots = lots;
    this.#snapshots = new Snapshots(maxAgeMs, 1);
  }

  /** The report at `now` (or at most maxAgeMs older), limited to one province when given. */
  async report(now: Date, province?: string): Promise<DwellSnapshot> {
    const snapshot = await this.#snapshots.get('dwell', now, (at) => dwellReport(this.#lots, undefined, at));
    const rows =
      province === undefined ? snapshot.value : snapshot.value.filter((row) => row.province === province);
    return { generatedAt: snapshot.generatedAt, rows };
  }
}
