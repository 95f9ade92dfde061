import type {
  AgencyScorecardRow,
  AgencyScorecards,
  FeedNotification,
  FeedPage,
} from '@enforcement/contracts';
import { eventually } from '@enforcement/testkit';
import { query } from './http.ts';
import type { Platform } from './platform.ts';
import type { Who } from './principals.ts';

/** What a dashboard narrows its feed to. */
export interface FeedFilters {
  rule?: string;
  state?: 'open' | 'resolved';
}

/**
 * An audience's feed as its dashboard reads it, every page from the start: each notification once,
 * at its latest change, in change order.
 */
export async function readFeed(
  platform: Platform,
  who: Who,
  audience: string,
  filters: FeedFilters = {},
): Promise<FeedNotification[]> {
  const items: FeedNotification[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await platform.oversight.get<FeedPage>(
      who,
      `/v1/feeds/${audience}${query({ ...filters, after, limit: 200 })}`,
    );
    items.push(...page.items);
    if (page.upToDate || page.items.length === 0) return items;
    after = page.nextCursor;
  }
}

/** The feed's notifications about one subject (a case, lot, transit, agency office ...). */
export async function feedAbout(
  platform: Platform,
  who: Who,
  audience: string,
  subjectId: string,
  filters: FeedFilters = {},
): Promise<FeedNotification[]> {
  const items = await readFeed(platform, who, audience, filters);
  return items.filter((n) => n.subject.id === subjectId);
}

/** The one notification of `rule` about the subject in the feed, or undefined. */
export async function noticeIn(
  platform: Platform,
  who: Who,
  audience: string,
  subjectId: string,
  rule: string,
): Promise<FeedNotification | undefined> {
  return (await feedAbout(platform, who, audience, subjectId, { rule }))[0];
}

/** Reads a feed until the notice about the subject is in the state `check` wants (bounded). */
export function untilNotice(
  platform: Platform,
  who: Who,
  audience: string,
  subjectId: string,
  rule: string,
  check: (n: FeedNotification | undefined) => boolean,
): Promise<FeedNotification | undefined> {
  return eventually(() => noticeIn(platform, who, audience, subjectId, rule), check);
}

/** One agency's scorecard row for a rule in a province (`GET /v1/stats/agencies`). */
export async function scorecard(
  platform: Platform,
  who: Who,
  filters: { agency: string; province: string; rule: string },
): Promise<AgencyScorecardRow | undefined> {
  const { rows } = await platform.oversight.get<AgencyScorecards>(who, `/v1/stats/agencies${query(filters)}`);
  return rows.find((row) => row.agency === filters.agency && row.province === filters.province);
}

/** Reads a scorecard row until it satisfies `check` (bounded); answers the last row read. */
export function untilScorecard(
  platform: Platform,
  who: Who,
  filters: { agency: string; province: string; rule: string },
  check: (row: AgencyScorecardRow | undefined) => boolean,
): Promise<AgencyScorecardRow | undefined> {
  return eventually(() => scorecard(platform, who, filters), check);
}

/**
 * Waits (bounded) until oversight watches `count` open, not yet due obligations of the rule: the
 * events of the step just taken have reached it, so moving the clock now moves their deadlines.
 */
export function untilWatched(
  platform: Platform,
  who: Who,
  filters: { agency: string; province: string; rule: string },
  count = 1,
): Promise<AgencyScorecardRow | undefined> {
  return untilScorecard(platform, who, filters, (row) => row?.openNotYetDue === count);
}
