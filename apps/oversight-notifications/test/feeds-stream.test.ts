import { SseClient } from '@enforcement/testkit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { feedCursorOf, seqOfFeedCursor } from '../src/domain/feed-cursor.ts';
import { as, eventually, startTestApp, type TestApp, type Who } from './support/app.ts';
import { holdChange, raiseNotification } from './support/feed-notifications.ts';

/** Small intervals and bound, so the test sees polls, heartbeats and the limit quickly. */
const env = { FEED_POLL_MS: '20', SSE_HEARTBEAT_S: '1', SSE_MAX_STREAMS_PER_PRINCIPAL: '2' };

let t: TestApp;
let base: string;
const clients: SseClient[] = [];
/** Responses the server has not seen closed yet; a stream's slot is freed when its response closes. */
let serving = 0;
beforeAll(async () => {
  t = await startTestApp('feeds-stream', env);
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  t.app.server.on('request', (_request, response) => {
    serving += 1;
    response.once('close', () => {
      serving -= 1;
    });
  });
});
// Each test starts with every stream of the tests before it closed on both ends, so no slot is held.
afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await eventually(
    () => serving,
    (count) => count === 0,
  );
});
afterAll(async () => {
  await t.close();
});

/** The `notification` events a client read so far. */
const notificationsOf = (client: SseClient) =>
  client.dataOf<{ id: string; seq: number; state: string }>('notification');

async function stream(audience: string, who: Who, options: { query?: string; lastEventId?: string } = {}) {
  const url = `${base}/v1/feeds/${audience}/stream${options.query === undefined ? '' : `?${options.query}`}`;
  const headers = as(who, options.lastEventId === undefined ? {} : { 'last-event-id': options.lastEventId });
  const client = await SseClient.open(url, headers);
  clients.push(client);
  return client;
}

/** Waits until `client` has read `count` notification events; its events. */
async function eventsOf(client: SseClient, count: number) {
  const events = await eventually(
    () => notificationsOf(client),
    (read) => read.length >= count,
  );
  expect(events).toHaveLength(count);
  return events;
}

describe('GET /v1/feeds/{audience}/stream', () => {
  it('delivers changes live, in order, each with its cursor as the event id', async () => {
    const client = await stream('prosecutor:gilan', 'prosecutorNational');
    expect(client.status).toBe(200);
    expect(client.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(client.headers['x-request-id']).toBeTruthy();
    expect(client.headers['x-content-type-options']).toBe('nosniff');
    await eventually(
      () => client.messages.length,
      (count) => count > 0,
    );

    const raised = [];
    for (let i = 0; i < 3; i += 1) {
      raised.push(await raiseNotification(t, { audiences: ['prosecutor:gilan'] }));
      await raiseNotification(t, { audiences: ['prosecutor:golestan'] });
    }
    const events = await eventsOf(client, 3);
    expect(events.map((e) => e.data.id)).toEqual(raised.map((n) => n.id));
    expect(events.map((e) => seqOfFeedCursor(e.id))).toEqual(raised.map((n) => n.seq));
  });

  it('resumes after Last-Event-ID with exactly the changes missed, none twice, none skipped', async () => {
    const audiences = ['prosecutor:ilam'];
    const before = [await raiseNotification(t, { audiences }), await raiseNotification(t, { audiences })];
    const first = await stream('prosecutor:ilam', 'prosecutorNational', {
      query: `after=${feedCursorOf(0)}`,
    });
    const seen = await eventsOf(first, 2);
    first.close();
    await first.ended;

    // While disconnected: a new notification, a change of one already seen that commits only after a
    // later change has landed, and that later change.
    const missed = await raiseNotification(t, { audiences });
    const [seenFirst] = before;
    if (seenFirst === undefined) throw new Error('nothing raised');
    const held = await holdChange(t, seenFirst);
    const later = await raiseNotification(t, { audiences });
    const lastEventId = first.lastEventId;
    if (lastEventId === undefined) throw new Error('no event id');

    const second = await stream('prosecutor:ilam', 'prosecutorNational', {
      lastEventId,
      query: `after=${feedCursorOf(0)}`, // the header wins
    });
    await held.land();
    const resumed = await eventsOf(second, 3);
    expect(resumed.map((e) => [e.data.id, seqOfFeedCursor(e.id)])).toEqual([
      [missed.id, missed.seq],
      [seenFirst.id, held.seq],
      [later.id, later.seq],
    ]);
    // Across both connections every change came once, in order.
    const changes = [...seen, ...resumed].map((e) => e.data.seq);
    expect(changes).toEqual([...new Set(changes)].sort((a, b) => a - b));
  });

  it('sends heartbeats, which move the last event id past changes the filters left out', async () => {
    const client = await stream('prosecutor:hamadan', 'prosecutorNational', { query: 'severity=critical' });
    const skipped = await raiseNotification(t, { audiences: ['prosecutor:hamadan'], severity: 'warning' });
    const beat = await eventually(
      () => client.messages.find((m) => m.comments.includes('heartbeat') && m.id !== undefined),
      (found) => found !== undefined,
    );
    expect(notificationsOf(client)).toEqual([]);
    expect(seqOfFeedCursor(beat?.id ?? '')).toBeGreaterThanOrEqual(skipped.seq);
  });

  it('bounds the open streams of a key with 429, and a closed stream frees its slot', async () => {
    const open = [
      await stream('prosecutor:khuzestan', 'prosecutorReadOnly'),
      await stream('prosecutor:khuzestan', 'prosecutorReadOnly'),
    ];
    expect(open.map((c) => c.status)).toEqual([200, 200]);

    const refused = await stream('prosecutor:khuzestan', 'prosecutorReadOnly');
    expect(refused.status).toBe(429);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await refused.json()).toMatchObject({ code: 'FEED_STREAM_LIMIT' });

    // Another key has slots of its own.
    const other = await stream('prosecutor:khuzestan', 'prosecutorKhuzestan');
    expect(other.status).toBe(200);
    other.close();

    open[0]?.close();
    const reopened = await eventually(
      async () => {
        const client = await stream('prosecutor:khuzestan', 'prosecutorReadOnly');
        if (client.status !== 200) client.close();
        return client.status;
      },
      (status) => status === 200,
    );
    expect(reopened).toBe(200);
  });

  it('checks the audience, the key and the Last-Event-ID before streaming', async () => {
    const otherProvince = await stream('prosecutor:khuzestan', 'prosecutorBushehr');
    expect(otherProvince.status).toBe(403);
    expect(await otherProvince.json()).toMatchObject({ code: 'FEED_AUDIENCE_FORBIDDEN' });

    const badId = await stream('prosecutor:khuzestan', 'prosecutorNational', { lastEventId: 'not-ours' });
    expect(badId.status).toBe(400);
    expect((await badId.json()).errors).toEqual([expect.objectContaining({ path: 'headers.last-event-id' })]);

    const unknown = await stream('smugglers', 'prosecutorNational');
    expect(unknown.status).toBe(400);
  });
});

describe('closing the app', () => {
  it('ends open streams so app.close() returns', async () => {
    const other = await startTestApp('feeds-stream-close', env);
    const url = await other.app.listen({ port: 0, host: '127.0.0.1' });
    const client = await SseClient.open(`${url}/v1/feeds/inspection/stream`, as('inspection'));
    expect(client.status).toBe(200);
    await other.close();
    await client.ended;
    expect(client.messages.length).toBeGreaterThan(0);
  });
});
