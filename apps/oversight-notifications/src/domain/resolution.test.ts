import { describe, expect, it } from 'vitest';
import { completeResolution, isOverdue, newResolution, percentDone, reportProgress } from './resolution.ts';
import {
  isAssignee,
  isChair,
  type Meeting,
  mayCreateWorkgroup,
  mayReadWorkgroup,
  newWorkgroup,
  type Workgroup,
} from './workgroup.ts';

const now = new Date('2025-10-05T08:00:00.000Z');
const khuzestan: Workgroup = newWorkgroup(
  'wg-1',
  {
    name: 'کارگروه نظارت بر اجرای احکام قاچاق کالا و ارز',
    province: 'khuzestan',
    chairAgency: 'prosecutor',
    memberAgencies: ['customs', 'police', 'prosecutor', 'property_org'],
  },
  'key-1',
  now,
);
const national: Workgroup = { ...khuzestan, id: 'wg-n', province: null, chairAgency: 'anti_smuggling_hq' };
const meeting: Meeting = {
  id: 'm-4',
  workgroupId: 'wg-1',
  number: 4,
  heldAt: new Date('2025-10-01T06:00:00.000Z'),
  minutes: null,
  recordedAt: now,
};
const chair = { agency: 'prosecutor' as const, province: 'khuzestan' as const, principalId: 'key-1' };

function resolution(
  dueAt = '2025-11-01T00:00:00.000Z',
  assigneeAgency: 'customs' | 'prosecutor' = 'customs',
) {
  const decision = newResolution(
    khuzestan,
    meeting,
    { id: 'r-1', text: 'تعیین تکلیف کالاهای رسوبی بندر امام', assigneeAgency, dueAt: new Date(dueAt) },
    chair,
    now,
  );
  if (!decision.ok) throw new Error(decision.refusal.message);
  return decision.value;
}

describe('a workgroup', () => {
  it('keeps the chair out of its member list, where it sits anyway', () => {
    expect(khuzestan.memberAgencies).toEqual(['customs', 'police', 'property_org']);
  });

  it('is read by its members of its province, national keys of members, and inspection', () => {
    expect(mayReadWorkgroup({ agency: 'customs', province: 'khuzestan' }, khuzestan)).toBe(true);
    expect(mayReadWorkgroup({ agency: 'customs' }, khuzestan)).toBe(true);
    expect(mayReadWorkgroup({ agency: 'prosecutor', province: 'khuzestan' }, khuzestan)).toBe(true);
    expect(mayReadWorkgroup({ agency: 'inspection', province: 'khuzestan' }, khuzestan)).toBe(true);
  });

  it('is hidden from another province’s office and from agencies that do not sit in it', () => {
    expect(mayReadWorkgroup({ agency: 'customs', province: 'bushehr' }, khuzestan)).toBe(false);
    expect(mayReadWorkgroup({ agency: 'ports', province: 'khuzestan' }, khuzestan)).toBe(false);
    expect(mayReadWorkgroup({ agency: 'inspection', province: 'bushehr' }, khuzestan)).toBe(false);
  });

  it('is chaired by its chair agency of its province, or a national key; a national one only by a national key', () => {
    expect(isChair({ agency: 'prosecutor', province: 'khuzestan' }, khuzestan)).toBe(true);
    expect(isChair({ agency: 'prosecutor' }, khuzestan)).toBe(true);
    expect(isChair({ agency: 'prosecutor', province: 'bushehr' }, khuzestan)).toBe(false);
    expect(isChair({ agency: 'customs', province: 'khuzestan' }, khuzestan)).toBe(false);
    expect(isChair({ agency: 'anti_smuggling_hq' }, national)).toBe(true);
    expect(isChair({ agency: 'anti_smuggling_hq', province: 'khuzestan' }, national)).toBe(false);
  });

  it('is set up only by the agency that chairs it, within its key’s province', () => {
    expect(mayCreateWorkgroup({ agency: 'prosecutor', province: 'khuzestan' }, khuzestan)).toBe(true);
    expect(mayCreateWorkgroup({ agency: 'prosecutor', province: 'bushehr' }, khuzestan)).toBe(false);
    expect(mayCreateWorkgroup({ agency: 'customs', province: 'khuzestan' }, khuzestan)).toBe(false);
  });
});

