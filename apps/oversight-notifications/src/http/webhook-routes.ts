import {
  cursorPageQuerySchema,
  decodeCursor,
  encodeCursor,
  entityIdSchema,
  registeredWebhookViewSchema,
  registerWebhookBodySchema,
  webhookDeliveryPageSchema,
  webhookListQuerySchema,
  webhookPageSchema,
  webhookViewSchema,
} from '@enforcement/contracts';
import { kitErrors, requirePrincipal } from '@enforcement/service-kit';
import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import { z } from 'zod';
import type { Member } from '../domain/audiences.ts';
import { errors } from '../errors.ts';
import type { NotificationStore } from '../store/notification-store.ts';
import type { WebhookStore } from '../store/webhook-store.ts';
import { manageableAudiences, mayManageWebhooksOf } from '../webhooks/access.ts';
import { newSigningSecret } from '../webhooks/signature.ts';
import { checkWebhookUrl, type UrlPolicy } from '../webhooks/url-policy.ts';
import type { Webhook } from '../webhooks/webhook.ts';
import { webhookDeliveryView, webhookView } from './webhook-views.ts';

export interface WebhookRouteDeps {
  webhooks: WebhookStore;
  notifications: NotificationStore;
  policy: UrlPolicy;
  now: () => Date;
  newId: () => string;
}

const SCOPES = ['webhooks:manage'];
const paramsSchema = z.object({ id: entityIdSchema });

function invalidCursor() {
  return errors.WEBHOOK_CURSOR_INVALID({
    errors: [{ path: 'query.cursor', message: 'is not a cursor of this list' }],
  });
}

/**
 * Webhooks: an agency registers a URL for one of its audiences and receives each change of that
 * audience's notifications as a signed POST. The signing secret is shown once, at registration.
 */
