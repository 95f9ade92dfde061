import {
  createMeetingBodySchema,
  createResolutionBodySchema,
  createWorkgroupBodySchema,
  entityIdSchema,
  meetingViewSchema,
  resolutionViewSchema,
  workgroupViewSchema,
} from '@enforcement/contracts';
import { etagOf, eventContextOf } from '@enforcement/service-kit';
import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { checkMeetingTime, newResolution } from '../domain/resolution.ts';
import {
  type Caller,
  isChair,
  mayCreateWorkgroup,
  mayReadWorkgroup,
  newWorkgroup,
  type Workgroup,
} from '../domain/workgroup.ts';
import { errors } from '../errors.ts';
import { resolutionCreatedEvent } from '../events/resolution-events.ts';
import { watchAfterWrite } from '../events/watch-resolution.ts';
import { actorOf, type ResolutionRouteDeps, refusalError } from './resolution-context.ts';
import { meetingView, resolutionView, workgroupView } from './resolution-views.ts';

const paramsSchema = z.object({ id: entityIdSchema });

function chairOnly(workgroup: Workgroup) {
  return errors.WORKGROUP_CHAIR_ONLY({ chairAgency: workgroup.chairAgency, province: workgroup.province });
}

/**
 * Workgroups (کارگروه), their meetings, and the resolutions each meeting makes. The chair sets the
 * workgroup up, records its meetings and their resolutions; members and inspection read them.
 */
export const workgroupRoutes: FastifyPluginAsyncZod<ResolutionRouteDeps> = async (app, deps) => {
  async function visibleWorkgroup(caller: Caller, workgroupId: string): Promise<Workgroup> {
    const workgroup = await deps.workgroups.findById(workgroupId);
    // Outside the workgroup reads as not found: whether a workgroup exists is itself information.
    if (workgroup === null || !mayReadWorkgroup(caller, workgroup))
      throw errors.WORKGROUP_NOT_FOUND({ workgroupId });
    return workgroup;
  }

  app.post(
    '/workgroups',
    {
      config: { scopes: ['workgroups:manage'] },
      schema: {
        summary: 'Set up a workgroup that your agency chairs',
        description: 'Provincial (its province’s key or a national key) or national (a national key).',
        tags: ['workgroups'],
        body: createWorkgroupBodySchema,
        response: { 201: workgroupViewSchema },
      },
    },
    async (request, reply) => {
      const { caller, by } = actorOf(request);
      if (!mayCreateWorkgroup(caller, request.body))
        throw errors.WORKGROUP_CHAIR_ONLY({
          chairAgency: request.body.chairAgency,
          province: request.body.province,
        });
      const workgroup = newWorkgroup(deps.newId(), request.body, by().principalId, deps.now());
      await deps.workgroups.insert(workgroup);
      return reply
        .code(201)
        .header('location', `/v1/workgroups/${workgroup.id}`)
        .send(workgroupView(workgroup, []));
    },
  );

  app.get(
    '/workgroups/:id',
    {
      config: { scopes: ['workgroups:read'] },
      schema: {
        summary: 'A workgroup and its meetings, for its members and inspection',
        tags: ['workgroups'],
        params: paramsSchema,
        response: { 200: workgroupViewSchema },
      },
    },
    async (request) => {
      const workgroup = await visibleWorkgroup(actorOf(request).caller, request.params.id);
      return workgroupView(workgroup, await deps.workgroups.meetingsOf(workgroup.id));
    },
  );

  app.post(
    '/workgroups/:id/meetings',
    {
      config: { scopes: ['workgroups:manage'] },
      schema: {
        summary: 'Record a meeting of the workgroup (the chair)',
        description: 'Numbered after the last recorded meeting unless `number` is given.',
        tags: ['workgroups'],
        params: paramsSchema,
        body: createMeetingBodySchema,
        response: { 201: meetingViewSchema },
      },
    },
    async (request, reply) => {
      const { caller } = actorOf(request);
      const workgroup = await visibleWorkgroup(caller, request.params.id);
      if (!isChair(caller, workgroup)) throw chairOnly(workgroup);
      const now = deps.now();
      const heldAt = new Date(request.body.heldAt);
      const refusal = checkMeetingTime(heldAt, now);
      if (refusal !== null) throw refusalError(refusal);
      const meeting = await deps.workgroups.addMeeting({
        id: deps.newId(),
        workgroupId: workgroup.id,
        number: request.body.number,
        heldAt,
        minutes: request.body.minutes ?? null,
        recordedAt: now,
      });
      if (meeting === null) throw errors.MEETING_NUMBER_TAKEN({ number: request.body.number ?? 0 });
      return reply.code(201).send(meetingView(meeting));
    },
  );

  app.post(
    '/meetings/:id/resolutions',
    {
      config: { scopes: ['workgroups:manage'] },
      schema: {
        summary: 'Record a resolution (مصوبه) of a meeting (the chair)',
        description:
          'Assigned to a member agency with a due date; opens the resolution_overdue watch and writes ' +
          'oversight.resolution_created.',
        tags: ['workgroups'],
        params: paramsSchema,
        body: createResolutionBodySchema,
        response: { 201: resolutionViewSchema },
      },
    },
    async (request, reply) => {
      const { caller, by } = actorOf(request);
      const meetingId = request.params.id;
      const meeting = await deps.workgroups.findMeeting(meetingId);
      const workgroup = meeting === null ? null : await deps.workgroups.findById(meeting.workgroupId);
      if (meeting === null || workgroup === null || !mayReadWorkgroup(caller, workgroup))
        throw errors.MEETING_NOT_FOUND({ meetingId });
      if (!isChair(caller, workgroup)) throw chairOnly(workgroup);
      const now = deps.now();
      const decision = newResolution(
        workgroup,
        meeting,
        {
          id: deps.newId(),
          text: request.body.text,
          assigneeAgency: request.body.assigneeAgency,
          dueAt: new Date(request.body.dueAt),
        },
        by(),
        now,
      );
      if (!decision.ok) throw refusalError(decision.refusal);
      const resolution = decision.value;
      const context = eventContextOf(request);
      await deps.resolutions.insert(resolution, resolutionCreatedEvent(resolution, context), now);
      await watchAfterWrite(deps, resolution, context, now, request.log);
      return reply
        .code(201)
        .header('location', `/v1/resolutions/${resolution.id}`)
        .header('etag', etagOf(resolution.version))
        .send(resolutionView(resolution, now));
    },
  );
};
