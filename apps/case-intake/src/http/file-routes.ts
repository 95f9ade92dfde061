import {
  addCaseNoteBodySchema,
  caseHistoryPageSchema,
  caseNoteViewSchema,
  cursorPageQuerySchema,
  decodeCursor,
  encodeCursor,
} from '@enforcement/contracts';
import { etagOf, eventContextOf } from '@enforcement/service-kit';
import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import { caseAccess } from '../domain/access.ts';
import { type CaseNote, noteEntry } from '../domain/history.ts';
import { errors } from '../errors.ts';
import { caseNoteAddedEvent } from '../events/case-events.ts';
import { caseIdParamsSchema } from './case-routes.ts';
import { changeCase } from './change-case.ts';
import type { RouteDeps } from './deps.ts';
import { callerOf } from './request-context.ts';
import { historyEntryView } from './views.ts';

function afterSeqFrom(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const seq = decodeCursor(cursor)?.seq;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 1) {
    throw errors.INVALID_CURSOR({
      errors: [{ path: 'query.cursor', message: 'is not a cursor of this list' }],
    });
  }
  return seq;
}

/** A case's file: its history of changes, and the notes agencies add to it. */
export const fileRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  app.get(
    '/cases/:id/history',
    {
      config: { scopes: ['cases:read'] },
      schema: {
        summary: 'Every change to a case, oldest first: who, which agency, when, what',
        tags: ['cases'],
        params: caseIdParamsSchema,
        querystring: cursorPageQuerySchema,
        response: { 200: caseHistoryPageSchema },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const afterSeq = afterSeqFrom(request.query.cursor);
      const found = await deps.cases.history(request.params.id, afterSeq, request.query.limit);
      if (found === null || caseAccess(caller, found.jurisdiction) === 'none') {
        throw errors.CASE_NOT_FOUND({ caseId: request.params.id });
      }
      const entries = found.entries.slice(0, request.query.limit);
      const last = entries.at(-1);
      return {
        items: entries.map(historyEntryView),
        nextCursor:
          found.entries.length > request.query.limit && last ? encodeCursor({ seq: last.seq }) : null,
      };
    },
  );

  app.post(
    '/cases/:id/notes',
    {
      config: { scopes: ['cases:write'] },
      schema: {
        summary: 'Add a note to a case (the discovering agency or the handling authority)',
        tags: ['cases'],
        params: caseIdParamsSchema,
        body: addCaseNoteBodySchema,
        response: { 201: caseNoteViewSchema },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const context = eventContextOf(request);
      const noteId = deps.newId();
      const { kase, note } = await changeCase(deps.cases, {
        caseId: request.params.id,
        caller,
        expectedVersion: undefined,
        may: (current) => caseAccess(caller, current) === 'write',
        decide: async (current) => {
          const now = deps.now();
          const added: CaseNote = { noteId, text: request.body.text, addedAt: now };
          const next = { ...current, version: current.version + 1, updatedAt: now };
          return {
            write: {
              next,
              entry: noteEntry(current, added, caller),
              events: [caseNoteAddedEvent(next, added, caller, context)],
              now,
            },
            result: { kase: next, note: added },
          };
        },
      });
      return reply.code(201).header('etag', etagOf(kase.version)).send({
        noteId: note.noteId,
        caseId: kase.id,
        authorAgency: caller.agency,
        text: note.text,
        addedAt: note.addedAt.toISOString(),
      });
    },
  );
};
