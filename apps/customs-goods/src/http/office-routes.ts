import {
  decodeCursor,
  encodeCursor,
  officeIdSchema,
  officeListQuerySchema,
  officePageSchema,
  officeViewSchema,
  putOfficeBodySchema,
} from '@enforcement/contracts';
import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import { z } from 'zod';
import type { Office } from '../domain/offices.ts';
import { errors } from '../errors.ts';
import type { RouteDeps } from './deps.ts';
import { invalidCursor } from './refusals.ts';
import { officeView } from './views.ts';

const officeParamsSchema = z.object({ id: officeIdSchema });

/** Reference data: customs offices and ports with their province. Any key reads; admins keep it. */
export const officeRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  app.get(
    '/offices',
    {
      config: { scopes: [] },
      schema: {
        summary: 'Customs offices, ports and border crossings with their province',
        tags: ['offices'],
        querystring: officeListQuerySchema,
        response: { 200: officePageSchema },
      },
    },
    async (request) => {
      const { query } = request;
      const position = query.cursor === undefined ? undefined : decodeCursor(query.cursor)?.id;
      const afterId = typeof position === 'string' ? position : undefined;
      if (query.cursor !== undefined && afterId === undefined) throw invalidCursor();
      const page = await deps.offices.list({
        province: query.province,
        kind: query.kind,
        afterId,
        limit: query.limit,
      });
      const last = page.items.at(-1);
      return {
        items: page.items.map(officeView),
        nextCursor: page.more && last ? encodeCursor({ id: last.id }) : null,
      };
    },
  );

  app.get(
    '/offices/:id',
    {
      config: { scopes: [] },
      schema: {
        summary: 'One office',
        tags: ['offices'],
        params: officeParamsSchema,
        response: { 200: officeViewSchema },
      },
    },
    async (request) => {
      const office = await deps.offices.findById(request.params.id);
      if (office === null) throw errors.OFFICE_NOT_FOUND({ officeId: request.params.id });
      return officeView(office);
    },
  );

  app.put(
    '/offices/:id',
    {
      config: { scopes: ['offices:admin'] },
      schema: {
        summary: 'Create or replace an office (reference data administrators)',
        description: 'An inactive office takes no new lots and is no transit destination; its lots stay.',
        tags: ['offices'],
        params: officeParamsSchema,
        body: putOfficeBodySchema,
        response: { 200: officeViewSchema, 201: officeViewSchema },
      },
    },
    async (request, reply) => {
      const office: Office = { id: request.params.id, ...request.body, updatedAt: deps.now() };
      const created = await deps.offices.put(office);
      return reply.code(created ? 201 : 200).send(officeView(office));
    },
  );
};
