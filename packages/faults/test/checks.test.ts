import { startMongoStandin } from '@enforcement/mongo-standin';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TappedEvent } from '../src/broker-reads.ts';
import { topicMatches } from '../src/broker-reads.ts';
import { type Databases, formatTable, runChecks } from '../src/checks.ts';
import { IN_PROGRESS, type LedgerEntry } from '../src/ledger.ts';

/* The checks themselves, on data made to be wrong in known ways: each fault must show in its row. */

let standin: Awaited<ReturnType<typeof startMongoStandin>>;
let client: MongoClient;
let dbs: Databases;

beforeAll(async () => {
  standin = await startMongoStandin({ port: 0, logger: { info() {}, warn() {} } });
  client = await new MongoClient(standin.url).connect();
  dbs = {
    caseIntake: client.db('checks_case_intake'),
    customsGoods: client.db('checks_customs_goods'),
    oversight: client.db('checks_oversight'),
  };
});

afterAll(async () => {
  await client.close();
  await standin.close();
});

const post = (path: string, status: string, response: unknown, attempts = [status]): LedgerEntry => ({
  method: 'POST',
  base: 'http://127.0.0.1:1',
  path,
  idempotencyKey: `k-${path}-${status}`,
  body: {},
  attempts,
  status,
  response,
});

const event = (type: string, subjectId: string, id: string): TappedEvent => ({
  id,
  type,
  routingKey: `${type}.v1`,
  subject: { kind: type.split('.')[0] ?? '', id: subjectId },
  payload: {},
});

describe('topicMatches', () => {
  it('matches AMQP topic patterns', () => {
    expect(topicMatches('case.*.v1', 'case.registered.v1')).toBe(true);
    expect(topicMatches('case.#', 'case.registered.v1')).toBe(true);
    expect(topicMatches('#', 'goods.lot_registered.v1')).toBe(true);
    expect(topicMatches('case.verdict_issued.v1', 'case.closed.v1')).toBe(false);
    expect(topicMatches('case.*', 'case.registered.v1')).toBe(false);
  });
});

describe('runChecks', () => {
  it('finds lost, duplicated and waiting things, and nothing when all is well', async () => {
    const now = new Date();
    await dbs.caseIntake.collection('cases').insertMany([
      // c-1: registered and one step accepted, both stored.
      { _id: 'c-1' as never, version: 2 },
      // c-2: one step accepted but not applied.
      { _id: 'c-2' as never, version: 1 },
      // c-4: stored although no client was told, and no answer was lost: a duplicate.
      { _id: 'c-4' as never, version: 1 },
      // c-5: a step whose answer was lost (409 in progress) may have been applied.
      { _id: 'c-5' as never, version: 2 },
      // An event still waiting in the outbox.
      { _id: 'c-6' as never, version: 1, outbox: [{ routingKey: 'case.registered.v1' }] },
    ]);
    const ledger = [
      post('/v1/cases', '201', { id: 'c-1' }),
      post('/v1/cases/c-1/transitions', '200', { id: 'c-1' }),
      post('/v1/cases', '201', { id: 'c-2' }),
      post('/v1/cases/c-2/transitions', '200', { id: 'c-2' }),
      // c-3: accepted, never stored.
      post('/v1/cases', '201', { id: 'c-3' }),
      post('/v1/cases', '201', { id: 'c-5' }),
      post('/v1/cases/c-5/transitions', IN_PROGRESS, {}, ['network error', IN_PROGRESS]),
      post('/v1/cases', '201', { id: 'c-6' }),
      post('/v1/cases', '400', {}),
    ];
    await dbs.oversight.collection('messaging_inbox').insertMany([
      { consumer: 'oversight.watched', eventId: 'e-1' },
      { consumer: 'oversight.watched', eventId: 'e-5' },
    ]);
    await dbs.oversight.collection('notifications').insertMany([
      { _id: 'n-1' as never, ruleId: 'r', subjectKey: 's', state: 'open', raisedAt: now, resolvedAt: null },
      { _id: 'n-2' as never, ruleId: 'r', subjectKey: 's', state: 'open', raisedAt: now, resolvedAt: null },
    ]);
    const { rows } = await runChecks(ledger, dbs, {
      events: [
        event('case.registered', 'c-1', 'e-1'),
        event('case.registered', 'c-1', 'e-1'),
        event('case.registered', 'c-2', 'e-2'),
        event('case.registered', 'c-2', 'e-3'),
        event('case.registered', 'c-5', 'e-5'),
        event('oversight.notification_raised', 'n-1', 'e-6'),
        event('oversight.notification_raised', 'n-2', 'e-7'),
      ],
      bindings: new Map([['oversight.watched', ['case.#']]]),
      inboxOf: new Map([['oversight.watched', dbs.oversight]]),
      waiting: [{ queue: 'oversight.watched.wait.1000ms', messages: 2 }],
      deadLetters: [{ queue: 'oversight.watched.dead', eventId: 'e-3', reason: undefined }],
    });
    const table = formatTable(rows);
    const of = (check: string) => rows.find((r) => r.check === check);
    expect(of('cases stored (accepted POST)'), table).toMatchObject({
      expected: 5,
      missing: 1,
      duplicated: 1,
    });
    expect(of('case steps applied once (versions)'), table).toMatchObject({
      expected: 2,
      missing: 1,
      duplicated: 0,
    });
    // c-3 was never stored, c-6's event never left its outbox.
    expect(of('case.registered published per accepted case'), table).toMatchObject({ missing: 2 });
    expect(of('events once per subject (distinct ids)'), table).toMatchObject({ duplicated: 1 });
    // e-2 is neither handled nor dead-lettered; e-3 waits as a dead letter (without its reason).
    expect(of('events handled by oversight.watched (inbox)'), table).toMatchObject({
      expected: 4,
      missing: 1,
    });
    expect(of('notifications: one at a time per rule+subject'), table).toMatchObject({ duplicated: 1 });
    expect(of('outboxes drained (documents with events)'), table).toMatchObject({ duplicated: 1 });
    expect(of('queues empty (but dead letters)'), table).toMatchObject({ duplicated: 1 });
    expect(of('dead letters carry a reason'), table).toMatchObject({ duplicated: 1 });
    expect(of('lots stored (accepted POST)'), table).toMatchObject({
      expected: 0,
      missing: 0,
      duplicated: 0,
    });
  });
});
