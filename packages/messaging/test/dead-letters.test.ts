import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { TestScope } from '@enforcement/testkit';
import { useTestScope } from '@enforcement/testkit/vitest';
import { serializerCompiler, validatorCompiler } from '@fastify/type-provider-zod';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BrokerConnection,
  DeadLetters,
  deadLetterRoutes,
  EventConsumer,
  EventPublisher,
  handles,
  reject,
} from '../src/index.ts';
import { aNoteAdded, eventually } from './support.ts';

const run = promisify(execFile);

/** A plain Fastify app with the Zod compilers the routes' schemas need (service-kit sets the same). */
function zodApp() {
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  return app;
}

let scope: TestScope;
let connection: BrokerConnection;
let deadLetters: DeadLetters;
let consumer: EventConsumer;
let publisher: EventPublisher;
/** Whether the consumer's handler accepts events yet (it rejects them until an operator "fixes" it). */
let fixed = false;
const handled: string[] = [];

beforeAll(async () => {
  scope = await useTestScope('messaging-dead-letters');
  connection = new BrokerConnection({ url: scope.amqpUrl, name: 'dead-letters-test' });
  await connection.start();
  deadLetters = new DeadLetters(connection);
  const exchange = scope.name('events');
  consumer = new EventConsumer({
    connection,
    exchange,
    queue: scope.name('notifications'),
    handlers: [
      handles('case.note_added', 1, (event) => {
        if (!fixed) return reject('province not configured');
        handled.push(event.id);
        return undefined;
      }),
    ],
    retryDelaysMs: [100],
  });
  await consumer.start();
  publisher = new EventPublisher({ connection, exchange });
  await publisher.start();
});

afterAll(async () => {
  await consumer?.stop();
  await connection?.close();
  await scope?.cleanup();
});

