import { type AnyEvent, EVENTS_EXCHANGE, parseEvent } from '@enforcement/contracts';
import amqp, { type Channel, type ChannelModel } from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CustomsGoodsMessaging, wireMessaging } from '../src/messaging.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { pending, rawLot } from './support/documents.ts';
import { eventually, registered, walked } from './support/lots.ts';

let t: TestApp;
let messaging: CustomsGoodsMessaging;
let connection: ChannelModel;
let channel: Channel;
const received: AnyEvent[] = [];

beforeAll(async () => {
  t = await startTestApp('outbox-relay');
  connection = await amqp.connect(t.scope.amqpUrl);
  channel = await connection.createChannel();
  await channel.assertExchange(EVENTS_EXCHANGE, 'topic', { durable: true });
  const { queue } = await channel.assertQueue('', { exclusive: true });
  await channel.bindQueue(queue, EVENTS_EXCHANGE, 'goods.#');
  await channel.consume(queue, (message) => {
    if (!message) return;
    const parsed = parseEvent(JSON.parse(message.content.toString()));
    if (parsed.ok) received.push(parsed.event);
    channel.ack(message);
  });
  messaging = wireMessaging(t.app, t.db, {
    amqpUrl: t.scope.amqpUrl,
    caseEventsQueue: t.scope.name('case-events'),
  });
});

afterAll(async () => {
  await messaging.close();
  await connection.close();
  await t.close();
});

async function eventsAbout(subjectId: string, count: number): Promise<AnyEvent[]> {
  return eventually(
    async () => received.filter((event) => event.subject.id === subjectId),
    (events) => events.length >= count,
  );
}

describe('the lots’ outbox relay, publishing to the real broker', () => {
  it('publishes events written before it started, once each and in order, and drains the outbox', async () => {
    const lot = await registered(t.app);
    await walked(t.app, lot.id, [{ to: 'held' }]);
    expect(pending(await rawLot(t.db, lot.id))).toHaveLength(2);
    await messaging.start();
    const events = await eventsAbout(lot.id, 2);
    expect(events.map((event) => event.type)).toEqual(['goods.lot_registered', 'goods.status_changed']);
    expect(pending(await rawLot(t.db, lot.id))).toEqual([]);
  });

  it('publishes the events of later changes while running', async () => {
    const lot = await registered(t.app, { caseId: null });
    await walked(t.app, lot.id, [{ to: 'held' }, { to: 'pending_clearance' }]);
    const events = await eventsAbout(lot.id, 3);
    expect(events.map((event) => event.type)).toEqual([
      'goods.lot_registered',
      'goods.status_changed',
      'goods.status_changed',
    ]);
  });
});
