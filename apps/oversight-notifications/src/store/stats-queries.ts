import type { AgencyCode, AgencyScorecardRow, OversightOverview, Severity } from '@enforcement/contracts';
import type { Collection, Db, Document, Filter } from 'mongodb';
import {
  alertRuleIds,
  DERELICTION_RULE_ID,
  noSeverities,
  type ObligationTally,
  type OpenNotificationCount,
  scorecardRows,
} from '../domain/scorecard.ts';
import type { StatsScope } from '../domain/stats-access.ts';
import { trendOf, trendWindow } from '../domain/trend.ts';
import { NOTIFICATIONS_COLLECTION, type NotificationDocument } from './notification-store.ts';
import { OBLIGATIONS_COLLECTION, type ObligationDocument } from './obligation-store.ts';

/** What a scorecard is computed over: who (province, agency), which rule, obligations due in [from, to). */
export interface ScorecardFilter extends StatsScope {
  rule?: string;
  from?: Date;
  to?: Date;
}

/** The overview is computed over one province or agency (or all), for the last `days` UTC days. */
export interface OverviewFilter extends StatsScope {
  days: number;
}

type OverviewBody = Omit<OversightOverview, 'generatedAt'>;

interface TallyGroup {
  _id: { agency: AgencyCode; province?: string | null };
  metOnTime: number;
  metLate: number;
  openOverdue: number;
  openNotYetDue: number;
  lateMetMs: unknown[];
  overdueOpenMs: unknown[];
}

interface OpenGroup {
  _id: { agency: AgencyCode; province?: string | null; severity: Severity; dereliction: boolean };
  count: number;
}

const DAY_FORMAT = '%Y-%m-%d';

const countWhere = (standing: string) => ({ $sum: { $cond: [{ $eq: ['$standing', standing] }, 1, 0] } });
// $$REMOVE makes the value missing, and $push skips missing values: only late obligations are pushed.
const pushWhere = (standing: string) => ({
  $push: { $cond: [{ $eq: ['$standing', standing] }, '$lateMs', '$$REMOVE'] },
});

function whoFilter(scope: StatsScope): Document {
  return {
    ...(scope.province === undefined ? {} : { province: scope.province }),
    ...(scope.agency === undefined ? {} : { responsibleAgency: scope.agency }),
  };
}

/** The obligations a scorecard counts: the caller's and the query's filters, alert rules left out. */
export function scorecardObligationsMatch(filter: ScorecardFilter): Filter<ObligationDocument> {
  const dueAt: Document = {
    ...(filter.from === undefined ? {} : { $gte: filter.from }),
    ...(filter.to === undefined ? {} : { $lt: filter.to }),
  };
  return {
    ...whoFilter(filter),
    ruleId: { $nin: [...alertRuleIds], ...(filter.rule === undefined ? {} : { $eq: filter.rule }) },
    ...(Object.keys(dueAt).length === 0 ? {} : { dueAt }),
  };
}

/** The open notifications a scorecard counts; with a rule, also the dereliction notices about it. */
export function openNotificationsMatch(filter: ScorecardFilter): Filter<NotificationDocument> {
  const rule: Document =
    filter.rule === undefined
      ? {}
      : {
          $or: [
            { ruleId: filter.rule },
            // A dereliction notice's subject key starts with the rule of the obligation it is about.
            { ruleId: DERELICTION_RULE_ID, subjectKey: { $regex: `^${filter.rule}\\|` } },
          ],
        };
  return { state: 'open', ...whoFilter(filter), ...rule };
}

/** Notifications raised (or resolved) in [start, end). */
export function perDayMatch(
  field: 'raisedAt' | 'resolvedAt',
  who: Document,
  start: Date,
  end: Date,
): Filter<NotificationDocument> {
  return { ...who, [field]: { $gte: start, $lt: end } };
}

/**
 * The scorecards and the overview as aggregations: the database matches, classifies and counts, and
 * only the counts (plus the lateness of late obligations, for the medians) come back to Node.
 */
export class StatsQueries {
  readonly #obligations: Collection<ObligationDocument>;
  readonly #notifications: Collection<NotificationDocument>;

  constructor(db: Db) {
    this.#obligations = db.collection<ObligationDocument>(OBLIGATIONS_COLLECTION);
    this.#notifications = db.collection<NotificationDocument>(NOTIFICATIONS_COLLECTION);
  }