describe('a resolution', () => {
  it('is assigned to an agency that sits in the workgroup, the chair included', () => {
    expect(resolution().assigneeAgency).toBe('customs');
    expect(resolution(undefined, 'prosecutor').workgroup.seats).toEqual([
      'prosecutor',
      'customs',
      'police',
      'property_org',
    ]);
    const outsider = newResolution(
      khuzestan,
      meeting,
      { id: 'r-2', text: 'x', assigneeAgency: 'ports', dueAt: new Date('2025-11-01T00:00:00.000Z') },
      chair,
      now,
    );
    expect(outsider).toEqual({
      ok: false,
      refusal: { field: 'body.assigneeAgency', message: 'ports does not sit in the workgroup' },
    });
  });

  it('refuses a due date not after the meeting', () => {
    const early = newResolution(
      khuzestan,
      meeting,
      { id: 'r-3', text: 'x', assigneeAgency: 'customs', dueAt: meeting.heldAt },
      chair,
      now,
    );
    expect(early.ok ? null : early.refusal.field).toBe('body.dueAt');
  });

  it('takes progress from its assignee only, of its province', () => {
    const r = resolution();
    expect(isAssignee({ agency: 'customs', province: 'khuzestan' }, r)).toBe(true);
    expect(isAssignee({ agency: 'customs', province: 'bushehr' }, r)).toBe(false);
    expect(isAssignee({ agency: 'police', province: 'khuzestan' }, r)).toBe(false);
    const report = reportProgress(
      r,
      { percent: 40, note: 'فهرست کالاها تهیه شد' },
      { ...chair, agency: 'customs' },
      now,
    );
    expect(report).toMatchObject({ ok: true, value: { agency: 'customs', percent: 40, at: now } });
    expect(percentDone(r)).toBe(0);
    expect(percentDone({ progress: [report.ok ? report.value : ({} as never)] })).toBe(40);
  });

  it('is completed on time up to its due date and late after it', () => {
    const r = resolution('2025-10-05T08:00:00.000Z');
    const onTime = completeResolution(r, { completedAt: r.dueAt, note: undefined }, chair, now);
    expect(onTime).toMatchObject({ ok: true, value: { late: false, completedAt: r.dueAt, note: null } });
    const late = completeResolution(
      resolution('2025-10-03T00:00:00.000Z'),
      { completedAt: undefined, note: 'انجام شد' },
      chair,
      now,
    );
    expect(late).toMatchObject({ ok: true, value: { late: true, completedAt: now, note: 'انجام شد' } });
  });

  it('refuses a completion in the future or before the meeting', () => {
    const r = resolution();
    const future = completeResolution(
      r,
      { completedAt: new Date('2025-10-06T00:00:00.000Z'), note: undefined },
      chair,
      now,
    );
    expect(future.ok ? null : future.refusal.field).toBe('body.completedAt');
    const before = completeResolution(
      r,
      { completedAt: new Date('2025-09-01T00:00:00.000Z'), note: undefined },
      chair,
      now,
    );
    expect(before.ok ? null : before.refusal.message).toContain('before the meeting');
  });

  it('is overdue while open from its due date on', () => {
    const r = resolution('2025-11-01T00:00:00.000Z');
    expect(isOverdue(r, new Date('2025-10-31T23:59:59.000Z'))).toBe(false);
    expect(isOverdue(r, r.dueAt)).toBe(true);
    expect(isOverdue({ ...r, state: 'completed' }, new Date('2026-01-01T00:00:00.000Z'))).toBe(false);
  });
});
