import type { LotCategory, ProvinceCode } from '@enforcement/contracts';
import type { Collection, Document, Long } from 'mongodb';
import { dwellSummary } from '../domain/dwell.ts';
import { type LotDocument, rialsText } from './lot-document.ts';

/** One row of the stuck-goods report: one office, one category. */
export interface DwellRow {
  officeId: string;
  province: ProvinceCode;
  category: LotCategory;
  lotsHeld: number;
  dwellDays: { p50: number; p90: number; max: number };
  pastAbandonment: number;
  valueHeldRials: string;
}

interface Group {
  _id: { officeId: string; category: LotCategory };
  province: ProvinceCode;
  lotsHeld: number;
  heldSince: Date[];
  pastAbandonment: number;
  value: Long | number;
}

/**
 * Dwell (رسوب) per office and category of the lots held now. Only held, unfinished lots carry
 * `openHeldSince`, so the scan is the sparse index's range, not the collection. The database groups
 * and sums (int64); percentiles are computed here from each group's held-since instants.
 */
export async function dwellReport(
  lots: Collection<LotDocument>,
  province: string | undefined,
  now: Date,
): Promise<DwellRow[]> {
  const match: Document = {
    openHeldSince: { $exists: true },
    ...(province === undefined ? {} : { province }),
  };
  const groups = await lots
    .aggregate<Group>([
      { $match: match },
      {
        $group: {
          _id: { officeId: '$officeId', category: '$category' },
          province: { $first: '$province' },
          lotsHeld: { $sum: 1 },
          heldSince: { $push: '$openHeldSince' },
          pastAbandonment: {
            // Absent (not held, or not yet warehoused) reads as "now", which is not past.
            $sum: { $cond: [{ $lt: [{ $ifNull: ['$heldAbandonmentDueAt', now] }, now] }, 1, 0] },
          },
          value: { $sum: '$valueRials' },
        },
      },
      { $sort: { '_id.officeId': 1, '_id.category': 1 } },
    ])
    .toArray();
  return groups.map((group) => ({
    officeId: group._id.officeId,
    province: group.province,
    category: group._id.category,
    lotsHeld: group.lotsHeld,
    dwellDays: dwellSummary(group.heldSince, now),
    pastAbandonment: group.pastAbandonment,
    valueHeldRials: rialsText(group.value),
  }));
}
