import { caseTransitionBodySchema, caseViewSchema } from '@enforcement/contracts';
import { etagOf, eventContextOf, ifMatchHeadersSchema, versionFromIfMatch } from '@enforcement/service-kit';
import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import { mayMoveCase } from '../domain/access.ts';
import { transitionEntry } from '../domain/history.ts';
import { transitionCase } from '../domain/lifecycle.ts';
import { caseTransitionEvent } from '../events/case-events.ts';
import { caseIdParamsSchema } from './case-routes.ts';
import { changeCase } from './change-case.ts';
import type { RouteDeps } from './deps.ts';
import { caseRefusalError } from './refusals.ts';
import { callerOf } from './request-context.ts';
import { caseView } from './views.ts';

/** Moving a case along its lifecycle, one step with its data at a time. */
export const transitionRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  app.post(
    '/cases/:id/transitions',
    {
      config: { scopes: ['cases:write'] },
      schema: {
        summary: 'Move a case to its next status with the data that step records',
        description:
          'An illegal move is 409 CASE_ILLEGAL_TRANSITION naming currentStatus and allowedTransitions; ' +
          'a stale If-Match is 412 CASE_VERSION_MISMATCH. Nothing is written on any error.',
        tags: ['cases'],
        params: caseIdParamsSchema,
        headers: ifMatchHeadersSchema,
        body: caseTransitionBodySchema,
        response: { 200: caseViewSchema },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const step = request.body;
      const context = eventContextOf(request);
      const kase = await changeCase(deps.cases, {
        caseId: request.params.id,
        caller,
        expectedVersion: versionFromIfMatch(request.headers['if-match']),
        may: (current) => mayMoveCase(caller, current),
        decide: async (current) => {
          const now = deps.now();
          const executionUnit =
            step.to === 'in_execution'
              ? ((await deps.units.findById(step.executionUnitId)) ?? undefined)
              : undefined;
          const decision = transitionCase(current, step, { now, executionUnit });
          if (!decision.ok) throw caseRefusalError(decision.refusal);
          const transition = decision.value;
          return {
            write: {
              next: transition.next,
              entry: transitionEntry(transition, caller),
              events: [caseTransitionEvent(transition, context)],
              now,
            },
            result: transition.next,
          };
        },
      });
      return reply.header('etag', etagOf(kase.version)).send(caseView(kase, deps.now()));
    },
  );
};