describe('dead-letter tooling', () => {
  it('lists, shows and re-drives dead-lettered events, which then reach the fixed handler', async () => {
    const events = [aNoteAdded(), aNoteAdded(), aNoteAdded()];
    for (const event of events) await publisher.publish(event);
    await eventually('three dead letters', async () => (await deadLetters.count(consumer.queue)) === 3);

    const listed = await deadLetters.list(consumer.queue);
    const shown = await deadLetters.show(consumer.queue, events[1]?.id ?? '');
    expect(listed.map((letter) => letter.messageId)).toEqual(events.map((event) => event.id));
    expect(shown).toMatchObject({
      reason: 'rejected',
      detail: 'province not configured',
      routingKey: 'case.note_added.v1',
    });
    expect(await deadLetters.count(consumer.queue)).toBe(3);

    fixed = true;
    const redriven = await deadLetters.redrive(consumer.queue, { messageIds: [events[1]?.id ?? ''] });

    expect(redriven).toEqual([events[1]?.id]);
    await eventually('the re-driven event to be handled', () => handled.includes(events[1]?.id ?? ''));
    expect(await deadLetters.count(consumer.queue)).toBe(2);
    await deadLetters.redrive(consumer.queue);
    await eventually('every event to be handled', () => handled.length === 3);
    expect(await deadLetters.count(consumer.queue)).toBe(0);
    fixed = false;
  });

  it('serves the same operations as admin routes that require the configured scopes', async () => {
    const event = aNoteAdded();
    await publisher.publish(event);
    await eventually('a dead letter', async () => (await deadLetters.count(consumer.queue)) === 1);
    const app = zodApp();
    const routeScopes: unknown[] = [];
    app.addHook('onRoute', (route) => {
      routeScopes.push(route.config);
    });
    await app.register(deadLetterRoutes, {
      prefix: '/admin',
      deadLetters,
      consumers: { notifications: consumer.queue },
      scopes: ['messaging:admin'],
    });

    const list = await app.inject({ method: 'GET', url: '/admin/dead-letters/notifications?limit=10' });
    const one = await app.inject({ method: 'GET', url: `/admin/dead-letters/notifications/${event.id}` });
    const unknown = await app.inject({ method: 'GET', url: '/admin/dead-letters/nobody' });
    fixed = true;
    const redrive = await app.inject({
      method: 'POST',
      url: '/admin/dead-letters/notifications/redrive',
      payload: { messageIds: [event.id] },
    });

    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ total: 1, items: [{ messageId: event.id, reason: 'rejected' }] });
    expect(one.json()).toMatchObject({ messageId: event.id, body: { id: event.id } });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(unknown.json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(redrive.json()).toEqual({ consumer: 'notifications', redriven: [event.id] });
    // Three routes, plus the HEAD routes fastify adds beside each GET.
    expect(routeScopes.length).toBeGreaterThanOrEqual(3);
    for (const config of routeScopes) expect(config).toMatchObject({ scopes: ['messaging:admin'] });
    await eventually('the re-driven event to be handled', () => handled.includes(event.id));
    await app.close();
    fixed = false;
  });

  it('validates input with the Zod compilers of the host app (a plain Fastify app here)', async () => {
    const app = zodApp();
    await app.register(deadLetterRoutes, {
      prefix: '/admin',
      deadLetters,
      consumers: { notifications: consumer.queue },
      scopes: [],
    });
    const refused = [
      {
        method: 'GET',
        url: '/admin/dead-letters/notifications?limit=0',
        says: 'querystring/limit Too small: expected number to be >=1',
      },
      {
        method: 'GET',
        url: '/admin/dead-letters/notifications?limit=abc',
        says: 'querystring/limit Invalid input: expected number, received NaN',
      },
      {
        method: 'GET',
        url: '/admin/dead-letters/notifications?limit=1&limit=2',
        says: 'querystring/limit Invalid input: expected number, received NaN',
      },
      {
        method: 'GET',
        url: '/admin/dead-letters/notifications?cursor=x',
        says: 'querystring/ Unrecognized key: "cursor"',
      },
      {
        method: 'POST',
        url: '/admin/dead-letters/notifications/redrive',
        payload: { messageIds: 'x' },
        says: 'body/messageIds Invalid input: expected array, received string',
      },
      {
        method: 'POST',
        url: '/admin/dead-letters/notifications/redrive',
        payload: { messageIds: [''] },
        says: 'body/messageIds/0 Too small: expected string to have >=1 characters',
      },
      {
        method: 'POST',
        url: '/admin/dead-letters/notifications/redrive',
        payload: { limit: 1.5 },
        says: 'body/limit Invalid input: expected int, received number',
      },
      {
        method: 'POST',
        url: '/admin/dead-letters/notifications/redrive',
        payload: { all: true },
        says: 'body/ Unrecognized key: "all"',
      },
    ] as const;
    for (const { says, ...request } of refused) {
      const response = await app.inject(request);
      expect(response.statusCode, request.url).toBe(400);
      expect(response.json<{ message: string }>().message, request.url).toBe(says);
    }
    const listed = await app.inject({ method: 'GET', url: '/admin/dead-letters/notifications?limit=5' });
    expect(listed.json()).toMatchObject({ consumer: 'notifications', total: 0, items: [] });
    await app.close();
  });

  it('answers 503 with Retry-After while there is no broker connection', async () => {
    const offline = new BrokerConnection({ url: scope.amqpUrl, name: 'never-started' });
    const app = zodApp();
    await app.register(deadLetterRoutes, {
      deadLetters: new DeadLetters(offline, { connectTimeoutMs: 50 }),
      consumers: { notifications: consumer.queue },
      scopes: [],
    });

    const response = await app.inject({ method: 'GET', url: '/dead-letters/notifications' });

    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
    expect(response.json()).toMatchObject({ status: 503, code: 'BROKER_UNAVAILABLE' });
    await app.close();
  });

  it('lists dead letters from the command line', async () => {
    const event = aNoteAdded();
    await publisher.publish(event);
    await eventually('a dead letter', async () => (await deadLetters.count(consumer.queue)) === 1);

    const { stdout } = await run(
      process.execPath,
      ['--conditions=source', 'src/cli.ts', 'list', consumer.queue, '--limit', '5'],
      { env: { ...process.env, AMQP_URL: scope.amqpUrl }, cwd: `${import.meta.dirname}/..` },
    );

    expect(JSON.parse(stdout)).toMatchObject([{ messageId: event.id, reason: 'rejected' }]);
  });
});
