import type { AgencyCode, Severity } from '@enforcement/contracts';
import type { Facts } from './facts.ts';
import type { Obligation, WatchedSubject, WordingDetails } from './obligation.ts';
import type { RulesConfig } from './rules-config.ts';
import { addMs } from './time.ts';

/** What a rule decides about one subject; the rest of an Obligation follows from it. */
export interface ObligationSpec {
  ruleId: string;
  subject: WatchedSubject;
  province: string | null;
  responsibleAgency: AgencyCode;
  audiences: string[];
  severity: Severity;
  openedAt: Date;
  /** The rule's period in ms; 0 for immediate rules (due at once, no dereliction point). */
  periodMs: number;
  /** Extra time the law allows before dereliction is suspected (an extension of the period). */
  graceMs?: number;
  inspectionJoinsAt?: Date | null;
  details: WordingDetails;
  /** When the fulfilling event happened, if it did. */
  metAt: Date | undefined;
  metBy?: 'obligation_met' | 'subject_closed';
}

export function subjectKeyOf(subject: WatchedSubject): string {
  return `${subject.kind}:${subject.id}`;
}

export function buildObligation(spec: ObligationSpec, rules: RulesConfig): Obligation {
  const { periodMs, openedAt } = spec;
  const met = spec.metAt !== undefined;
  return {
    ruleId: spec.ruleId,
    subjectKey: subjectKeyOf(spec.subject),
    subject: spec.subject,
    province: spec.province,
    responsibleAgency: spec.responsibleAgency,
    audiences: [...new Set(spec.audiences)],
    severity: spec.severity,
    openedAt,
    dueAt: addMs(openedAt, periodMs),
    derelictAt:
      periodMs === 0 ? null : addMs(openedAt, rules.derelictionFactor * (periodMs + (spec.graceMs ?? 0))),
    inspectionJoinsAt: spec.inspectionJoinsAt ?? null,
    details: spec.details,
    state: met ? 'met' : 'open',
    metAt: spec.metAt ?? null,
    metBy: met ? (spec.metBy ?? 'obligation_met') : null,
  };
}

/** The provincial office of an agency, as an audience: `prosecutor:khuzestan`. */
export function provincial(agency: AgencyCode, province: string): string {
  return `${agency}:${province}`;
}

export function timeOf(facts: Facts, name: string): Date | undefined {
  return facts.times[name];
}
