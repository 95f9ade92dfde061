import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedCursorOf, seqOfFeedCursor } from '../src/domain/feed-cursor.ts';
import { as, startTestApp, type TestApp, type Who } from './support/app.ts';
import { holdChange, raiseNotification, resolveNotification } from './support/feed-notifications.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp('feeds-http');
});
afterAll(async () => {
  await t.close();
});

interface Page {
  audience: string;
  items: { id: string; seq: number; state: string; severity: string }[];
  nextCursor: string;
  upToDate: boolean;
  counts: { open: number; bySeverity: Record<string, number> };
}

async function page(audience: string, query = '', who: Who = 'prosecutorNational') {
  return t.app.inject({
    method: 'GET',
    url: `/v1/feeds/${audience}${query === '' ? '' : `?${query}`}`,
    headers: as(who),
  });
}

async function read(audience: string, query = ''): Promise<Page> {
  const response = await page(audience, query);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Page>();
}

/** Follows nextCursor from `after` until up to date; every page's items, in order. */
async function readAll(audience: string, after: string | undefined, limit: number) {
  const items: Page['items'] = [];
  let cursor = after;
  for (let pages = 0; pages < 50; pages += 1) {
    const p = await read(audience, `limit=${limit}${cursor === undefined ? '' : `&after=${cursor}`}`);
    items.push(...p.items);
    cursor = p.nextCursor;
    if (p.upToDate) return { items, cursor };
  }
  throw new Error('feed never got up to date');
}

describe('GET /v1/feeds/{audience}', () => {
  it('pages an audience’s changes in order and resumes from nextCursor with no gap and no repeat', async () => {
    const mine = [];
    for (let i = 0; i < 7; i += 1) {
      mine.push(await raiseNotification(t, { audiences: ['prosecutor:fars'] }));
      await raiseNotification(t, { audiences: ['prosecutor:qom'] });
    }
    const first = await read('prosecutor:fars', 'limit=3');
    expect(first).toMatchObject({ audience: 'prosecutor:fars', upToDate: false });
    expect(first.items.map((n) => n.id)).toEqual(mine.slice(0, 3).map((n) => n.id));

    const { items, cursor } = await readAll('prosecutor:fars', first.nextCursor, 3);
    const all = [...first.items, ...items];
    expect(all.map((n) => n.id)).toEqual(mine.map((n) => n.id));
    const seqs = all.map((n) => n.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));

    // Nothing new: an empty page, still up to date, and the cursor holds.
    const idle = await read('prosecutor:fars', `after=${cursor}`);
    expect(idle).toMatchObject({ items: [], upToDate: true });

    // A later change of a notification already read comes once more, at its new place, resolved.
    const first3 = mine[2];
    if (first3 === undefined) throw new Error('no notification');
    await resolveNotification(t, first3);
    const after = await readAll('prosecutor:fars', idle.nextCursor, 3);
    expect(after.items.map((n) => [n.id, n.state])).toEqual([[first3.id, 'resolved']]);
  });

  it('does not pass a change that commits after a later one', async () => {
    const early = await raiseNotification(t, { audiences: ['prosecutor:yazd'] });
    const start = await readAll('prosecutor:yazd', undefined, 50);
    expect(start.items.map((n) => n.id)).toEqual([early.id]);

    const held = await holdChange(t, early);
    const later = await raiseNotification(t, { audiences: ['prosecutor:yazd'] });
    expect(later.seq).toBeGreaterThan(held.seq);

    // The later change has landed, the earlier one not yet: the page stops below the earlier one.
    const before = await read('prosecutor:yazd', `after=${start.cursor}`);
    expect(before.items).toEqual([]);
    expect(seqOfFeedCursor(before.nextCursor)).toBeLessThan(held.seq);

    await held.land();
    const landed = await readAll('prosecutor:yazd', before.nextCursor, 50);
    expect(landed.items.map((n) => [n.id, n.seq])).toEqual([
      [early.id, held.seq],
      [later.id, later.seq],
    ]);
  });

  it('filters by state, severity, rule and province, and counts the open ones under the other filters', async () => {
    const audiences = ['prosecutor:kerman'];
    const fuel = await raiseNotification(t, {
      audiences,
      severity: 'high',
      ruleId: 'fuel_case_registered',
      province: 'kerman',
    });
    const late = await raiseNotification(t, { audiences, severity: 'warning', province: 'kerman' });
    const dereliction = await raiseNotification(t, {
      audiences,
      severity: 'critical',
      ruleId: 'suspected_dereliction',
      province: 'yazd',
    });
    const closed = await raiseNotification(t, { audiences, severity: 'warning', province: 'kerman' });
    await resolveNotification(t, closed);
    const ids = (p: Page) => p.items.map((n) => n.id);

    const warnings = await read('prosecutor:kerman', 'severity=warning');
    expect(ids(warnings)).toEqual([late.id, closed.id]);
    expect(warnings.counts).toEqual({
      open: 1,
      bySeverity: { info: 0, warning: 1, high: 0, critical: 0 },
    });

    const open = await read('prosecutor:kerman', 'state=open');
    expect(ids(open)).toEqual([fuel.id, late.id, dereliction.id]);
    expect(open.counts).toEqual({ open: 3, bySeverity: { info: 0, warning: 1, high: 1, critical: 1 } });

    const narrowed = await read(
      'prosecutor:kerman',
      'rule=case_determination_sla,fuel_case_registered&province=kerman',
    );
    expect(ids(narrowed)).toEqual([fuel.id, late.id, closed.id]);
    expect(narrowed.counts.open).toBe(2);

    // A filtered page that is up to date moves the cursor past the changes it left out.
    const resolvedOnly = await read('prosecutor:kerman', 'state=resolved');
    expect(ids(resolvedOnly)).toEqual([closed.id]);
    expect(await read('prosecutor:kerman', `after=${resolvedOnly.nextCursor}`)).toMatchObject({
      items: [],
      upToDate: true,
    });
  });

  it('names the field of a filter it does not know', async () => {
    const response = await page('prosecutor:kerman', 'severity=high,urgent');
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([expect.objectContaining({ path: 'query.severity.1' })]);
    for (const limit of ['0', '201', 'x'])
      expect((await page('prosecutor:kerman', `limit=${limit}`)).statusCode).toBe(400);
  });
});

