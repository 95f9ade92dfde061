import type { AgencyCode, NotificationResolution, Severity } from '@enforcement/contracts';
import { escalationAudiences } from './audiences.ts';
import type { Obligation, WatchedSubject } from './obligation.ts';
import type { RulesConfig } from './rules-config.ts';
import { addMs, HOUR_MS } from './time.ts';
import { type Bilingual, derelictionWording, wordingOf } from './wording.ts';

export interface Acknowledgement {
  agency: AgencyCode;
  province: string | null;
  principalId: string;
  at: Date;
}

/** A notification: raised when an obligation falls due unmet; one open per rule and subject. */
export interface Notification {
  id: string;
  /** Taken from a counter at every change: feeds page by it (issue item 4). */
  seq: number;
  ruleId: string;
  subjectKey: string;
  subject: WatchedSubject;
  province: string | null;
  responsibleAgency: AgencyCode;
  severity: Severity;
  level: number;
  audiences: string[];
  title: Bilingual;
  text: Bilingual;
  dueAt: Date;
  raisedAt: Date;
  /** When the sweep escalates it next, unless acknowledged; null when nothing more is to come. */
  escalateAt: Date | null;
  /** Dwell past a year brings inspection in even when acknowledged. */
  inspectionJoinsAt: Date | null;
  state: 'open' | 'resolved';
  acknowledgements: Acknowledgement[];
  resolution: NotificationResolution | null;
  resolvedAt: Date | null;
}

function firstEscalation(raisedAt: Date, inspectionJoinsAt: Date | null, rules: RulesConfig): Date {
  const unacknowledged = addMs(raisedAt, rules.escalateUnacknowledgedHours * HOUR_MS);
  return inspectionJoinsAt !== null && inspectionJoinsAt < unacknowledged
    ? inspectionJoinsAt
    : unacknowledged;
}

/** The notification an obligation raises when it falls due unmet. */
export function notificationFor(
  o: Obligation,
  ids: { id: string; seq: number },
  now: Date,
  rules: RulesConfig,
): Notification {
  return {
    ...ids,
    ruleId: o.ruleId,
    subjectKey: o.subjectKey,
    subject: o.subject,
    province: o.province,
    responsibleAgency: o.responsibleAgency,
    severity: o.severity,
    level: 0,
    audiences: o.audiences,
    ...wordingOf(o),
    dueAt: o.dueAt,
    raisedAt: now,
    escalateAt: firstEscalation(now, o.inspectionJoinsAt, rules),
    inspectionJoinsAt: o.inspectionJoinsAt,
    state: 'open',
    acknowledgements: [],
    resolution: null,
    resolvedAt: null,
  };
}

/** The rule and subject key of the suspected-dereliction notice about one obligation. */
export function derelictionKeyOf(o: Pick<Obligation, 'ruleId' | 'subjectKey'>) {
  return { ruleId: 'suspected_dereliction', subjectKey: `${o.ruleId}|${o.subjectKey}` };
}

/** Suspected dereliction (ترک فعل): to inspection, critical, naming the agency that did not act. */
export function derelictionFor(
  o: Obligation,
  ids: { id: string; seq: number },
  now: Date,
  rules: RulesConfig,
): Notification {
  return {
    ...notificationFor(o, ids, now, rules),
    ...derelictionKeyOf(o),
    severity: 'critical',
    audiences: ['inspection'],
    ...derelictionWording(o, o.responsibleAgency),
    dueAt: o.derelictAt ?? o.dueAt,
    escalateAt: null,
    inspectionJoinsAt: null,
  };
}

/** What an escalation changes: one level up, the level's agencies join, the next bound set. */
export function escalationOf(
  n: Pick<Notification, 'level' | 'audiences'>,
  now: Date,
  rules: RulesConfig,
): { level: number; audiences: string[]; escalateAt: Date | null } | null {
  const joining = escalationAudiences[n.level];
  if (joining === undefined) return null;
  const level = n.level + 1;
  return {
    level,
    audiences: [...new Set([...n.audiences, ...joining])],
    escalateAt:
      level < escalationAudiences.length ? addMs(now, rules.escalateUnacknowledgedHours * HOUR_MS) : null,
  };
}

/**
 * After an acknowledgement the unacknowledged bound no longer applies; only a pending inspection
 * join (dwell past a year) still escalates.
 */
export function escalateAtAfterAcknowledgement(
  n: Pick<Notification, 'audiences' | 'inspectionJoinsAt'>,
): Date | null {
  return n.inspectionJoinsAt !== null && !n.audiences.includes('inspection') ? n.inspectionJoinsAt : null;
}
