import {
  caseListQuerySchema,
  casePageSchema,
  caseViewSchema,
  entityIdSchema,
  registerCaseBodySchema,
} from '@enforcement/contracts';
import { etagOf, eventContextOf, kitErrors } from '@enforcement/service-kit';
import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { caseVisibility, mayRegisterCase } from '../domain/access.ts';
import { registrationEntry } from '../domain/history.ts';
import { registerCase } from '../domain/registration.ts';
import { errors } from '../errors.ts';
import { caseRegisteredEvent } from '../events/case-events.ts';
import { caseCursor, casePositionFrom } from '../store/case-query.ts';
import { readableCase } from './case-access.ts';
import type { RouteDeps } from './deps.ts';
import { caseRefusalError } from './refusals.ts';
import { callerOf } from './request-context.ts';
import { caseView } from './views.ts';

export const caseIdParamsSchema = z.object({ id: entityIdSchema });

/** Registering, reading and listing cases. */
export const caseRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  app.post(
    '/cases',
    {
      config: { scopes: ['cases:write'] },
      schema: {
        summary: 'Register a smuggling case reported by the calling agency',
        tags: ['cases'],
        body: registerCaseBodySchema,
        response: { 201: caseViewSchema },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      if (!mayRegisterCase(caller, request.body)) {
        throw errors.CASE_REGISTRATION_FORBIDDEN({
          detail: 'An agency registers only its own discoveries, in the province its key is limited to',
        });
      }
      const now = deps.now();
      const decision = registerCase(request.body, caller, { caseId: deps.newId(), now, policy: deps.policy });
      if (!decision.ok) throw caseRefusalError(decision.refusal);
      const kase = decision.value;
      const outcome = await deps.cases.insert({
        next: kase,
        entry: registrationEntry(kase, caller),
        events: [caseRegisteredEvent(kase, eventContextOf(request))],
        now,
      });
      if (!outcome.inserted) {
        throw errors.CASE_DUPLICATE_REFERENCE(
          { agency: kase.discoveringAgency, reference: kase.discoveryReference },
          {
            extra: { existingCaseId: outcome.existingCaseId },
            headers: { location: `/v1/cases/${outcome.existingCaseId}` },
          },
        );
      }
      return reply
        .code(201)
        .header('location', `/v1/cases/${kase.id}`)
        .header('etag', etagOf(kase.version))
        .send(caseView(kase, now));
    },
  );

  app.get(
    '/cases/:id',
    {
      config: { scopes: ['cases:read'] },
      schema: {
        summary: 'Read a case; its ETag is its version',
        tags: ['cases'],
        params: caseIdParamsSchema,
        response: { 200: caseViewSchema },
      },
    },
    async (request, reply) => {
      const kase = await readableCase(deps.cases, callerOf(request), request.params.id);
      return reply.header('etag', etagOf(kase.version)).send(caseView(kase, deps.now()));
    },
  );

  app.get(
    '/cases',
    {
      config: { scopes: ['cases:read'] },
      schema: {
        summary: 'List the cases the caller may see, newest first',
        tags: ['cases'],
        querystring: caseListQuerySchema,
        response: { 200: casePageSchema },
      },
    },
    async (request) => {
      const { query } = request;
      const after = query.cursor === undefined ? undefined : casePositionFrom(query.cursor);
      if (query.cursor !== undefined && after === undefined) {
        throw errors.INVALID_CURSOR({
          errors: [{ path: 'query.cursor', message: 'is not a cursor of this list' }],
        });
      }
      if (
        query.registeredFrom &&
        query.registeredTo &&
        Date.parse(query.registeredFrom) >= Date.parse(query.registeredTo)
      ) {
        throw kitErrors.VALIDATION_FAILED({
          detail: 'registeredFrom must be before registeredTo',
          errors: [{ path: 'query.registeredTo', message: 'must be after registeredFrom' }],
        });
      }
      const now = deps.now();
      const page = await deps.cases.list(query, caseVisibility(callerOf(request)), now, after);
      const last = page.items.at(-1);
      return {
        items: page.items.map((kase) => caseView(kase, now)),
        nextCursor: page.more && last ? caseCursor({ registeredAt: last.registeredAt, id: last.id }) : null,
      };
    },
  );
};
