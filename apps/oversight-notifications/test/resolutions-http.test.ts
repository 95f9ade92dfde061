import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.ts';
import { requests } from './support/resolutions.ts';

let t: TestApp;
let r: ReturnType<typeof requests>;
beforeAll(async () => {
  t = await startTestApp('resolutions-http');
  r = requests(t);
});
afterAll(async () => {
  await t.close();
});
beforeEach(() => {
  t.clock.now = new Date('2025-01-10T00:00:00.000Z');
});

const DUE = '2025-02-01T00:00:00.000Z';

async function outboxTypes(resolutionId: string) {
  const stored = await t.stores.resolutions.collection.findOne({ _id: resolutionId });
  return stored?.outbox?.map((entry) => entry.event.type);
}

describe('workgroups and their meetings', () => {
  it('lets the chair set up a provincial workgroup and record its meetings in number order', async () => {
    const response = await r.post('wgChair', '/v1/workgroups', {
      name: 'کارگروه نظارت بر اجرای احکام',
      province: 'khuzestan',
      chairAgency: 'prosecutor',
      memberAgencies: ['customs', 'prosecutor', 'police'],
    });
    expect(response.statusCode).toBe(201);
    const workgroup = response.json<{ id: string }>();
    expect(response.headers.location).toBe(`/v1/workgroups/${workgroup.id}`);
    expect(workgroup).toMatchObject({
      province: 'khuzestan',
      chairAgency: 'prosecutor',
      memberAgencies: ['customs', 'police'],
      meetings: [],
    });
    const meetings = `/v1/workgroups/${workgroup.id}/meetings`;
    const first = await r.post('wgChair', meetings, { heldAt: '2025-01-05T06:00:00.000Z' });
    expect(first.json()).toMatchObject({ number: 1, minutes: null });
    expect(
      (await r.post('wgChair', meetings, { number: 4, heldAt: '2025-01-08T06:00:00Z' })).statusCode,
    ).toBe(201);
    const taken = await r.post('wgChair', meetings, { number: 4, heldAt: '2025-01-09T06:00:00Z' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'MEETING_NUMBER_TAKEN' });
    const next = await r.post('wgChair', meetings, { heldAt: '2025-01-09T06:00:00Z', minutes: 'صورتجلسه' });
    expect(next.json()).toMatchObject({ number: 5, minutes: 'صورتجلسه' });

    const read = await r.get('wgCustoms', `/v1/workgroups/${workgroup.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json<{ meetings: { number: number }[] }>().meetings.map((m) => m.number)).toEqual([1, 4, 5]);
  });

  it('is set up only by the agency chairing it, in its own province, with the manage scope', async () => {
    const body = {
      name: 'کارگروه',
      province: 'khuzestan',
      chairAgency: 'prosecutor',
      memberAgencies: ['customs'],
    };
    const otherChair = await r.post('wgChair', '/v1/workgroups', { ...body, chairAgency: 'governorate' });
    expect(otherChair.statusCode).toBe(403);
    expect(otherChair.json()).toMatchObject({ code: 'WORKGROUP_CHAIR_ONLY' });
    expect((await r.post('wgChair', '/v1/workgroups', { ...body, province: 'bushehr' })).statusCode).toBe(
      403,
    );
    expect((await r.post('wgChair', '/v1/workgroups', { ...body, province: null })).statusCode).toBe(403);
    const noScope = await r.post('wgChairReadOnly', '/v1/workgroups', body);
    expect(noScope.statusCode).toBe(403);
    expect(noScope.json()).toMatchObject({ code: 'INSUFFICIENT_SCOPE' });
  });

  it('is seen by its members and inspection, and by nobody else', async () => {
    const { workgroupId } = await r.workgroupWithMeeting();
    const url = `/v1/workgroups/${workgroupId}`;
    for (const who of ['wgChair', 'wgCustoms', 'wgPolice', 'wgInspection', 'wgCustomsNational'] as const) {
      expect((await r.get(who, url)).statusCode, who).toBe(200);
    }
    for (const who of ['wgPorts', 'wgCustomsBushehr'] as const) {
      const hidden = await r.get(who, url);
      expect(hidden.statusCode, who).toBe(404);
      expect(hidden.json()).toMatchObject({ code: 'WORKGROUP_NOT_FOUND' });
    }
    expect((await r.get('wgCustoms', '/v1/workgroups/no-such-workgroup')).statusCode).toBe(404);
  });

  it('lets only the chair record meetings', async () => {
    const { workgroupId } = await r.workgroupWithMeeting();
    const meeting = { heldAt: '2025-01-09T00:00:00Z' };
    const outsider = await r.post('wgHq', `/v1/workgroups/${workgroupId}/meetings`, meeting);
    expect(outsider.statusCode).toBe(404);
    const national = await r.created(
      await r.post('wgHq', '/v1/workgroups', {
        name: 'کارگروه ملی',
        province: null,
        chairAgency: 'anti_smuggling_hq',
        memberAgencies: ['prosecutor', 'customs'],
      }),
    );
    const member = await r.post('wgChair', `/v1/workgroups/${national}/meetings`, meeting);
    expect(member.statusCode).toBe(403);
    expect(member.json()).toMatchObject({ code: 'WORKGROUP_CHAIR_ONLY' });
  });

  it('names the offending field of a bad workgroup or meeting', async () => {
    const bad = await r.post('wgChair', '/v1/workgroups', {
      name: 'کارگروه',
      province: 'khuzestan',
      chairAgency: 'prosecutor',
      memberAgencies: ['customs', 'customs'],
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('body.memberAgencies');
    const unknown = await r.post('wgChair', '/v1/workgroups', {
      name: 'کارگروه',
      province: 'khuzestan',
      chairAgency: 'prosecutor',
      memberAgencies: ['navy'],
    });
    expect(JSON.stringify(unknown.json())).toContain('body.memberAgencies.0');
    const { workgroupId } = await r.workgroupWithMeeting();
    const future = await r.post('wgChair', `/v1/workgroups/${workgroupId}/meetings`, {
      heldAt: '2025-06-01T00:00:00Z',
    });
    expect(future.statusCode).toBe(422);
    expect(future.json()).toMatchObject({
      code: 'RESOLUTION_INVALID',
      errors: [{ path: 'body.heldAt', message: 'must not be in the future' }],
    });
  });
});

describe('resolutions', () => {
  it('records a resolution with its created event in the outbox and opens its overdue watch', async () => {
    const { workgroupId, meetingId } = await r.workgroupWithMeeting();
    const response = await r.post('wgChair', `/v1/meetings/${meetingId}/resolutions`, {
      text: 'استقرار مأموران آموزش‌دیده فراجا در واحد اجرای احکام',
      assigneeAgency: 'police',
      dueAt: DUE,
    });
    expect(response.statusCode).toBe(201);
    const id = response.json<{ id: string }>().id;
    expect(response.headers.location).toBe(`/v1/resolutions/${id}`);
    expect(response.headers.etag).toBe('"1"');
    expect(response.json()).toMatchObject({
      workgroup: { id: workgroupId, chairAgency: 'prosecutor' },
      meeting: { id: meetingId, number: 1 },
      assigneeAgency: 'police',
      province: 'khuzestan',
      dueAt: DUE,
      state: 'open',
      overdue: false,
      percentDone: 0,
      completion: null,
    });
    const stored = await t.stores.resolutions.collection.findOne({ _id: id });
    expect(stored?.outbox?.[0]?.event).toMatchObject({
      type: 'oversight.resolution_created',
      payload: {
        resolutionId: id,
        workgroup: { id: workgroupId },
        meeting: { id: meetingId, number: 1 },
        assigneeAgency: 'police',
        province: 'khuzestan',
        dueAt: DUE,
      },
    });
    expect(await t.stores.obligations.find('resolution_overdue', `resolution:${id}`)).toMatchObject({
      state: 'open',
      dueAt: new Date(DUE),
      nextCheckAt: new Date(DUE),
      audiences: ['police:khuzestan', 'prosecutor:khuzestan'],
    });
  });

  it('takes progress from the assignee and completion from the chair, once', async () => {
    const { meetingId } = await r.workgroupWithMeeting();
    const id = await r.resolution(meetingId, 'customs', DUE);
    const progress = `/v1/resolutions/${id}/progress`;
    const report = { percent: 40, note: 'فهرست کالاهای رسوبی تهیه شد' };

    const notAssignee = await r.post('wgPolice', progress, report);
    expect(notAssignee.statusCode).toBe(403);
    expect(notAssignee.json()).toMatchObject({ code: 'RESOLUTION_ASSIGNEE_ONLY' });
    const reported = await r.post('wgCustoms', progress, report);
    expect(reported.statusCode).toBe(201);
    expect(reported.headers.etag).toBe('"2"');
    expect(reported.json()).toMatchObject({
      version: 2,
      percentDone: 40,
      progress: [{ agency: 'customs', province: 'khuzestan', principalId: 'wgCustoms', ...report }],
    });

    expect((await r.complete(id, {}, 'wgCustoms')).statusCode).toBe(403);
    expect((await r.complete(id, {}, 'wgChairReadOnly')).json()).toMatchObject({
      code: 'INSUFFICIENT_SCOPE',
    });
    t.clock.now = new Date('2025-01-20T00:00:00.000Z');
    const done = await r.complete(id, { note: 'انجام شد' });
    expect(done.statusCode).toBe(201);
    expect(done.json()).toMatchObject({
      state: 'completed',
      version: 3,
      completion: {
        agency: 'prosecutor',
        principalId: 'wgChair',
        completedAt: '2025-01-20T00:00:00.000Z',
        late: false,
        note: 'انجام شد',
      },
    });
    expect(await outboxTypes(id)).toEqual(['oversight.resolution_created', 'oversight.resolution_completed']);
    const stored = await t.stores.resolutions.collection.findOne({ _id: id });
    expect(stored?.outbox?.[1]?.event.payload).toMatchObject({ completedLate: false });
    expect(await t.stores.obligations.find('resolution_overdue', `resolution:${id}`)).toMatchObject({
      state: 'met',
      metBy: 'obligation_met',
    });

    const again = await r.complete(id);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'RESOLUTION_ALREADY_COMPLETED' });
    expect((await r.post('wgCustoms', progress, report)).statusCode).toBe(409);
  });

  it('records a completion after the due date as late', async () => {
    const { meetingId } = await r.workgroupWithMeeting();
    const id = await r.resolution(meetingId, 'police', DUE);
    t.clock.now = new Date('2025-03-01T00:00:00.000Z');
    const done = await r.complete(id);
    expect(done.json()).toMatchObject({ completion: { late: true } });
    const stored = await t.stores.resolutions.collection.findOne({ _id: id });
    expect(stored?.outbox?.[1]?.event).toMatchObject({
      type: 'oversight.resolution_completed',
      payload: { completedAt: '2025-03-01T00:00:00.000Z', completedLate: true },
    });
  });

  it('hides a resolution from agencies outside its workgroup', async () => {
    const { meetingId } = await r.workgroupWithMeeting();
    const id = await r.resolution(meetingId, 'customs', DUE);
    expect((await r.get('wgCustoms', `/v1/resolutions/${id}`)).statusCode).toBe(200);
    expect((await r.get('wgInspection', `/v1/resolutions/${id}`)).statusCode).toBe(200);
    for (const who of ['wgPorts', 'wgCustomsBushehr'] as const) {
      const hidden = await r.get(who, `/v1/resolutions/${id}`);
      expect(hidden.statusCode, who).toBe(404);
      expect(hidden.json()).toMatchObject({ code: 'RESOLUTION_NOT_FOUND' });
      expect(
        (await r.post(who, `/v1/resolutions/${id}/progress`, { percent: 1, note: 'x' })).statusCode,
      ).toBe(404);
      expect((await r.get(who, '/v1/resolutions')).json()).toEqual({ items: [], nextCursor: null });
    }
    expect((await r.post('wgPorts', `/v1/meetings/${meetingId}/resolutions`, {})).statusCode).toBe(403);
  });

  it('refuses data that does not fit, naming the field', async () => {
    const { meetingId } = await r.workgroupWithMeeting('2025-01-05T00:00:00.000Z');
    const url = `/v1/meetings/${meetingId}/resolutions`;
    const outsider = await r.post('wgChair', url, { text: 'x', assigneeAgency: 'ports', dueAt: DUE });
    expect(outsider.statusCode).toBe(422);
    expect(outsider.json()).toMatchObject({ errors: [{ path: 'body.assigneeAgency' }] });
    const early = await r.post('wgChair', url, {
      text: 'x',
      assigneeAgency: 'customs',
      dueAt: '2025-01-04T00:00:00.000Z',
    });
    expect(early.json()).toMatchObject({ code: 'RESOLUTION_INVALID', errors: [{ path: 'body.dueAt' }] });
    const notUtc = await r.post('wgChair', url, {
      text: 'x',
      assigneeAgency: 'customs',
      dueAt: '2025-02-01',
    });
    expect(notUtc.statusCode).toBe(400);
    expect(JSON.stringify(notUtc.json())).toContain('body.dueAt');
    const missing = await r.post('wgChair', url, { assigneeAgency: 'customs', dueAt: DUE });
    expect(JSON.stringify(missing.json())).toContain('body.text');

    const id = await r.resolution(meetingId, 'customs', DUE);
    const percent = await r.post('wgCustoms', `/v1/resolutions/${id}/progress`, { percent: 101, note: 'x' });
    expect(percent.statusCode).toBe(400);
    expect(JSON.stringify(percent.json())).toContain('body.percent');
    const future = await r.complete(id, { completedAt: '2025-12-01T00:00:00.000Z' });
    expect(future.statusCode).toBe(422);
    expect(future.json()).toMatchObject({ errors: [{ path: 'body.completedAt' }] });

    expect(
      (
        await r.post('wgChair', '/v1/meetings/nope/resolutions', {
          text: 'x',
          assigneeAgency: 'customs',
          dueAt: DUE,
        })
      ).json(),
    ).toMatchObject({
      code: 'MEETING_NOT_FOUND',
    });
    expect((await r.get('wgChair', '/v1/resolutions/nope')).statusCode).toBe(404);
  });

  it('refuses a write pinned by If-Match to a version no longer current', async () => {
    const { meetingId } = await r.workgroupWithMeeting();
    const id = await r.resolution(meetingId, 'customs', DUE);
    const url = `/v1/resolutions/${id}/progress`;
    expect(
      (await r.post('wgCustoms', url, { percent: 10, note: 'آغاز' }, { 'if-match': '"1"' })).statusCode,
    ).toBe(201);
    const stale = await r.post('wgCustoms', url, { percent: 20, note: 'ادامه' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toMatchObject({ code: 'RESOLUTION_VERSION_MISMATCH', currentVersion: 2 });
    const pinned = await r.post('wgChair', `/v1/resolutions/${id}/completion`, {}, { 'if-match': '"1"' });
    expect(pinned.statusCode).toBe(412);
  });

  it('answers a repeated POST with the same Idempotency-Key by replaying the first answer', async () => {
    const { meetingId } = await r.workgroupWithMeeting();
    const body = { text: 'پیگیری تحویل کالاهای متروکه', assigneeAgency: 'property_org', dueAt: DUE };
    const key = { 'idempotency-key': 'resolution-once-1' };
    const first = await r.post('wgChair', `/v1/meetings/${meetingId}/resolutions`, body, key);
    const second = await r.post('wgChair', `/v1/meetings/${meetingId}/resolutions`, body, key);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json<{ id: string }>().id).toBe(first.json<{ id: string }>().id);
    expect(await t.stores.resolutions.collection.countDocuments({ 'meeting.id': meetingId })).toBe(1);

    const id = first.json<{ id: string }>().id;
    const completionKey = { 'idempotency-key': 'completion-once-1' };
    const done = await r.post('wgChair', `/v1/resolutions/${id}/completion`, {}, completionKey);
    const replayed = await r.post('wgChair', `/v1/resolutions/${id}/completion`, {}, completionKey);
    expect(replayed.statusCode).toBe(201);
    expect(replayed.body).toBe(done.body);
    expect(await outboxTypes(id)).toEqual(['oversight.resolution_created', 'oversight.resolution_completed']);
  });

  it('lets only national keys act in a national workgroup, and notifies the agencies nationally', async () => {
    const workgroupId = await r.created(
      await r.post('wgHq', '/v1/workgroups', {
        name: 'کارگروه ملی ترخیص کالا',
        province: null,
        chairAgency: 'anti_smuggling_hq',
        memberAgencies: ['customs', 'ports'],
      }),
    );
    const meetingId = await r.created(
      await r.post('wgHq', `/v1/workgroups/${workgroupId}/meetings`, { heldAt: '2025-01-02T00:00:00Z' }),
    );
    const id = await r.resolution(meetingId, 'customs', DUE, 'wgHq');
    expect(await t.stores.obligations.find('resolution_overdue', `resolution:${id}`)).toMatchObject({
      province: null,
      audiences: ['customs', 'anti_smuggling_hq'],
    });
    expect((await r.get('wgCustoms', `/v1/resolutions/${id}`)).statusCode).toBe(200);
    const provincial = await r.post('wgCustoms', `/v1/resolutions/${id}/progress`, { percent: 5, note: 'x' });
    expect(provincial.statusCode).toBe(403);
    const national = await r.post('wgCustomsNational', `/v1/resolutions/${id}/progress`, {
      percent: 5,
      note: 'x',
    });
    expect(national.statusCode).toBe(201);
  });
});

describe('GET /v1/resolutions', () => {
  it('lists by due date with filters and a cursor', async () => {
    const { workgroupId, meetingId } = await r.workgroupWithMeeting();
    const a = await r.resolution(meetingId, 'customs', '2025-01-20T00:00:00.000Z');
    const b = await r.resolution(meetingId, 'police', '2025-01-25T00:00:00.000Z');
    const c = await r.resolution(meetingId, 'customs', '2025-03-01T00:00:00.000Z');
    const list = (query: string) => r.get('wgChair', `/v1/resolutions?workgroup=${workgroupId}&${query}`);
    type Page = { items: { id: string; overdue: boolean }[]; nextCursor: string | null };

    const first = (await list('limit=2')).json<Page>();
    expect(first.items.map((item) => item.id)).toEqual([a, b]);
    expect(first.nextCursor).not.toBeNull();
    const rest = (await list(`limit=2&cursor=${first.nextCursor}`)).json<Page>();
    expect(rest).toEqual({ items: [expect.objectContaining({ id: c })], nextCursor: null });

    expect((await list('assignee=police')).json<Page>().items.map((item) => item.id)).toEqual([b]);
    t.clock.now = new Date('2025-01-26T00:00:00.000Z');
    await r.complete(a);
    const overdue = (await list('overdue=true')).json<Page>();
    expect(overdue.items.map((item) => [item.id, item.overdue])).toEqual([[b, true]]);
    expect((await list('overdue=false')).json<Page>().items.map((item) => item.id)).toEqual([a, c]);
    expect((await list('state=completed')).json<Page>().items.map((item) => item.id)).toEqual([a]);
    expect(
      (await r.get('wgCustoms', `/v1/resolutions?workgroup=${workgroupId}`)).json<Page>().items,
    ).toHaveLength(3);

    const badCursor = await list('cursor=not-a-cursor');
    expect(badCursor.statusCode).toBe(400);
    expect(badCursor.json()).toMatchObject({ errors: [{ path: 'query.cursor' }] });
    expect((await list('overdue=yes')).statusCode).toBe(400);
  });
});
