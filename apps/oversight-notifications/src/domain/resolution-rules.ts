import type { AgencyCode, ProvinceCode } from '@enforcement/contracts';
import { provincial, subjectKeyOf } from './build-obligation.ts';
import { derelictionKeyOf, type Notification } from './notification.ts';
import type { Obligation, WatchedSubject } from './obligation.ts';
import type { Resolution } from './resolution.ts';
import type { RulesConfig } from './rules-config.ts';
import { repeatedOverdueWording } from './wording.ts';

export const RESOLUTION_OVERDUE = 'resolution_overdue';

/** How much of the resolution's text a notification quotes. */
const EXCERPT_LENGTH = 120;

function excerptOf(text: string): string {
  return text.length <= EXCERPT_LENGTH ? text : `${text.slice(0, EXCERPT_LENGTH)}…`;
}

/** An agency's office as an audience: provincial for a provincial workgroup, the agency for a national one. */
function officeOf(agency: AgencyCode, province: ProvinceCode | null): string {
  return province === null ? agency : provincial(agency, province);
}

/**
 * `resolution_overdue`: a resolution not done by its due date goes to the assignee agency and the
 * workgroup chair, due at the due date itself. The resolution's own period is whatever the
 * workgroup chose (a week, a year), so "twice the period" says nothing here: dereliction comes from
 * repeated overdue resolutions of one agency instead (see `repeatedOverdueNotice`), hence no
 * `derelictAt`.
 */
export function resolutionObligation(resolution: Resolution): Obligation {
  const subject: WatchedSubject = { kind: 'resolution', id: resolution.id };
  const completedAt = resolution.completion?.completedAt ?? null;
  const offices = [resolution.assigneeAgency, resolution.workgroup.chairAgency].map((agency) =>
    officeOf(agency, resolution.province),
  );
  return {
    ruleId: RESOLUTION_OVERDUE,
    subjectKey: subjectKeyOf(subject),
    subject,
    province: resolution.province,
    responsibleAgency: resolution.assigneeAgency,
    audiences: [...new Set(offices)],
    severity: 'warning',
    openedAt: resolution.createdAt,
    dueAt: resolution.dueAt,
    derelictAt: null,
    inspectionJoinsAt: null,
    details: {
      workgroup: resolution.workgroup.name,
      meeting: String(resolution.meeting.number),
      excerpt: excerptOf(resolution.text),
    },
    state: completedAt === null ? 'open' : 'met',
    metAt: completedAt,
    metBy: completedAt === null ? null : 'obligation_met',
  };
}

/** The overdue resolutions of one agency in one province (or nationally): their due dates. */
export interface OverdueTally {
  agency: AgencyCode;
  province: ProvinceCode | null;
  dueAts: Date[];
}

/** The agency's office a repeated-overdue notice is about: `customs:khuzestan`, or `customs` nationally. */
export function agencySubject(agency: AgencyCode, province: ProvinceCode | null): WatchedSubject {
  return { kind: 'agency', id: province === null ? agency : `${agency}:${province}` };
}

/** Rule and subject key of the notice: `suspected_dereliction` / `resolution_overdue|agency:customs:khuzestan`. */
export function repeatedOverdueKey(agency: AgencyCode, province: ProvinceCode | null) {
  return derelictionKeyOf({
    ruleId: RESOLUTION_OVERDUE,
    subjectKey: subjectKeyOf(agencySubject(agency, province)),
  });
}

/**
 * When the agency's overdue resolutions first reached the threshold (the due date of the one that
 * made the count), or null while they are fewer.
 */
export function thresholdReachedAt(tally: OverdueTally, rules: RulesConfig): Date | null {
  const threshold = rules.overdueResolutionsForDereliction;
  if (tally.dueAts.length < threshold) return null;
  const ordered = [...tally.dueAts].sort((a, b) => a.getTime() - b.getTime());
  return ordered[threshold - 1] ?? null;
}

/**
 * Suspected dereliction (ترک فعل) for repeated overdue resolutions: one notice per agency office, to
 * inspection, critical, naming the agency; null while the agency has fewer overdue than the threshold.
 */
export function repeatedOverdueNotice(
  tally: OverdueTally,
  ids: { id: string; seq: number },
  now: Date,
  rules: RulesConfig,
): Notification | null {
  const since = thresholdReachedAt(tally, rules);
  if (since === null) return null;
  return {
    ...ids,
    ...repeatedOverdueKey(tally.agency, tally.province),
    subject: agencySubject(tally.agency, tally.province),
    province: tally.province,
    responsibleAgency: tally.agency,
    severity: 'critical',
    level: 0,
    audiences: ['inspection'],
    ...repeatedOverdueWording(tally.agency, tally.province, tally.dueAts.length, since),
    dueAt: since,
    raisedAt: now,
    escalateAt: null,
    inspectionJoinsAt: null,
    state: 'open',
    acknowledgements: [],
    resolution: null,
    resolvedAt: null,
  };
}
