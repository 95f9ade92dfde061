import type { MeetingView, ResolutionView, WorkgroupView } from '@enforcement/contracts';
import { isOverdue, percentDone, type Resolution } from '../domain/resolution.ts';
import type { Meeting, Workgroup } from '../domain/workgroup.ts';

/** Workgroups, meetings and resolutions as the API shows them: instants as ISO strings. */
export function meetingView(m: Meeting): MeetingView {
  return {
    id: m.id,
    workgroupId: m.workgroupId,
    number: m.number,
    heldAt: m.heldAt.toISOString(),
    minutes: m.minutes,
    recordedAt: m.recordedAt.toISOString(),
  };
}

export function workgroupView(w: Workgroup, meetings: readonly Meeting[]): WorkgroupView {
  return {
    id: w.id,
    name: w.name,
    province: w.province,
    chairAgency: w.chairAgency,
    memberAgencies: w.memberAgencies,
    createdAt: w.createdAt.toISOString(),
    meetings: meetings.map(meetingView),
  };
}

export function resolutionView(r: Resolution, now: Date): ResolutionView {
  const { completion } = r;
  return {
    id: r.id,
    version: r.version,
    workgroup: { id: r.workgroup.id, name: r.workgroup.name, chairAgency: r.workgroup.chairAgency },
    meeting: { id: r.meeting.id, number: r.meeting.number, heldAt: r.meeting.heldAt.toISOString() },
    text: r.text,
    assigneeAgency: r.assigneeAgency,
    province: r.province,
    dueAt: r.dueAt.toISOString(),
    state: r.state,
    overdue: isOverdue(r, now),
    percentDone: percentDone(r),
    progress: r.progress.map((report) => ({ ...report, at: report.at.toISOString() })),
    createdAt: r.createdAt.toISOString(),
    completion:
      completion === null
        ? null
        : {
            agency: completion.agency,
            province: completion.province,
            principalId: completion.principalId,
            completedAt: completion.completedAt.toISOString(),
            late: completion.late,
            note: completion.note,
          },
  };
}
