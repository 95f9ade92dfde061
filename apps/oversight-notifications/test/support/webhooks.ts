import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import type { Notification } from '../../src/domain/notification.ts';
import { raisedEvent, resolvedEvent } from '../../src/events/notification-events.ts';
import type { WebhookSettings } from '../../src/webhooks/settings.ts';
import { envHostPatterns } from '../../src/webhooks/url-policy.ts';
import { createWebhookDeliverer, type WebhookHost } from '../../src/webhooks/worker.ts';
import type { TestApp, Who } from './app.ts';
import { as } from './app.ts';

/** Hosts the webhook tests may register; only 127.0.0.1 may be reached although internal. */
export const webhookEnv = {
  WEBHOOK_ALLOWED_HOSTS: '127.0.0.1,localhost,*.agency.example',
  WEBHOOK_ALLOW_PRIVATE_HOSTS: '127.0.0.1',
};

export const webhookSettings: WebhookSettings = {
  policy: {
    allowedHosts: envHostPatterns().parse(webhookEnv.WEBHOOK_ALLOWED_HOSTS),
    privateAllowedHosts: envHostPatterns().parse(webhookEnv.WEBHOOK_ALLOW_PRIVATE_HOSTS),
  },
  pollMs: 1000,
  timeoutMs: 2000,
  retry: { baseMs: 1000, maxMs: 600_000, pauseAfterFailures: 4 },
  batch: 100,
  concurrency: 2,
};

/** One request a receiver got, body as the raw text that was signed. */
export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** How a receiver answers its n-th request (0 first). */
export type Answer = (n: number) => { status: number; headers?: Record<string, string> };

/** A real HTTP receiver on 127.0.0.1 recording every request; `answer` may be changed between rounds. */
export interface Receiver {
  url: string;
  port: number;
  received: Received[];
  answer: Answer;
  close(): Promise<void>;
}

export async function startReceiver(answer: Answer = () => ({ status: 204 })): Promise<Receiver> {
  const received: Received[] = [];
  const receiver: Receiver = { url: '', port: 0, received, answer, close: async () => {} };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      const { status, headers = {} } = receiver.answer(received.length - 1);
      response.writeHead(status, headers).end('ok');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  receiver.port = (server.address() as AddressInfo).port;
  receiver.url = `http://127.0.0.1:${receiver.port}/hooks/in`;
  receiver.close = async () => {
    server.closeAllConnections();
    server.close();
    await once(server, 'close');
  };
  return receiver;
}

/** A notification of `audiences` raised at the test clock, written as the sweep would (with its seq). */
export async function raiseNotification(t: TestApp, id: string, audiences: string[]): Promise<Notification> {
  const now = t.clock.now;
  const raised = await t.stores.notifications.raise(
    (seq) => ({
      id,
      seq,
      ruleId: 'fuel_case_registered',
      subjectKey: `case:${id}`,
      subject: { kind: 'case', id },
      province: 'khuzestan',
      responsibleAgency: 'prosecutor',
      severity: 'high',
      level: 0,
      audiences,
      title: { fa: 'پرونده سوخت', en: 'Fuel case registered' },
      text: { fa: `پرونده ${id}`, en: `Case ${id}` },
      dueAt: now,
      raisedAt: now,
      escalateAt: null,
      inspectionJoinsAt: null,
      state: 'open',
      acknowledgements: [],
      resolution: null,
      resolvedAt: null,
    }),
    (n) => raisedEvent(n, { correlationId: `corr-${id}`, causationId: null }),
    now,
  );
  if (raised === null) throw new Error(`${id} is already open`);
  return raised;
}

/** Resolves a notification raised by `raiseNotification`: its next change. */
export async function resolveNotification(t: TestApp, id: string): Promise<void> {
  await t.stores.notifications.resolve(
    { ruleId: 'fuel_case_registered', subjectKey: `case:${id}` },
    'subject_closed',
    (n) =>
      resolvedEvent(n, 'subject_closed', { correlationId: `corr-${id}`, causationId: null }, t.clock.now),
    t.clock.now,
  );
}

/** Registers a webhook through the API; its id and the secret shown once. */
export async function registerWebhook(
  t: TestApp,
  who: Who,
  body: { audience: string; url: string; description?: string },
): Promise<{ id: string; secret: string }> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/v1/webhooks',
    headers: as(who),
    payload: body,
  });
  if (response.statusCode !== 201) throw new Error(`registration failed: ${response.body}`);
  const { id, secret } = response.json<{ id: string; secret: string }>();
  return { id, secret };
}

/** The warnings a deliverer logged (pino JSON lines), for tests that read them. */
export interface CapturedLog {
  warnings: Record<string, unknown>[];
  host: WebhookHost;
}

export function capturingHost(t: TestApp): CapturedLog {
  const warnings: Record<string, unknown>[] = [];
  const log = pino({ level: 'warn' }, { write: (line: string) => warnings.push(JSON.parse(line)) });
  return { warnings, host: { metrics: t.app.metrics, log } };
}

/** A deliverer replica over the test's stores, with pinned jitter (random 0.5 = no spread). */
export function delivererFor(t: TestApp, owner: string, host: WebhookHost = t.app) {
  return createWebhookDeliverer(host, t.stores, webhookSettings, { owner, random: () => 0.5 });
}
