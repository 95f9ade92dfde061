import type { CaseCategory, CaseStatsRow, CaseStatus, ProvinceCode } from '@enforcement/contracts';
import type { Collection, Long } from 'mongodb';
import type { CaseVisibility } from '../domain/access.ts';
import { type CaseDocument, rials } from './case-document.ts';
import { visibilityClauses } from './case-query.ts';

interface Group {
  _id: { province: ProvinceCode; category: CaseCategory; status: CaseStatus };
  cases: number;
  overdue: number;
  value: Long | number;
}

/**
 * The caseload by province, category and lifecycle stage, over the cases `scope` shows (a caller's
 * statistics visibility, narrowed to one province when asked). The database counts and sums:
 * estimated values are int64, so sums beyond 2^53 stay exact.
 */
export async function caseStats(
  cases: Collection<CaseDocument>,
  scope: CaseVisibility,
  now: Date,
): Promise<CaseStatsRow[]> {
  const clauses = visibilityClauses(scope);
  const groups = await cases
    .aggregate<Group>([
      { $match: clauses.length === 0 ? {} : { $and: clauses } },
      {
        $group: {
          _id: { province: '$province', category: '$category', status: '$status' },
          cases: { $sum: 1 },
          overdue: {
            // Only open cases carry the deadline; absent reads as "now", which is not past.
            $sum: { $cond: [{ $lt: [{ $ifNull: ['$openDeterminationDueAt', now] }, now] }, 1, 0] },
          },
          value: { $sum: '$totalEstimatedValueRials' },
        },
      },
      { $sort: { '_id.province': 1, '_id.category': 1, '_id.status': 1 } },
    ])
    .toArray();
  return groups.map((group) => ({
    ...group._id,
    cases: group.cases,
    overdue: group.overdue,
    estimatedValueRials: rials(group.value),
  }));
}
