import { type CaseStatus, caseStatuses } from '@enforcement/contracts';
import { describe, expect, it } from 'vitest';
import { aCaseIn, aStepTo, khuzestanProsecutionUnit, NOW } from '../../test/support/cases.ts';
import { allowedClosureReasons, transitionCase } from './lifecycle.ts';

/** The lifecycle of DOMAIN.md, written out again here so the test does not trust the code it checks. */
const LEGAL = new Set([
  'registered->under_investigation',
  'registered->closed',
  'under_investigation->verdict_issued',
  'under_investigation->closed',
  'verdict_issued->in_execution',
  'verdict_issued->closed',
  'in_execution->assets_seized',
  'in_execution->closed',
  'assets_seized->closed',
]);

const context = { now: NOW, executionUnit: khuzestanProsecutionUnit };

function stepFor(from: CaseStatus, to: Exclude<CaseStatus, 'registered'>) {
  const kase = aCaseIn(from);
  return { kase, step: aStepTo(to, allowedClosureReasons(kase)[0]) };
}

describe('the case lifecycle', () => {
  const targets = caseStatuses.filter((s): s is Exclude<CaseStatus, 'registered'> => s !== 'registered');
  for (const from of caseStatuses) {
    for (const to of targets) {
      const legal = LEGAL.has(`${from}->${to}`);
      it(`${legal ? 'moves' : 'refuses to move'} a case from ${from} to ${to}`, () => {
        const { kase, step } = stepFor(from, to);
        const result = transitionCase(kase, step, context);
        if (legal) {
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          expect(result.value.next.status).toBe(to);
          expect(result.value.next.version).toBe(kase.version + 1);
          expect(result.value.from).toBe(from);
        } else {
          expect(result).toEqual({
            ok: false,
            refusal: {
              kind: 'illegal_transition',
              from,
              to,
              allowed: [...LEGAL].filter((pair) => pair.startsWith(`${from}->`)).map((p) => p.split('->')[1]),
            },
          });
        }
      });
    }
    it(`refuses to move a case from ${from} back to registered`, () => {
      const kase = aCaseIn(from);
      const result = transitionCase(kase, { to: 'registered' } as never, context);
      expect(result.ok).toBe(false);
    });
  }

  it('leaves the case it was given unchanged', () => {
    const kase = aCaseIn('registered');
    const before = structuredClone(kase);
    transitionCase(kase, aStepTo('under_investigation'), context);
    expect(kase).toEqual(before);
  });
});

describe('the data each step records', () => {
  it('records the branch of an assignment', () => {
    const result = transitionCase(aCaseIn('registered'), aStepTo('under_investigation'), context);
    expect(result.ok && result.value.next.assignment?.branch.id).toBe('branch-ahvaz-7');
  });

  it('refuses a fine on an acquittal', () => {
    const result = transitionCase(
      aCaseIn('under_investigation'),
      {
        to: 'verdict_issued',
        verdictReference: 'v-1',
        outcome: 'acquitted',
        fineRials: '10',
        goodsConfiscated: false,
      },
      context,
    );
    expect(result).toEqual({
      ok: false,
      refusal: {
        kind: 'invalid_step',
        field: 'body.fineRials',
        message: 'must be 0 when the outcome is acquitted',
      },
    });
  });

  it('refuses to execute a verdict that is not a conviction', () => {
    const acquitted = transitionCase(
      aCaseIn('under_investigation'),
      {
        to: 'verdict_issued',
        verdictReference: 'v-1',
        outcome: 'acquitted',
        fineRials: '0',
        goodsConfiscated: false,
      },
      context,
    );
    if (!acquitted.ok) throw new Error('acquittal refused');
    const result = transitionCase(acquitted.value.next, aStepTo('in_execution'), context);
    expect(!result.ok && result.refusal.kind).toBe('invalid_step');
  });

  it('refuses an execution unit that does not exist, of the other authority or in another province', () => {
    const kase = aCaseIn('verdict_issued');
    const step = aStepTo('in_execution');
    const fields = [
      transitionCase(kase, step, { now: NOW }),
      transitionCase(kase, step, {
        now: NOW,
        executionUnit: { ...khuzestanProsecutionUnit, kind: 'tazirat' },
      }),
      transitionCase(kase, step, {
        now: NOW,
        executionUnit: { ...khuzestanProsecutionUnit, province: 'tehran' },
      }),
    ].map((result) =>
      result.ok ? 'accepted' : result.refusal.kind === 'invalid_step' && result.refusal.field,
    );
    expect(fields).toEqual(['body.executionUnitId', 'body.executionUnitId', 'body.executionUnitId']);
  });

  it('totals the value of seized assets exactly beyond 2^53', () => {
    const result = transitionCase(
      aCaseIn('in_execution'),
      {
        to: 'assets_seized',
        assets: [
          { kind: 'real_estate', description: 'ملک', valueRials: '9007199254740993' },
          { kind: 'cash', description: 'وجه نقد', valueRials: '7' },
        ],
      },
      context,
    );
    expect(result.ok && result.value.next.assetSeizure?.totalValueRials).toBe('9007199254741000');
  });

  it('accepts only the closure reason matching the path into closed', () => {
    expect(allowedClosureReasons(aCaseIn('registered'))).toEqual(['dismissed']);
    expect(allowedClosureReasons(aCaseIn('verdict_issued'))).toEqual(['nothing_to_collect']);
    expect(allowedClosureReasons(aCaseIn('in_execution'))).toEqual(['fine_paid_in_full']);
    expect(allowedClosureReasons(aCaseIn('assets_seized'))).toEqual(['assets_seized']);
    const result = transitionCase(aCaseIn('in_execution'), { to: 'closed', reason: 'dismissed' }, context);
    expect(!result.ok && result.refusal).toEqual({
      kind: 'invalid_step',
      field: 'body.reason',
      message: 'must be fine_paid_in_full for a case in in_execution',
    });
  });

  it('refuses a step dated in the future or before the discovery', () => {
    const kase = aCaseIn('registered');
    const future = transitionCase(
      kase,
      { to: 'closed', reason: 'dismissed', closedAt: '2026-01-01T00:00:00Z' },
      context,
    );
    const early = transitionCase(
      kase,
      { to: 'closed', reason: 'dismissed', closedAt: '2020-01-01T00:00:00Z' },
      context,
    );
    expect(!future.ok && future.refusal).toEqual({
      kind: 'invalid_step',
      field: 'body.closedAt',
      message: 'must not be in the future',
    });
    expect(!early.ok && early.refusal.kind).toBe('invalid_step');
  });
});
