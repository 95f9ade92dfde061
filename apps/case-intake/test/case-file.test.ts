import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, startTestApp, type TestApp, type Who } from './support/app.ts';
import { aStepTo } from './support/cases.ts';
import { pending, rawCase } from './support/documents.ts';
import { registered, walked } from './support/http.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp('case-file');
});
afterAll(async () => {
  await t.close();
});

function addNote(caseId: string, text: unknown, who: Who = 'police') {
  return t.app.inject({
    method: 'POST',
    url: `/v1/cases/${caseId}/notes`,
    headers: as(who),
    payload: { text },
  });
}

function history(caseId: string, query = '', who: Who = 'police') {
  return t.app.inject({ method: 'GET', url: `/v1/cases/${caseId}/history${query}`, headers: as(who) });
}

describe('POST /v1/cases/{id}/notes', () => {
  it('adds a note as written, bumps the version and writes one case.note_added event', async () => {
    const kase = await registered(t.app);
    const response = await addNote(kase.id, 'پيگيري از گمرك خرمشهر');
    expect(response.statusCode).toBe(201);
    expect(response.headers.etag).toBe('"2"');
    expect(response.json()).toMatchObject({
      caseId: kase.id,
      authorAgency: 'police',
      text: 'پيگيري از گمرك خرمشهر',
    });
    const stored = await rawCase(t.db, kase.id);
    expect(pending(stored).map((entry) => entry.routingKey)).toEqual([
      'case.registered.v1',
      'case.note_added.v1',
    ]);
    expect(pending(stored)[1]?.event.payload).toMatchObject({
      noteId: response.json().noteId,
      text: 'پيگيري از گمرك خرمشهر',
    });
  });

  it('lets the handling authority add notes too', async () => {
    const kase = await registered(t.app);
    expect((await addNote(kase.id, 'ارجاع به شعبه', 'prosecutor')).statusCode).toBe(201);
  });

  it('refuses an empty note with 400 naming body.text', async () => {
    const kase = await registered(t.app);
    const response = await addNote(kase.id, '');
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('body.text');
  });

  const denied: [Who, number][] = [
    ['inspection', 403],
    ['customs', 404],
    ['policeTehran', 404],
  ];
  for (const [who, status] of denied) {
    it(`refuses a note by ${who} with ${status} and writes no event`, async () => {
      const kase = await registered(t.app);
      const response = await addNote(kase.id, 'یادداشت', who);
      expect(response.statusCode).toBe(status);
      expect(pending(await rawCase(t.db, kase.id))).toHaveLength(1);
    });
  }
});

describe('GET /v1/cases/{id}/history', () => {
  it('keeps every change with who, which agency, when and what, oldest first', async () => {
    const kase = await registered(t.app);
    t.clock.now = new Date('2025-10-06T09:00:00.000Z');
    await walked(t.app, kase.id, [aStepTo('under_investigation')]);
    await addNote(kase.id, 'یادداشت پلیس');
    t.clock.now = new Date('2025-10-05T08:30:00.000Z');
    const response = await history(kase.id);
    expect(response.statusCode).toBe(200);
    expect(response.json().items).toEqual([
      expect.objectContaining({
        seq: 1,
        change: 'registered',
        agency: 'police',
        keyId: 'police',
        fromStatus: null,
        toStatus: 'registered',
        at: '2025-10-05T08:30:00.000Z',
      }),
      expect.objectContaining({
        seq: 2,
        change: 'under_investigation',
        agency: 'prosecutor',
        keyId: 'prosecutor',
        fromStatus: 'registered',
        toStatus: 'under_investigation',
        at: '2025-10-06T09:00:00.000Z',
        data: { branch: { id: 'branch-ahvaz-7', name: 'شعبه ۷ دادسرای اهواز' } },
      }),
      expect.objectContaining({
        seq: 3,
        change: 'note_added',
        agency: 'police',
        data: expect.objectContaining({ text: 'یادداشت پلیس' }),
      }),
    ]);
    expect(response.json().nextCursor).toBeNull();
  });

  it('pages the history with a cursor', async () => {
    const kase = await registered(t.app);
    for (const text of ['یک', 'دو', 'سه']) await addNote(kase.id, text);
    const first = await history(kase.id, '?limit=3');
    expect(first.json().items.map((entry: { seq: number }) => entry.seq)).toEqual([1, 2, 3]);
    const second = await history(kase.id, `?limit=3&cursor=${first.json().nextCursor}`);
    expect(second.json().items.map((entry: { seq: number }) => entry.seq)).toEqual([4]);
    expect(second.json().nextCursor).toBeNull();
  });

  it('shows the history to oversight and hides it, as 404, from agencies that cannot see the case', async () => {
    const kase = await registered(t.app);
    expect((await history(kase.id, '', 'inspection')).statusCode).toBe(200);
    expect((await history(kase.id, '', 'customs')).statusCode).toBe(404);
    expect((await history('no-such-case')).statusCode).toBe(404);
  });

  it('refuses a cursor it did not issue with 400', async () => {
    const kase = await registered(t.app);
    const response = await history(kase.id, '?cursor=abc');
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('query.cursor');
  });
});
