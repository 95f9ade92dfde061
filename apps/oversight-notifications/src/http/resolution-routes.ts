import {
  type AgencyCode,
  completeResolutionBodySchema,
  decodeCursor,
  encodeCursor,
  entityIdSchema,
  type ProvinceCode,
  reportProgressBodySchema,
  resolutionListQuerySchema,
  resolutionPageSchema,
  resolutionViewSchema,
} from '@enforcement/contracts';
import { etagOf, eventContextOf, ifMatchHeadersSchema, versionFromIfMatch } from '@enforcement/service-kit';
import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { completeResolution, type Resolution, reportProgress } from '../domain/resolution.ts';
import { type Caller, isAssignee, isChair, mayReadWorkgroup } from '../domain/workgroup.ts';
import { errors } from '../errors.ts';
import { resolutionCompletedEvent } from '../events/resolution-events.ts';
import { watchAfterWrite } from '../events/watch-resolution.ts';
import type { ResolutionPosition, ResolutionVisibility } from '../store/resolution-store.ts';
import { actorOf, type ResolutionRouteDeps, refusalError } from './resolution-context.ts';
import { resolutionView } from './resolution-views.ts';

const paramsSchema = z.object({ id: entityIdSchema });

/** What a resolution's access rules need of its workgroup. */
function workgroupOf(r: Resolution) {
  return { chairAgency: r.workgroup.chairAgency, memberAgencies: r.workgroup.seats, province: r.province };
}

function positionFrom(cursor: string): ResolutionPosition | undefined {
  const decoded = decodeCursor(cursor);
  if (typeof decoded?.d !== 'string' || typeof decoded.id !== 'string') return undefined;
  const dueAt = new Date(decoded.d);
  return Number.isNaN(dueAt.getTime()) ? undefined : { dueAt, id: decoded.id };
}

/** Inspection reads every workgroup's resolutions; others those of workgroups where they sit. */
function visibilityOf(caller: Caller): ResolutionVisibility {
  return {
    ...(caller.agency === 'inspection' ? {} : { seat: caller.agency as AgencyCode }),
    ...(caller.province === undefined ? {} : { province: caller.province as ProvinceCode }),
  };
}

