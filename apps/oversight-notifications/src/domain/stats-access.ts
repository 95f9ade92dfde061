import type { Member } from './audiences.ts';

/** Agencies whose national keys read every agency's scorecard: oversight and national coordination. */
export const OVERSEEING_AGENCIES: readonly string[] = ['inspection', 'anti_smuggling_hq'];

/** Which rows a caller's statistics cover; an absent field means no limit on it. */
export interface StatsScope {
  province?: string;
  agency?: string;
}

/**
 * A provincial key sees every agency of its province (the provincial workgroup's view); a national key
 * of inspection or the anti-smuggling HQ sees everything; a national key of any other agency sees its
 * own agency's record across provinces.
 */
export function statsLimitOf(member: Member): StatsScope {
  if (member.province !== undefined) return { province: member.province };
  if (OVERSEEING_AGENCIES.includes(member.agency)) return {};
  return { agency: member.agency };
}

/** The field of a query that asks for more than the caller may see, with the value it is limited to. */
export interface Overreach {
  field: keyof StatsScope;
  limit: string;
}

/**
 * The filters to run with: the caller's limits, narrowed further by what the query asks. A query
 * asking for another province or agency than the caller's limit is an overreach, not an empty answer.
 */
export function scopedFilter(limit: StatsScope, asked: StatsScope): StatsScope | Overreach {
  const filter: StatsScope = {};
  for (const field of ['province', 'agency'] as const) {
    const bound = limit[field];
    const wanted = asked[field];
    if (bound !== undefined && wanted !== undefined && wanted !== bound) return { field, limit: bound };
    const value = bound ?? wanted;
    if (value !== undefined) filter[field] = value;
  }
  return filter;
}

export function isOverreach(result: StatsScope | Overreach): result is Overreach {
  return 'field' in result && 'limit' in result;
}