export const webhookRoutes: FastifyPluginAsyncZod<WebhookRouteDeps> = async (app, deps) => {
  async function manageable(id: string, member: Member): Promise<Webhook> {
    const webhook = await deps.webhooks.findById(id);
    // Outside the caller's audiences reads as not found: whether a webhook exists is information.
    if (webhook === null || !mayManageWebhooksOf(member, webhook.audience)) {
      throw errors.WEBHOOK_NOT_FOUND({ webhookId: id });
    }
    return webhook;
  }

  app.post(
    '/webhooks',
    {
      config: { scopes: SCOPES },
      schema: {
        summary: "Register a webhook for one of your agency's audiences",
        description:
          'Delivers every change of the audience’s notifications from now on, in change order, as a POST ' +
          'signed with the secret returned here (and never again): Webhook-Signature: v1=<hex HMAC-SHA256 ' +
          'of "<Webhook-Timestamp>.<body>">.',
        tags: ['webhooks'],
        body: registerWebhookBodySchema,
        response: { 201: registeredWebhookViewSchema },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const { audience, url, description } = request.body;
      if (!mayManageWebhooksOf(principal, audience)) {
        throw kitErrors.OUT_OF_JURISDICTION({
          detail:
            principal.province === undefined
              ? `Audience ${audience} is not your agency's`
              : `Your key manages the webhooks of ${principal.agency}:${principal.province} only`,
        });
      }
      const verdict = checkWebhookUrl(url, deps.policy);
      if (!verdict.ok) {
        throw errors.WEBHOOK_URL_REFUSED({
          detail: `url ${verdict.reason}`,
          errors: [{ path: 'body.url', message: verdict.reason, code: 'url_refused' }],
        });
      }
      const now = deps.now();
      const webhook: Webhook = {
        id: deps.newId(),
        agency: principal.agency,
        audience,
        url: verdict.url.href,
        description: description ?? null,
        state: 'active',
        // From now on: changes up to the watermark have all landed and are not this webhook's to send.
        cursor: await deps.notifications.seq.watermark(),
        consecutiveFailures: 0,
        attempts: 0,
        nextAttemptAt: now,
        pausedAt: null,
        pausedReason: null,
        lastDeliveredAt: null,
        lastFailureAt: null,
        createdAt: now,
        createdBy: principal.keyId,
      };
      const secret = newSigningSecret();
      await deps.webhooks.insert(webhook, secret);
      return reply
        .code(201)
        .header('location', `/v1/webhooks/${webhook.id}`)
        .send({ ...webhookView(webhook), secret });
    },
  );

  app.get(
    '/webhooks',
    {
      config: { scopes: SCOPES },
      schema: {
        summary: "Your agency's webhooks (a provincial key: its province's)",
        tags: ['webhooks'],
        querystring: webhookListQuerySchema,
        response: { 200: webhookPageSchema },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const { query } = request;
      const afterId = query.cursor === undefined ? undefined : decodeCursor(query.cursor)?.id;
      if (query.cursor !== undefined && typeof afterId !== 'string') throw invalidCursor();
      const allowed = manageableAudiences(principal);
      const audiences =
        query.audience === undefined
          ? allowed
          : allowed === undefined || allowed.includes(query.audience)
            ? [query.audience]
            : [];
      const items = await deps.webhooks.list({
        agency: principal.agency,
        ...(audiences === undefined ? {} : { audiences }),
        ...(typeof afterId === 'string' ? { afterId } : {}),
        limit: query.limit,
      });
      const last = items.at(-1);
      return {
        items: items.map(webhookView),
        nextCursor: items.length === query.limit && last !== undefined ? encodeCursor({ id: last.id }) : null,
      };
    },
  );

  app.get(
    '/webhooks/:id',
    {
      config: { scopes: SCOPES },
      schema: {
        summary: 'One webhook: its state, cursor and last failure',
        tags: ['webhooks'],
        params: paramsSchema,
        response: { 200: webhookViewSchema },
      },
    },
    async (request) => webhookView(await manageable(request.params.id, requirePrincipal(request))),
  );

  app.get(
    '/webhooks/:id/deliveries',
    {
      config: { scopes: SCOPES },
      schema: {
        summary: 'The delivery log of a webhook, newest attempt first',
        tags: ['webhooks'],
        params: paramsSchema,
        querystring: cursorPageQuerySchema,
        response: { 200: webhookDeliveryPageSchema },
      },
    },
    async (request) => {
      const webhook = await manageable(request.params.id, requirePrincipal(request));
      const { query } = request;
      const before = query.cursor === undefined ? undefined : decodeCursor(query.cursor)?.n;
      if (query.cursor !== undefined && typeof before !== 'number') throw invalidCursor();
      const items = await deps.webhooks.deliveries.newestFirst(
        webhook.id,
        query.limit,
        typeof before === 'number' ? before : undefined,
      );
      const last = items.at(-1);
      return {
        items: items.map(webhookDeliveryView),
        nextCursor:
          items.length === query.limit && last !== undefined ? encodeCursor({ n: last.number }) : null,
      };
    },
  );

  app.post(
    '/webhooks/:id/resume',
    {
      config: { scopes: SCOPES },
      schema: {
        summary: 'Resume a paused webhook',
        description:
          'Delivery restarts at once from the change it stopped at, with the failure count reset; ' +
          'resuming an active webhook changes nothing.',
        tags: ['webhooks'],
        params: paramsSchema,
        response: { 200: webhookViewSchema },
      },
    },
    async (request) => {
      const webhook = await manageable(request.params.id, requirePrincipal(request));
      const resumed = await deps.webhooks.resume(webhook.id, deps.now());
      if (resumed === null) throw errors.WEBHOOK_NOT_FOUND({ webhookId: webhook.id });
      return webhookView(resumed);
    },
  );

  app.delete(
    '/webhooks/:id',
    {
      config: { scopes: SCOPES },
      schema: {
        summary: 'Delete a webhook and its delivery log',
        tags: ['webhooks'],
        params: paramsSchema,
      },
    },
    async (request, reply) => {
      const webhook = await manageable(request.params.id, requirePrincipal(request));
      if (!(await deps.webhooks.delete(webhook.id)))
        throw errors.WEBHOOK_NOT_FOUND({ webhookId: webhook.id });
      return reply.code(204).send();
    },
  );
};
