import type { CaseView } from '@enforcement/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type Who } from './support/app.ts';
import { aStepTo } from './support/cases.ts';
import { pending, rawCase } from './support/documents.ts';
import { registered, registeredUnit, transition, walked } from './support/http.ts';

let t: TestApp;
let prosecutionUnit: string;
let taziratUnit: string;
let tehranUnit: string;

beforeAll(async () => {
  t = await startTestApp('transitions');
  prosecutionUnit = await registeredUnit(t.app, { kind: 'prosecutor', province: 'khuzestan' });
  taziratUnit = await registeredUnit(t.app, { kind: 'tazirat', province: 'khuzestan' });
  tehranUnit = await registeredUnit(t.app, { kind: 'prosecutor', province: 'tehran' });
});
afterAll(async () => {
  await t.close();
});

const conviction = () => [
  aStepTo('under_investigation'),
  aStepTo('verdict_issued'),
  { to: 'in_execution', executionUnitId: prosecutionUnit },
  aStepTo('assets_seized'),
  { to: 'closed', reason: 'assets_seized' },
];

describe('POST /v1/cases/{id}/transitions', () => {
  it('walks a case through the whole conviction path, recording each step', async () => {
    const kase = await registered(t.app);
    const closed = await walked(t.app, kase.id, conviction());
    expect(closed).toMatchObject({
      status: 'closed',
      version: 6,
      verdict: { outcome: 'convicted', fineRials: '25000000000000', goodsConfiscated: true },
      execution: { executionUnitId: prosecutionUnit, unitKind: 'prosecutor' },
      assetSeizure: { totalValueRials: '8000000000' },
      closure: { reason: 'assets_seized', closedAt: '2025-10-05T08:30:00.000Z' },
      overdueForDetermination: false,
    });
  });

  it('writes exactly one event of the step’s type per change, in order, with what consumers need', async () => {
    const kase = await registered(t.app);
    await walked(t.app, kase.id, conviction());
    const stored = await rawCase(t.db, kase.id);
    expect(pending(stored).map((entry) => entry.routingKey)).toEqual([
      'case.registered.v1',
      'case.assigned.v1',
      'case.verdict_issued.v1',
      'case.execution_started.v1',
      'case.assets_seized.v1',
      'case.closed.v1',
    ]);
    expect(new Set(pending(stored).map((entry) => entry.event.id)).size).toBe(6);
    const [, , verdict, execution, , closedEvent] = pending(stored).map((entry) => entry.event);
    expect(verdict?.payload).toMatchObject({
      caseId: kase.id,
      province: 'khuzestan',
      fineRials: '25000000000000',
    });
    expect(execution?.payload).toMatchObject({ executionUnit: { id: prosecutionUnit, kind: 'prosecutor' } });
    expect(closedEvent?.payload).toMatchObject({ previousStatus: 'assets_seized', reason: 'assets_seized' });
    expect(closedEvent?.subject.id).toBe(kase.id);
  });

  it('closes an acquittal straight from the verdict', async () => {
    const kase = await registered(t.app);
    const closed = await walked(t.app, kase.id, [
      aStepTo('under_investigation'),
      {
        to: 'verdict_issued',
        verdictReference: 'V-1',
        outcome: 'acquitted',
        fineRials: 0,
        goodsConfiscated: false,
      },
      { to: 'closed', reason: 'acquitted' },
    ]);
    expect(closed.closure?.reason).toBe('acquitted');
  });

  it('takes a Ta’zirat case to a Ta’zirat execution unit and closes it when the fine is paid', async () => {
    const kase = await registered(t.app, { handlingAuthority: 'tazirat' });
    const closed = await walked(
      t.app,
      kase.id,
      [
        aStepTo('under_investigation'),
        aStepTo('verdict_issued'),
        { to: 'in_execution', executionUnitId: taziratUnit },
        { to: 'closed', reason: 'fine_paid_in_full' },
      ],
      'tazirat',
    );
    expect(closed.status).toBe('closed');
  });

  it('refuses an illegal move with 409 naming the current state and the allowed next ones, changing nothing', async () => {
    const kase = await registered(t.app);
    const before = await rawCase(t.db, kase.id);
    const response = await transition(t.app, kase.id, aStepTo('verdict_issued'));
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      code: 'CASE_ILLEGAL_TRANSITION',
      currentStatus: 'registered',
      allowedTransitions: ['under_investigation', 'closed'],
    });
    expect(await rawCase(t.db, kase.id)).toEqual(before);
  });

  it('refuses any move out of closed, saying none is allowed', async () => {
    const kase = await registered(t.app);
    await walked(t.app, kase.id, [{ to: 'closed', reason: 'dismissed' }]);
    const response = await transition(t.app, kase.id, aStepTo('under_investigation'));
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ currentStatus: 'closed', allowedTransitions: [] });
  });

  it('applies a move whose If-Match names the current version', async () => {
    const kase = await registered(t.app);
    const response = await transition(t.app, kase.id, aStepTo('under_investigation'), 'prosecutor', {
      'if-match': '"1"',
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBe('"2"');
  });

  it('refuses a stale If-Match with 412 and the current version, changing nothing', async () => {
    const kase = await registered(t.app);
    await walked(t.app, kase.id, [aStepTo('under_investigation')]);
    const before = await rawCase(t.db, kase.id);
    const response = await transition(t.app, kase.id, aStepTo('verdict_issued'), 'prosecutor', {
      'if-match': '"1"',
    });
    expect(response.statusCode).toBe(412);
    expect(response.json()).toMatchObject({ code: 'CASE_VERSION_MISMATCH', currentVersion: 2 });
    expect(await rawCase(t.db, kase.id)).toEqual(before);
  });

  it('refuses an If-Match that is not one of its ETags with 400', async () => {
    const kase = await registered(t.app);
    const response = await transition(t.app, kase.id, aStepTo('under_investigation'), 'prosecutor', {
      'if-match': '*',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('headers.if-match');
  });

  // Steps are thunks: the unit ids exist only once beforeAll has run.
  const misfits: [string, () => unknown[], () => unknown, string][] = [
    [
      'a fine on a dismissal',
      () => [aStepTo('under_investigation')],
      () => ({
        to: 'verdict_issued',
        verdictReference: 'V',
        outcome: 'dismissed',
        fineRials: '5',
        goodsConfiscated: false,
      }),
      'body.fineRials',
    ],
    [
      'an execution unit that does not exist',
      () => [aStepTo('under_investigation'), aStepTo('verdict_issued')],
      () => ({ to: 'in_execution', executionUnitId: 'no-such-unit' }),
      'body.executionUnitId',
    ],
    [
      'a Ta’zirat unit for a prosecutor’s case',
      () => [aStepTo('under_investigation'), aStepTo('verdict_issued')],
      () => ({ to: 'in_execution', executionUnitId: taziratUnit }),
      'body.executionUnitId',
    ],
    [
      'a unit in another province',
      () => [aStepTo('under_investigation'), aStepTo('verdict_issued')],
      () => ({ to: 'in_execution', executionUnitId: tehranUnit }),
      'body.executionUnitId',
    ],
    [
      'a closure reason that does not fit the path',
      () => [],
      () => ({ to: 'closed', reason: 'fine_paid_in_full' }),
      'body.reason',
    ],
    [
      'a step dated in the future',
      () => [],
      () => ({ to: 'closed', reason: 'dismissed', closedAt: '2030-01-01T00:00:00Z' }),
      'body.closedAt',
    ],
  ];
  for (const [what, path, step, field] of misfits) {
    it(`refuses ${what} with 422 naming ${field}, changing nothing`, async () => {
      const kase = await registered(t.app);
      if (path().length > 0) await walked(t.app, kase.id, path());
      const before = await rawCase(t.db, kase.id);
      const response = await transition(t.app, kase.id, step());
      expect(response.statusCode, response.body).toBe(422);
      expect(response.json()).toMatchObject({ code: 'CASE_STEP_INVALID', errors: [{ path: field }] });
      expect(await rawCase(t.db, kase.id)).toEqual(before);
    });
  }

  const malformed: [string, unknown, string][] = [
    ['an unknown target status', { to: 'pardoned' }, 'body.to'],
    [
      'a verdict without its outcome',
      { to: 'verdict_issued', verdictReference: 'V', fineRials: '0', goodsConfiscated: false },
      'body.outcome',
    ],
    [
      'a negative fine',
      {
        to: 'verdict_issued',
        verdictReference: 'V',
        outcome: 'convicted',
        fineRials: -1,
        goodsConfiscated: true,
      },
      'body.fineRials',
    ],
    ['an asset seizure with no assets', { to: 'assets_seized', assets: [] }, 'body.assets'],
  ];
  for (const [what, step, field] of malformed) {
    it(`refuses ${what} with 400 naming ${field}`, async () => {
      const kase = await registered(t.app);
      const response = await transition(t.app, kase.id, step);
      expect(response.statusCode).toBe(400);
      expect(response.json().errors.map((error: { path: string }) => error.path)).toContain(field);
    });
  }

  const denied: [Who, number, string][] = [
    ['police', 403, 'the discovering agency (it follows, the handling authority acts)'],
    ['inspection', 403, 'an oversight agency that may only read'],
    ['customs', 404, 'an agency that cannot see the case'],
    ['prosecutorTehran', 404, 'the handling authority limited to another province'],
    ['tazirat', 404, 'the other authority'],
  ];
  for (const [who, status, what] of denied) {
    it(`refuses a move by ${what} with ${status}, changing nothing`, async () => {
      const kase = await registered(t.app);
      const before = await rawCase(t.db, kase.id);
      const response = await transition(t.app, kase.id, aStepTo('under_investigation'), who);
      expect(response.statusCode).toBe(status);
      expect(await rawCase(t.db, kase.id)).toEqual(before);
    });
  }

  it('lets a province-limited handling authority move cases of its province', async () => {
    const kase = await registered(t.app);
    const response = await transition(t.app, kase.id, aStepTo('under_investigation'), 'prosecutorKhuzestan');
    expect(response.statusCode).toBe(200);
  });

  it('answers 404 for a move on a case that does not exist', async () => {
    const response = await transition(t.app, 'no-such-case', aStepTo('under_investigation'));
    expect(response.statusCode).toBe(404);
  });

  it('applies concurrent moves of one case one after the other, never both from the same state', async () => {
    const kase: CaseView = await registered(t.app);
    const responses = await Promise.all([
      transition(t.app, kase.id, aStepTo('under_investigation')),
      transition(t.app, kase.id, aStepTo('under_investigation')),
    ]);
    expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 409]);
    const stored = await rawCase(t.db, kase.id);
    expect(stored.version).toBe(2);
    expect(pending(stored)).toHaveLength(2);
  });
});