describe('who reads a feed', () => {
  it('lets the province’s key and the agency’s national key read a provincial audience', async () => {
    await raiseNotification(t, { audiences: ['prosecutor:khuzestan'] });
    for (const who of ['prosecutorKhuzestan', 'prosecutorNational', 'prosecutorReadOnly'] as const) {
      const response = await page('prosecutor:khuzestan', '', who);
      expect(response.statusCode, who).toBe(200);
      expect(response.json<Page>().items.length).toBeGreaterThan(0);
    }
  });

  it('refuses another province and another agency with 403', async () => {
    for (const [who, audience] of [
      ['prosecutorBushehr', 'prosecutor:khuzestan'],
      ['customsKhuzestan', 'prosecutor:khuzestan'],
      ['prosecutorKhuzestan', 'inspection'],
    ] as const) {
      const response = await page(audience, '', who);
      expect(response.statusCode, `${who} on ${audience}`).toBe(403);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({ code: 'FEED_AUDIENCE_FORBIDDEN' });
    }
  });

  it('refuses a key without notifications:read with 403, and no key with 401', async () => {
    const response = await page('inspection', '', 'rulesReader');
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'INSUFFICIENT_SCOPE' });
    expect((await t.app.inject({ method: 'GET', url: '/v1/feeds/inspection' })).statusCode).toBe(401);
  });

  it('answers 400 naming the audience when it is not an agency or agency:province', async () => {
    for (const audience of ['pirates', 'prosecutor:atlantis', 'prosecutor:', 'prosecutor:khuzestan:x']) {
      const response = await page(encodeURIComponent(audience));
      expect(response.statusCode, audience).toBe(400);
      expect(response.json().errors).toEqual([expect.objectContaining({ path: 'params.audience' })]);
    }
  });

  it('answers 400 naming after for a cursor it did not issue', async () => {
    const forged = Buffer.from('{"seq":-4}').toString('base64url');
    for (const after of ['garbage', forged, `${feedCursorOf(3)}x`]) {
      const response = await page('prosecutor:khuzestan', `after=${after}`);
      expect(response.statusCode, after).toBe(400);
      expect(response.json().errors).toEqual([expect.objectContaining({ path: 'query.after' })]);
    }
  });
});

describe('the feeds in the OpenAPI document', () => {
  it('documents the page and the event stream', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json();
    expect(spec.paths['/v1/feeds/{audience}'].get.responses['200'].content['application/json']).toBeDefined();
    const stream = spec.paths['/v1/feeds/{audience}/stream'].get;
    expect(stream.responses['200'].content['text/event-stream']).toBeDefined();
    expect(stream.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['audience', 'after', 'severity', 'last-event-id']),
    );
  });
});
