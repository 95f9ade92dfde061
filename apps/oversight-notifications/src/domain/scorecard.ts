import type {
  AgencyCode,
  AgencyScorecardRow,
  AgencyScorecardSort,
  Severity,
  SeverityCounts,
} from '@enforcement/contracts';
import { DAY_MS } from './time.ts';

/**
 * Rules that alert rather than task: due the moment they open and met only when the subject closes
 * (a fuel case) or never (a quantity mismatch). No agency can meet them on time, so counting them would
 * mark every fuel case late; they stay out of the obligation columns (their open notifications count).
 */
export const alertRuleIds: readonly string[] = ['fuel_case_registered', 'transit_quantity_mismatch'];

/** The rule id of the suspected-dereliction (ترک فعل) notices; counted apart from the rules' notifications. */
export const DERELICTION_RULE_ID = 'suspected_dereliction';

/** The median: the middle value, or the mean of the two middle ones for an even count; null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] as number) + upper) / 2;
}

/** A duration in days to one decimal: a 72-hour transit late by 10 hours is 0.4 days late, not 0. */
export function daysOf(ms: number): number {
  return Math.round((ms / DAY_MS) * 10) / 10;
}

/** How the obligations of one agency in one province stand, as the database counted them. */
export interface ObligationTally {
  agency: AgencyCode;
  province: string | null;
  metOnTime: number;
  metLate: number;
  openOverdue: number;
  openNotYetDue: number;
  /** metAt - dueAt of each obligation met late. */
  lateMetMs: readonly number[];
  /** now - dueAt of each obligation open past its due time. */
  overdueOpenMs: readonly number[];
}

/** Open notifications of one agency, province and severity, counted by the database. */
export interface OpenNotificationCount {
  agency: AgencyCode;
  province: string | null;
  severity: Severity;
  /** A suspected-dereliction notice rather than a rule's own notification. */
  dereliction: boolean;
  count: number;
}

export function noSeverities(): SeverityCounts {
  return { info: 0, warning: 0, high: 0, critical: 0 };
}

function keyOf(row: { agency: string; province: string | null }): string {
  return `${row.agency}|${row.province ?? ''}`;
}

function emptyRow(agency: AgencyCode, province: string | null): AgencyScorecardRow {
  return {
    agency,
    province,
    metOnTime: 0,
    metLate: 0,
    openOverdue: 0,
    openNotYetDue: 0,
    onTimeRate: null,
    medianDaysLateMet: null,
    medianDaysOverdueOpen: null,
    openNotificationsBySeverity: noSeverities(),
    derelictionsOpen: 0,
  };
}

function roundRate(rate: number): number {
  return Math.round(rate * 1000) / 1000;
}

/**
 * One scorecard row per agency and province that has obligations or open notifications (the database
 * gives one tally per agency and province, and open counts per severity). The on-time
 * rate counts only what fell due (met on time, met late, open overdue); the two medians are kept apart,
 * since an obligation still open has not finished being late.
 */
export function scorecardRows(
  obligations: readonly ObligationTally[],
  notifications: readonly OpenNotificationCount[],
): AgencyScorecardRow[] {
  const rows = new Map<string, AgencyScorecardRow>();
  const rowOf = (agency: AgencyCode, province: string | null) => {
    const key = keyOf({ agency, province });
    const existing = rows.get(key);
    if (existing !== undefined) return existing;
    const created = emptyRow(agency, province);
    rows.set(key, created);
    return created;
  };
  for (const tally of obligations) {
    const { metOnTime, metLate, openOverdue, openNotYetDue } = tally;
    const due = metOnTime + metLate + openOverdue;
    const lateMet = median(tally.lateMetMs);
    const overdueOpen = median(tally.overdueOpenMs);
    Object.assign(rowOf(tally.agency, tally.province), {
      metOnTime,
      metLate,
      openOverdue,
      openNotYetDue,
      onTimeRate: due === 0 ? null : roundRate(metOnTime / due),
      medianDaysLateMet: lateMet === null ? null : daysOf(lateMet),
      medianDaysOverdueOpen: overdueOpen === null ? null : daysOf(overdueOpen),
    });
  }
  for (const count of notifications) {
    const row = rowOf(count.agency, count.province);
    if (count.dereliction) row.derelictionsOpen += count.count;
    else row.openNotificationsBySeverity[count.severity] += count.count;
  }
  return [...rows.values()];
}

const sortValue: Record<AgencyScorecardSort, (row: AgencyScorecardRow) => number | null> = {
  openOverdue: (row) => row.openOverdue,
  metLate: (row) => row.metLate,
  medianDaysLate: (row) => row.medianDaysLateMet,
  medianDaysOverdueOpen: (row) => row.medianDaysOverdueOpen,
  derelictionsOpen: (row) => row.derelictionsOpen,
  onTimeRate: (row) => row.onTimeRate,
};

/**
 * Rows ordered by one column; rows without a value (no median, nothing due) come last in either
 * order, and ties go by agency then province so the order is stable between requests.
 */
export function sortScorecards(
  rows: readonly AgencyScorecardRow[],
  sort: AgencyScorecardSort,
  order: 'asc' | 'desc',
): AgencyScorecardRow[] {
  const value = sortValue[sort];
  const direction = order === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      return (x - y) * direction;
    }
    return a.agency.localeCompare(b.agency) || (a.province ?? '').localeCompare(b.province ?? '');
  });
}
