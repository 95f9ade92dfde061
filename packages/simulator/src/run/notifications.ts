import { type OversightOverview, oversightOverviewSchema } from '@enforcement/contracts';

/** What the oversight service says about notifications, before and after a run. */
export interface NotificationReport {
  /** Where the numbers come from. */
  source: 'GET /v1/stats/overview';
  /** When the service computed the snapshot read at the end (it serves snapshots up to STATS_MAX_AGE_S old). */
  generatedAt: string;
  /** Notifications raised from the start of the run to the end snapshot (UTC days counted whole); null without a start reading. */
  raisedDuringRun: number | null;
  /** Open notifications by rule at the end, and how many more than at the start. */
  openByRule: { ruleId: string; open: number; change: number | null }[];
  openBySeverity: OversightOverview['openBySeverity'];
}

export interface NotificationReadError {
  error: string;
}

/**
 * The start and end readings use different `days`: the service caches a snapshot per query for
 * STATS_MAX_AGE_S (30 s by default), so the same query at the end of a short run would answer the
 * start's numbers again.
 */
export const START_DAYS = 3;
export const END_DAYS = 2;

export async function readOverview(
  fetchImpl: typeof fetch,
  baseUrl: string,
  key: string,
  days: number,
  timeoutMs: number,
): Promise<OversightOverview> {
  const response = await fetchImpl(`${baseUrl}/v1/stats/overview?days=${days}`, {
    headers: { authorization: `Bearer ${key}`, accept: 'application/json' },
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  if (!response.ok)
    throw new Error(`GET /v1/stats/overview answered ${response.status}: ${text.slice(0, 200)}`);
  const parsed = oversightOverviewSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error('GET /v1/stats/overview answered a body unlike the contracts');
  return parsed.data;
}

function raisedSince(overview: OversightOverview, fromDay: string): number {
  return overview.trend.filter((day) => day.day >= fromDay).reduce((sum, day) => sum + day.raised, 0);
}

function openByRule(overview: OversightOverview): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of overview.openByRuleAndSeverity) {
    counts.set(entry.ruleId, (counts.get(entry.ruleId) ?? 0) + entry.count);
  }
  return counts;
}

/** The change between the readings at the start (if any) and the end of a run that began on `startDay` (UTC). */
export function notificationReport(
  start: OversightOverview | undefined,
  end: OversightOverview,
  startDay: string,
): NotificationReport {
  const before = start === undefined ? undefined : openByRule(start);
  const after = openByRule(end);
  const rules = [...new Set([...after.keys(), ...(before?.keys() ?? [])])].sort();
  return {
    source: 'GET /v1/stats/overview',
    generatedAt: end.generatedAt,
    raisedDuringRun:
      start === undefined ? null : Math.max(0, raisedSince(end, startDay) - raisedSince(start, startDay)),
    openByRule: rules.map((ruleId) => ({
      ruleId,
      open: after.get(ruleId) ?? 0,
      change: before === undefined ? null : (after.get(ruleId) ?? 0) - (before.get(ruleId) ?? 0),
    })),
    openBySeverity: end.openBySeverity,
  };
}
