import {
  decodeCursor,
  deployOfficerBodySchema,
  encodeCursor,
  entityIdSchema,
  executionUnitListQuerySchema,
  executionUnitPageSchema,
  executionUnitViewSchema,
  officerDeploymentViewSchema,
  registerExecutionUnitBodySchema,
  releaseOfficerBodySchema,
} from '@enforcement/contracts';
import { eventContextOf, kitErrors, provinceWithinLimit } from '@enforcement/service-kit';
import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { type Caller, mayReadUnit, mayRegisterUnit, mayStaffUnit } from '../domain/access.ts';
import { deployOfficer, type ExecutionUnit, releaseOfficer } from '../domain/units.ts';
import { errors } from '../errors.ts';
import { officerDeployedEvent, officerReleasedEvent } from '../events/unit-events.ts';
import type { RouteDeps } from './deps.ts';
import { unitRefusalError } from './refusals.ts';
import { callerOf } from './request-context.ts';
import { deploymentView, unitView } from './views.ts';

const unitParamsSchema = z.object({ id: entityIdSchema });
const deploymentParamsSchema = z.object({ id: entityIdSchema, deploymentId: entityIdSchema });

/** Execution units and the trained police officers deployed to them. */
export const unitRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  async function visibleUnit(caller: Caller, unitId: string): Promise<ExecutionUnit> {
    const unit = await deps.units.findById(unitId);
    if (unit === null || !mayReadUnit(caller, unit)) throw errors.UNIT_NOT_FOUND({ unitId });
    return unit;
  }

  async function staffableUnit(caller: Caller, unitId: string): Promise<ExecutionUnit> {
    const unit = await visibleUnit(caller, unitId);
    if (!mayStaffUnit(caller, unit)) {
      throw errors.UNIT_WRITE_FORBIDDEN({
        detail: `Only the police or ${unit.kind} deploy officers to this unit`,
      });
    }
    return unit;
  }

  async function viewOf(unit: ExecutionUnit) {
    const counts = await deps.cases.countInExecution([unit.id]);
    return unitView(unit, counts.get(unit.id) ?? 0, deps.now());
  }

  app.post(
    '/units',
    {
      config: { scopes: ['units:write'] },
      schema: {
        summary: "Register a prosecution-office or Ta'zirat verdict-execution unit",
        tags: ['units'],
        body: registerExecutionUnitBodySchema,
        response: { 201: executionUnitViewSchema },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      if (!mayRegisterUnit(caller, request.body)) {
        throw errors.UNIT_WRITE_FORBIDDEN({
          detail: 'A unit is registered by its own organisation, in the province its key is limited to',
        });
      }
      const unit: ExecutionUnit = {
        id: deps.newId(),
        version: 1,
        ...request.body,
        registeredAt: deps.now(),
        deployments: [],
      };
      await deps.units.insert(unit);
      return reply
        .code(201)
        .header('location', `/v1/units/${unit.id}`)
        .send(unitView(unit, 0, deps.now()));
    },
  );

  app.get(
    '/units',
    {
      config: { scopes: ['units:read'] },
      schema: {
        summary: 'List execution units with their current officers and cases in execution',
        tags: ['units'],
        querystring: executionUnitListQuerySchema,
        response: { 200: executionUnitPageSchema },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const { query } = request;
      provinceWithinLimit(caller.province, query.province);
      const position = query.cursor === undefined ? undefined : decodeCursor(query.cursor)?.id;
      const afterId = typeof position === 'string' ? position : undefined;
      if (query.cursor !== undefined && afterId === undefined) {
        throw errors.INVALID_CURSOR({
          errors: [{ path: 'query.cursor', message: 'is not a cursor of this list' }],
        });
      }
      const page = await deps.units.list({
        province: caller.province ?? query.province,
        kind: query.kind,
        afterId,
        limit: query.limit,
      });
      const counts = await deps.cases.countInExecution(page.items.map((unit) => unit.id));
      const now = deps.now();
      const last = page.items.at(-1);
      return {
        items: page.items.map((unit) => unitView(unit, counts.get(unit.id) ?? 0, now)),
        nextCursor: page.more && last ? encodeCursor({ id: last.id }) : null,
      };
    },
  );

  app.get(
    '/units/:id',
    {
      config: { scopes: ['units:read'] },
      schema: {
        summary: 'Read an execution unit',
        tags: ['units'],
        params: unitParamsSchema,
        response: { 200: executionUnitViewSchema },
      },
    },
    async (request) => viewOf(await visibleUnit(callerOf(request), request.params.id)),
  );

  app.post(
    '/units/:id/deployments',
    {
      config: { scopes: ['units:write'] },
      schema: {
        summary: 'Deploy a trained police officer to the unit',
        tags: ['units'],
        params: unitParamsSchema,
        body: deployOfficerBodySchema,
        response: { 201: officerDeploymentViewSchema },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const unit = await staffableUnit(caller, request.params.id);
      const { body } = request;
      const decision = deployOfficer(unit, {
        deploymentId: deps.newId(),
        officerId: body.officerId,
        officerName: body.officerName,
        startsAt: new Date(body.startsAt),
        endsAt: body.endsAt === null ? null : new Date(body.endsAt),
      });
      if (!decision.ok) throw unitRefusalError(decision.refusal);
      const now = deps.now();
      const event = officerDeployedEvent(unit, decision.value, eventContextOf(request), now);
      if (!(await deps.units.addDeployment(unit, decision.value, [event], now))) {
        throw kitErrors.CONFLICT({ detail: 'The unit changed while deploying; retry' });
      }
      return reply.code(201).send(deploymentView(decision.value));
    },
  );

  app.post(
    '/units/:id/deployments/:deploymentId/release',
    {
      config: { scopes: ['units:write'] },
      schema: {
        summary: 'Release a deployed officer from the unit',
        tags: ['units'],
        params: deploymentParamsSchema,
        body: releaseOfficerBodySchema,
        response: { 200: officerDeploymentViewSchema },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const unit = await staffableUnit(caller, request.params.id);
      const { deploymentId } = request.params;
      const deployment = unit.deployments.find((candidate) => candidate.deploymentId === deploymentId);
      if (deployment === undefined) throw errors.DEPLOYMENT_NOT_FOUND({ deploymentId });
      const now = deps.now();
      const releasedAt = request.body.releasedAt === undefined ? now : new Date(request.body.releasedAt);
      const decision = releaseOfficer(unit, deployment, releasedAt, now);
      if (!decision.ok) throw unitRefusalError(decision.refusal);
      const { released, remainingOfficers } = decision.value;
      const event = officerReleasedEvent(unit, released, remainingOfficers, eventContextOf(request), now);
      if (!(await deps.units.releaseDeployment(unit, released, [event], now))) {
        throw kitErrors.CONFLICT({ detail: 'The unit changed while releasing; retry' });
      }
      return deploymentView(released);
    },
  );
};
