import { agencyCodeSchema, entityIdSchema } from '@enforcement/contracts';
import { eventContextOf, requirePrincipal } from '@enforcement/service-kit';
import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { isInAudience } from '../domain/audiences.ts';
import { escalateAtAfterAcknowledgement } from '../domain/notification.ts';
import { errors } from '../errors.ts';
import { acknowledgedEvent } from '../events/notification-events.ts';
import type { NotificationStore } from '../store/notification-store.ts';
import { notificationView } from './views.ts';

export interface NotificationRouteDeps {
  notifications: NotificationStore;
  now: () => Date;
}

const paramsSchema = z.object({ id: entityIdSchema });

/** Reading one notification and acknowledging it: only members of its audiences see or acknowledge it. */
export const notificationRoutes: FastifyPluginAsyncZod<NotificationRouteDeps> = async (app, deps) => {
  async function visible(id: string, member: { agency: string; province?: string }) {
    const n = await deps.notifications.findById(id);
    // Not in the audience reads as not found: whether a notification exists is itself information.
    if (n === null || !isInAudience(member, n.audiences))
      throw errors.NOTIFICATION_NOT_FOUND({ notificationId: id });
    return n;
  }

  app.get(
    '/notifications/:id',
    {
      config: { scopes: ['notifications:read'] },
      schema: {
        summary: 'One notification, for a member of its audiences',
        tags: ['notifications'],
        params: paramsSchema,
      },
    },
    async (request) => notificationView(await visible(request.params.id, requirePrincipal(request))),
  );

  app.post(
    '/notifications/:id/acknowledgements',
    {
      config: { scopes: ['notifications:acknowledge'] },
      schema: {
        summary: 'Acknowledge a notification on behalf of your agency',
        description: 'Stops the escalation for being unacknowledged; records who and when.',
        tags: ['notifications'],
        params: paramsSchema,
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const n = await visible(request.params.id, principal);
      if (n.state !== 'open') throw errors.NOTIFICATION_NOT_OPEN({ notificationId: n.id });
      const agency = agencyCodeSchema.parse(principal.agency);
      const province = principal.province ?? null;
      if (n.acknowledgements.some((ack) => ack.agency === agency && ack.province === province)) {
        throw errors.NOTIFICATION_ALREADY_ACKNOWLEDGED({
          detail: `${agency}${province === null ? '' : ` of ${province}`} acknowledged notification ${n.id} already`,
        });
      }
      const ack = { agency, province, principalId: principal.keyId, at: deps.now() };
      const context = eventContextOf(request);
      const escalateAt = escalateAtAfterAcknowledgement(n);
      const seq = await deps.notifications.acknowledge(
        n,
        ack,
        escalateAt,
        acknowledgedEvent(n, ack, context),
      );
      if (seq === null) {
        throw errors.NOTIFICATION_NOT_OPEN({ notificationId: n.id });
      }
      reply.code(201);
      return notificationView({ ...n, seq, escalateAt, acknowledgements: [...n.acknowledgements, ack] });
    },
  );
};