/** Reading resolutions, the assignee's progress reports, and the chair's completion. */
export const resolutionRoutes: FastifyPluginAsyncZod<ResolutionRouteDeps> = async (app, deps) => {
  async function visibleResolution(caller: Caller, resolutionId: string): Promise<Resolution> {
    const resolution = await deps.resolutions.findById(resolutionId);
    if (resolution === null || !mayReadWorkgroup(caller, workgroupOf(resolution)))
      throw errors.RESOLUTION_NOT_FOUND({ resolutionId });
    return resolution;
  }

  /** Why a conditional write on an open resolution did not land, from a fresh read. */
  function writeRefusal(current: Resolution, expectedVersion: number | undefined) {
    if (current.state !== 'open') return errors.RESOLUTION_ALREADY_COMPLETED({ resolutionId: current.id });
    if (expectedVersion !== undefined && expectedVersion !== current.version)
      return errors.RESOLUTION_VERSION_MISMATCH(
        { expected: expectedVersion, current: current.version },
        { extra: { currentVersion: current.version } },
      );
    return null;
  }

  app.get(
    '/resolutions',
    {
      config: { scopes: ['workgroups:read'] },
      schema: {
        summary: 'Resolutions of the workgroups you sit in (all, for inspection), by due date',
        tags: ['resolutions'],
        querystring: resolutionListQuerySchema,
        response: { 200: resolutionPageSchema },
      },
    },
    async (request) => {
      const { caller } = actorOf(request);
      const { query } = request;
      const after = query.cursor === undefined ? undefined : positionFrom(query.cursor);
      if (query.cursor !== undefined && after === undefined) {
        throw errors.RESOLUTION_CURSOR_INVALID({
          errors: [{ path: 'query.cursor', message: 'is not a cursor of this list' }],
        });
      }
      const now = deps.now();
      const page = await deps.resolutions.list(
        {
          limit: query.limit,
          ...(query.workgroup === undefined ? {} : { workgroupId: query.workgroup }),
          ...(query.assignee === undefined ? {} : { assignee: query.assignee }),
          ...(query.province === undefined ? {} : { province: query.province }),
          ...(query.state === undefined ? {} : { state: query.state }),
          ...(query.overdue === undefined ? {} : { overdue: query.overdue }),
        },
        visibilityOf(caller),
        after,
        now,
      );
      const last = page.items.at(-1);
      return {
        items: page.items.map((r) => resolutionView(r, now)),
        nextCursor: page.more && last ? encodeCursor({ d: last.dueAt.toISOString(), id: last.id }) : null,
      };
    },
  );

  app.get(
    '/resolutions/:id',
    {
      config: { scopes: ['workgroups:read'] },
      schema: {
        summary: 'One resolution with its progress reports',
        tags: ['resolutions'],
        params: paramsSchema,
        response: { 200: resolutionViewSchema },
      },
    },
    async (request, reply) => {
      const resolution = await visibleResolution(actorOf(request).caller, request.params.id);
      return reply.header('etag', etagOf(resolution.version)).send(resolutionView(resolution, deps.now()));
    },
  );

  app.post(
    '/resolutions/:id/progress',
    {
      config: { scopes: ['resolutions:report'] },
      schema: {
        summary: 'Report progress on a resolution (the assignee agency)',
        tags: ['resolutions'],
        params: paramsSchema,
        headers: ifMatchHeadersSchema,
        body: reportProgressBodySchema,
        response: { 201: resolutionViewSchema },
      },
    },
    async (request, reply) => {
      const { caller, by } = actorOf(request);
      const resolution = await visibleResolution(caller, request.params.id);
      if (!isAssignee(caller, resolution))
        throw errors.RESOLUTION_ASSIGNEE_ONLY({
          assigneeAgency: resolution.assigneeAgency,
          province: resolution.province,
        });
      const expectedVersion = versionFromIfMatch(request.headers['if-match']);
      const refused = writeRefusal(resolution, expectedVersion);
      if (refused !== null) throw refused;
      const now = deps.now();
      const decision = reportProgress(resolution, request.body, by(), now);
      if (!decision.ok) throw refusalError(decision.refusal);
      const updated = await deps.resolutions.addProgress(resolution.id, decision.value, expectedVersion, now);
      if (updated === null) {
        const current = await visibleResolution(caller, resolution.id);
        throw (
          writeRefusal(current, expectedVersion) ??
          errors.RESOLUTION_VERSION_MISMATCH({ expected: resolution.version, current: current.version })
        );
      }
      // Re-applying the watch heals a creation that crashed before its obligation was written.
      await watchAfterWrite(deps, updated, eventContextOf(request), now, request.log);
      return reply.code(201).header('etag', etagOf(updated.version)).send(resolutionView(updated, now));
    },
  );

  app.post(
    '/resolutions/:id/completion',
    {
      config: { scopes: ['workgroups:manage'] },
      schema: {
        summary: 'Close a resolution as done (the workgroup chair)',
        description:
          'Meets its resolution_overdue obligation (its notification resolves) and writes ' +
          'oversight.resolution_completed, late or not.',
        tags: ['resolutions'],
        params: paramsSchema,
        headers: ifMatchHeadersSchema,
        body: completeResolutionBodySchema,
        response: { 201: resolutionViewSchema },
      },
    },
    async (request, reply) => {
      const { caller, by } = actorOf(request);
      const resolution = await visibleResolution(caller, request.params.id);
      if (!isChair(caller, workgroupOf(resolution)))
        throw errors.WORKGROUP_CHAIR_ONLY({
          chairAgency: resolution.workgroup.chairAgency,
          province: resolution.province,
        });
      const expectedVersion = versionFromIfMatch(request.headers['if-match']);
      const refused = writeRefusal(resolution, expectedVersion);
      if (refused !== null) throw refused;
      const now = deps.now();
      const { completedAt, note } = request.body;
      const decision = completeResolution(
        resolution,
        { completedAt: completedAt === undefined ? undefined : new Date(completedAt), note },
        by(),
        now,
      );
      if (!decision.ok) throw refusalError(decision.refusal);
      const context = eventContextOf(request);
      const outcome = await deps.resolutions.complete(
        resolution.id,
        decision.value,
        expectedVersion,
        (completed) => resolutionCompletedEvent(completed, context, now),
        now,
      );
      if (outcome.kind === 'not_found') throw errors.RESOLUTION_NOT_FOUND({ resolutionId: resolution.id });
      if (outcome.kind !== 'completed') {
        throw (
          writeRefusal(outcome.current, expectedVersion) ??
          errors.RESOLUTION_ALREADY_COMPLETED({
            resolutionId: resolution.id,
          })
        );
      }
      await watchAfterWrite(deps, outcome.resolution, context, now, request.log);
      return reply
        .code(201)
        .header('etag', etagOf(outcome.resolution.version))
        .send(resolutionView(outcome.resolution, now));
    },
  );
};
