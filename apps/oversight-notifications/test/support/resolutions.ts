import { as, type TestApp, type Who } from './app.ts';

/** Requests of the workgroup-resolution tests, as a caller would send them. */
export function requests(t: TestApp) {
  const post = (who: Who, url: string, payload: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url, headers: as(who, headers), payload });
  const get = (who: Who, url: string) => t.app.inject({ method: 'GET', url, headers: as(who) });

  /** A created thing's id, failing the test with the response when it was not created. */
  async function created(response: Awaited<ReturnType<typeof post>>): Promise<string> {
    if (response.statusCode !== 201)
      throw new Error(`expected 201, got ${response.statusCode}: ${response.body}`);
    return response.json<{ id: string }>().id;
  }

  /** Khuzestan's execution-supervision workgroup, chaired by the prosecutor, and its meeting held at `heldAt`. */
  async function workgroupWithMeeting(heldAt = '2025-01-01T00:00:00.000Z') {
    const workgroupId = await created(
      await post('wgChair', '/v1/workgroups', {
        name: 'کارگروه نظارت بر اجرای احکام قاچاق کالا و ارز استان خوزستان',
        province: 'khuzestan',
        chairAgency: 'prosecutor',
        memberAgencies: ['customs', 'police', 'property_org'],
      }),
    );
    const meetingId = await created(
      await post('wgChair', `/v1/workgroups/${workgroupId}/meetings`, { heldAt }),
    );
    return { workgroupId, meetingId };
  }

  /** A resolution of the meeting, assigned to `assigneeAgency`, due at `dueAt`. */
  async function resolution(
    meetingId: string,
    assigneeAgency: string,
    dueAt: string,
    chair: Who = 'wgChair',
  ) {
    return created(
      await post(chair, `/v1/meetings/${meetingId}/resolutions`, {
        text: 'تعیین تکلیف کالاهای رسوبی بندر امام خمینی ظرف یک ماه',
        assigneeAgency,
        dueAt,
      }),
    );
  }

  const complete = (resolutionId: string, body: object = {}, who: Who = 'wgChair') =>
    post(who, `/v1/resolutions/${resolutionId}/completion`, body);

  return { post, get, created, workgroupWithMeeting, resolution, complete };
}
