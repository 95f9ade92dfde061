import type { AgencyCode, CaseStatus } from '@enforcement/contracts';
import type { Actor, SmugglingCase } from './case.ts';
import type { CaseTransition } from './lifecycle.ts';

/**
 * One change in a case's file: who (agency and key), when, what. `seq` equals the case version the
 * change produced, so entries are ordered and a page of history is a range of versions.
 */
export interface HistoryEntry {
  seq: number;
  at: Date;
  agency: AgencyCode;
  keyId: string;
  change: 'registered' | 'note_added' | Exclude<CaseStatus, 'registered'>;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus;
  data: Record<string, unknown>;
}

/** A note an agency added to a case, kept as written. */
export interface CaseNote {
  noteId: string;
  text: string;
  addedAt: Date;
}

export function registrationEntry(kase: SmugglingCase, actor: Actor): HistoryEntry {
  return {
    seq: kase.version,
    at: kase.registeredAt,
    agency: actor.agency,
    keyId: actor.keyId,
    change: 'registered',
    fromStatus: null,
    toStatus: kase.status,
    data: {
      category: kase.category,
      discoveryReference: kase.discoveryReferenceAsWritten,
      province: kase.province,
      handlingAuthority: kase.handlingAuthority,
      totalEstimatedValueRials: kase.totalEstimatedValueRials,
    },
  };
}

export function transitionEntry(transition: CaseTransition, actor: Actor): HistoryEntry {
  const { to, ...data } = transition.step;
  return {
    seq: transition.next.version,
    at: transition.next.updatedAt,
    agency: actor.agency,
    keyId: actor.keyId,
    change: to,
    fromStatus: transition.from,
    toStatus: to,
    data,
  };
}

export function noteEntry(kase: SmugglingCase, note: CaseNote, actor: Actor): HistoryEntry {
  return {
    seq: kase.version + 1,
    at: note.addedAt,
    agency: actor.agency,
    keyId: actor.keyId,
    change: 'note_added',
    fromStatus: kase.status,
    toStatus: kase.status,
    data: { noteId: note.noteId, text: note.text },
  };
}
