import type {
  AgencyCode,
  NotificationResolution,
  Severity,
  WatchedSubjectKind,
} from '@enforcement/contracts';

/** A subject a rule watches: the case, lot, transit or execution unit the obligation is about. */
export interface WatchedSubject {
  kind: WatchedSubjectKind;
  id: string;
}

/** Details the bilingual wording names (e.g. the case category, the two provinces of a transit). */
export type WordingDetails = Readonly<Record<string, string>>;

/**
 * An obligation as the facts of its subject say it stands: open (due at `dueAt`, raised by the sweep
 * when that passes) or met. One per rule and subject (`subjectKey`).
 */
export interface Obligation {
  ruleId: string;
  subjectKey: string;
  subject: WatchedSubject;
  province: string | null;
  /** The agency that must act; named in a suspected-dereliction notification. */
  responsibleAgency: AgencyCode;
  /** `agency:province` for provincial offices, `agency` for national bodies (`inspection`). */
  audiences: string[];
  severity: Severity;
  openedAt: Date;
  dueAt: Date;
  /** When unmet becomes suspected dereliction (ترک فعل); null for immediate rules, which have no period. */
  derelictAt: Date | null;
  /** When inspection joins regardless of acknowledgement (dwell past a year); null otherwise. */
  inspectionJoinsAt: Date | null;
  details: WordingDetails;
  state: 'open' | 'met';
  metAt: Date | null;
  /** Why it stopped being open; the notification resolves with the same reason. */
  metBy: NotificationResolution | null;
}
