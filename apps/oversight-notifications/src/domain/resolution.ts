import type { AgencyCode, ProvinceCode } from '@enforcement/contracts';
import { type Meeting, seatsOf, type Workgroup } from './workgroup.ts';

/** Who did something on a resolution: the agency, the province of its key (null: national), the key. */
export interface ActingPrincipal {
  agency: AgencyCode;
  province: ProvinceCode | null;
  principalId: string;
}

/** The assignee agency's account of how far it got. */
export interface ProgressReport extends ActingPrincipal {
  at: Date;
  percent: number;
  note: string;
}

export interface Completion extends ActingPrincipal {
  completedAt: Date;
  /** Done after its due date. */
  late: boolean;
  note: string | null;
}

/**
 * A workgroup resolution (مصوبه): decided at a meeting, assigned to one member agency, due at a date;
 * the assignee reports progress and the chair closes it as done. It carries what its access rules
 * and notifications need of its workgroup and meeting, which do not change once recorded.
 */
export interface Resolution {
  id: string;
  version: number;
  workgroup: { id: string; name: string; chairAgency: AgencyCode; seats: AgencyCode[] };
  meeting: { id: string; number: number; heldAt: Date };
  text: string;
  assigneeAgency: AgencyCode;
  /** The workgroup's province; null for a national workgroup. */
  province: ProvinceCode | null;
  dueAt: Date;
  createdAt: Date;
  createdBy: ActingPrincipal;
  state: 'open' | 'completed';
  progress: ProgressReport[];
  completion: Completion | null;
}

/** Why the domain refused a change: the body field at fault and what is wrong with it. */
export interface Refusal {
  field: string;
  message: string;
}

export type Decision<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

const refuse = <T>(field: string, message: string): Decision<T> => ({
  ok: false,
  refusal: { field, message },
});

/** A resolution keeps at most this many progress reports; enough for weekly reports over years. */
export const MAX_PROGRESS_REPORTS = 500;

export function newResolution(
  workgroup: Workgroup,
  meeting: Meeting,
  input: { id: string; text: string; assigneeAgency: AgencyCode; dueAt: Date },
  by: ActingPrincipal,
  now: Date,
): Decision<Resolution> {
  const seats = seatsOf(workgroup);
  if (!seats.includes(input.assigneeAgency))
    return refuse('body.assigneeAgency', `${input.assigneeAgency} does not sit in the workgroup`);
  if (input.dueAt <= meeting.heldAt) return refuse('body.dueAt', 'must be after the meeting');
  return {
    ok: true,
    value: {
      id: input.id,
      version: 1,
      workgroup: { id: workgroup.id, name: workgroup.name, chairAgency: workgroup.chairAgency, seats },
      meeting: { id: meeting.id, number: meeting.number, heldAt: meeting.heldAt },
      text: input.text,
      assigneeAgency: input.assigneeAgency,
      province: workgroup.province,
      dueAt: input.dueAt,
      createdAt: now,
      createdBy: by,
      state: 'open',
      progress: [],
      completion: null,
    },
  };
}

/** A meeting is recorded once held. */
export function checkMeetingTime(heldAt: Date, now: Date): Refusal | null {
  return heldAt > now ? { field: 'body.heldAt', message: 'must not be in the future' } : null;
}

export function reportProgress(
  resolution: Resolution,
  input: { percent: number; note: string },
  by: ActingPrincipal,
  now: Date,
): Decision<ProgressReport> {
  if (resolution.progress.length >= MAX_PROGRESS_REPORTS)
    return refuse('body', `a resolution keeps at most ${MAX_PROGRESS_REPORTS} progress reports`);
  return { ok: true, value: { ...by, at: now, percent: input.percent, note: input.note } };
}

/** Completion may be recorded after the fact, but not before the meeting nor in the future. */
export function completeResolution(
  resolution: Resolution,
  input: { completedAt: Date | undefined; note: string | undefined },
  by: ActingPrincipal,
  now: Date,
): Decision<Completion> {
  const completedAt = input.completedAt ?? now;
  if (completedAt > now) return refuse('body.completedAt', 'must not be in the future');
  if (completedAt < resolution.meeting.heldAt)
    return refuse('body.completedAt', 'must not be before the meeting that made the resolution');
  return {
    ok: true,
    value: { ...by, completedAt, late: completedAt > resolution.dueAt, note: input.note ?? null },
  };
}

/** Open at or past its due date: the moment the sweep raises `resolution_overdue`. */
export function isOverdue(resolution: Pick<Resolution, 'state' | 'dueAt'>, now: Date): boolean {
  return resolution.state === 'open' && resolution.dueAt <= now;
}

/** How far the assignee says it got: its latest report. */
export function percentDone(resolution: Pick<Resolution, 'progress'>): number {
  return resolution.progress.at(-1)?.percent ?? 0;
}