  async ensureIndexes(): Promise<void> {
    // A provincial scorecard reads its province's range; agency and due window narrow it further.
    await this.#obligations.createIndex(
      { province: 1, responsibleAgency: 1, dueAt: 1 },
      { name: 'stats_scorecard' },
    );
    await this.#notifications.createIndex(
      { state: 1, province: 1, responsibleAgency: 1 },
      { name: 'stats_open' },
    );
    await this.#notifications.createIndex({ raisedAt: 1 }, { name: 'stats_raised' });
    await this.#notifications.createIndex({ resolvedAt: 1 }, { name: 'stats_resolved' });
  }

  /** One row per agency and province at `now`: obligations by standing, open notifications now. */
  async agencyScorecards(filter: ScorecardFilter, now: Date): Promise<AgencyScorecardRow[]> {
    const [tallies, open] = await Promise.all([this.#tallies(filter, now), this.#openCounts(filter)]);
    return scorecardRows(tallies, open);
  }

  /** Open notifications by rule and severity, and raised/resolved/open per UTC day, at `now`. */
  async overview(filter: OverviewFilter, now: Date): Promise<OverviewBody> {
    const window = trendWindow(now, filter.days);
    const who = whoFilter(filter);
    const [open, openAtStart, raised, resolved] = await Promise.all([
      this.#notifications
        .aggregate<{ _id: { ruleId: string; severity: Severity }; count: number }>([
          { $match: openNotificationsMatch(filter) },
          { $group: { _id: { ruleId: '$ruleId', severity: '$severity' }, count: { $sum: 1 } } },
        ])
        .toArray(),
      this.#notifications.countDocuments({
        ...who,
        raisedAt: { $lt: window.start },
        $or: [{ resolvedAt: null }, { resolvedAt: { $gte: window.start } }],
      }),
      this.#perDay('raisedAt', who, window.start, window.end),
      this.#perDay('resolvedAt', who, window.start, window.end),
    ]);
    const openByRuleAndSeverity = open
      .map((group) => ({ ruleId: group._id.ruleId, severity: group._id.severity, count: group.count }))
      .sort((a, b) => b.count - a.count || a.ruleId.localeCompare(b.ruleId));
    const openBySeverity = noSeverities();
    for (const entry of openByRuleAndSeverity) openBySeverity[entry.severity] += entry.count;
    return {
      openByRuleAndSeverity,
      openBySeverity,
      trend: trendOf(window.days, openAtStart, raised, resolved),
    };
  }

  /**
   * Obligations grouped by agency and province and classified in the database: met on time
   * (metAt <= dueAt, whoever met it), met late, open overdue (dueAt <= now), open not yet due.
   */
  async #tallies(filter: ScorecardFilter, now: Date): Promise<ObligationTally[]> {
    const standing = {
      $cond: [
        { $eq: ['$state', 'met'] },
        { $cond: [{ $lte: ['$metAt', '$dueAt'] }, 'met_on_time', 'met_late'] },
        { $cond: [{ $lte: ['$dueAt', now] }, 'open_overdue', 'open_not_yet_due'] },
      ],
    };
    const groups = await this.#obligations
      .aggregate<TallyGroup>([
        { $match: scorecardObligationsMatch(filter) },
        {
          $project: {
            _id: 0,
            agency: '$responsibleAgency',
            province: '$province',
            standing,
            // Met: how late it was met; open: how late it is now. Only late ones are kept below.
            lateMs: { $subtract: [{ $ifNull: ['$metAt', now] }, '$dueAt'] },
          },
        },
        {
          $group: {
            _id: { agency: '$agency', province: '$province' },
            metOnTime: countWhere('met_on_time'),
            metLate: countWhere('met_late'),
            openOverdue: countWhere('open_overdue'),
            openNotYetDue: countWhere('open_not_yet_due'),
            lateMetMs: pushWhere('met_late'),
            overdueOpenMs: pushWhere('open_overdue'),
          },
        },
      ])
      .toArray();
    return groups.map((group) => ({
      agency: group._id.agency,
      province: group._id.province ?? null,
      metOnTime: group.metOnTime,
      metLate: group.metLate,
      openOverdue: group.openOverdue,
      openNotYetDue: group.openNotYetDue,
      lateMetMs: group.lateMetMs.map(Number),
      overdueOpenMs: group.overdueOpenMs.map(Number),
    }));
  }

  /** Open notifications now, by agency, province and severity; suspected-dereliction notices apart. */
  async #openCounts(filter: ScorecardFilter): Promise<OpenNotificationCount[]> {
    const groups = await this.#notifications
      .aggregate<OpenGroup>([
        { $match: openNotificationsMatch(filter) },
        {
          $group: {
            _id: {
              agency: '$responsibleAgency',
              province: '$province',
              severity: '$severity',
              dereliction: { $eq: ['$ruleId', DERELICTION_RULE_ID] },
            },
            count: { $sum: 1 },
          },
        },
      ])
      .toArray();
    return groups.map((group) => ({
      agency: group._id.agency,
      province: group._id.province ?? null,
      severity: group._id.severity,
      dereliction: group._id.dereliction,
      count: group.count,
    }));
  }

  /** How many notifications have `field` (raisedAt or resolvedAt) on each UTC day in [start, end). */
  async #perDay(
    field: 'raisedAt' | 'resolvedAt',
    who: Document,
    start: Date,
    end: Date,
  ): Promise<Map<string, number>> {
    const groups = await this.#notifications
      .aggregate<{ _id: string; count: number }>([
        { $match: perDayMatch(field, who, start, end) },
        {
          $group: {
            // Without a timezone $dateToString formats in UTC: the days are UTC days.
            _id: { $dateToString: { format: DAY_FORMAT, date: `$${field}` } },
            count: { $sum: 1 },
          },
        },
      ])
      .toArray();
    return new Map(groups.map((group) => [group._id, group.count]));
  }
}
