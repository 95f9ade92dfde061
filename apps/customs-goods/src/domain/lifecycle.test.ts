import {
  allowedLotTransitions,
  type LotStatus,
  type LotTransitionBody,
  lotStatuses,
} from '@enforcement/contracts';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ABANDONMENT_POLICY } from './abandonment.ts';
import { dwellDays, type TransitionContext, transitionLot } from './lifecycle.ts';
import type { Lot } from './lot.ts';
import type { Office } from './offices.ts';

const NOW = new Date('2025-10-05T08:30:00.000Z');
const bushehr: Office = {
  id: 'bsh_bushehr',
  province: 'bushehr',
  kind: 'port',
  fa: 'بوشهر',
  en: 'Bushehr',
  active: true,
  updatedAt: NOW,
};
const context: TransitionContext = {
  now: NOW,
  policy: DEFAULT_ABANDONMENT_POLICY,
  destination: bushehr,
  newTransitId: 't-1',
};

/** A lot in `status`, warehoused long enough ago that abandonment is due. */
function aLotIn(status: LotStatus, overrides: Partial<Lot> = {}): Lot {
  const arrived = new Date('2025-01-01T00:00:00Z');
  return {
    id: 'lot-1',
    version: 3,
    status,
    officeId: 'khz_shalamcheh',
    province: 'khuzestan',
    description: 'لاستیک',
    hsCode: '401110',
    category: 'general',
    quantity: { amount: 100, unit: 'piece' },
    valueRials: '12500000000000',
    caseId: 'case-1',
    arrivedAt: arrived,
    registeredAt: arrived,
    heldSince: status === 'arrived' ? null : arrived,
    abandonmentDueAt: status === 'arrived' ? null : new Date('2025-04-01T00:00:00Z'),
    abandonmentExtended: false,
    statusChangedAt: arrived,
    terminalAt: null,
    caseVerdict: {
      caseId: 'case-1',
      outcome: 'acquitted',
      goodsConfiscated: false,
      verdictReference: 'v',
      issuedAt: arrived,
    },
    transit: null,
    updatedAt: arrived,
    ...overrides,
  };
}

function stepTo(to: LotStatus): LotTransitionBody {
  return { to } as LotTransitionBody;
}

describe('the lot lifecycle', () => {
  const pairs = lotStatuses.flatMap((from) => lotStatuses.map((to) => [from, to] as const));

  it.each(pairs)('from %s to %s is accepted exactly when the lifecycle lists it', (from, to) => {
    const decision = to === 'arrived' ? undefined : transitionLot(aLotIn(from), stepTo(to), context);
    const listed = allowedLotTransitions(from).includes(to);
    if (to === 'arrived') {
      expect(listed).toBe(false);
      return;
    }
    expect(decision?.ok, JSON.stringify(decision)).toBe(listed);
    if (!listed && decision && !decision.ok) {
      expect(decision.refusal).toEqual({
        kind: 'illegal_transition',
        from,
        to,
        allowed: allowedLotTransitions(from),
      });
    }
  });

  it('sets the first hold and the abandonment date at warehousing, three Solar Hijri months on', () => {
    const decision = transitionLot(aLotIn('arrived'), { to: 'held', at: '2025-03-05T08:00:00Z' }, context);
    expect(decision.ok && decision.value.next.heldSince?.toISOString()).toBe('2025-03-05T08:00:00.000Z');
    // 15 Esfand 1403 + 3 months = 15 Khordad 1404.
    expect(decision.ok && decision.value.next.abandonmentDueAt?.toISOString()).toBe(
      '2025-06-05T08:00:00.000Z',
    );
  });

  it('confiscates at once goods warehoused after their case’s verdict confiscated them', () => {
    const verdict = {
      caseId: 'case-1',
      outcome: 'convicted' as const,
      goodsConfiscated: true,
      verdictReference: 'v',
      issuedAt: NOW,
    };
    const decision = transitionLot(aLotIn('arrived', { caseVerdict: verdict }), { to: 'held' }, context);
    expect(decision.ok && decision.value.next.status).toBe('confiscated');
    expect(decision.ok && decision.value.changes.map((change) => change.to)).toEqual(['held', 'confiscated']);
    expect(decision.ok && decision.value.next.version).toBe(4);
  });

  it('refuses clearance while the lot’s case has no verdict, and after a verdict confiscated the goods', () => {
    const pending = transitionLot(
      aLotIn('held', { caseVerdict: null }),
      { to: 'pending_clearance' },
      context,
    );
    expect(!pending.ok && pending.refusal.kind).toBe('blocked_by_case');
    const confiscating = {
      caseId: 'case-1',
      outcome: 'convicted' as const,
      goodsConfiscated: true,
      verdictReference: 'v',
      issuedAt: NOW,
    };
    const cleared = transitionLot(
      aLotIn('pending_clearance', { caseVerdict: confiscating }),
      { to: 'cleared' },
      context,
    );
    expect(!cleared.ok && cleared.refusal.kind).toBe('blocked_by_case');
  });

  it('refuses abandonment before the abandonment date', () => {
    const early = aLotIn('held', { abandonmentDueAt: new Date('2025-12-01T00:00:00Z') });
    const decision = transitionLot(early, { to: 'abandoned' }, context);
    expect(!decision.ok && decision.refusal).toMatchObject({ kind: 'invalid_step', field: 'body.to' });
  });

  it('refuses a confiscation of goods that belong to no case', () => {
    const decision = transitionLot(aLotIn('held', { caseId: null }), { to: 'confiscated' }, context);
    expect(!decision.ok && decision.refusal).toMatchObject({ kind: 'invalid_step', field: 'body.to' });
  });

  it('refuses a step time in the future or before the lot’s last change', () => {
    const future = transitionLot(aLotIn('arrived'), { to: 'held', at: '2025-10-06T00:00:00Z' }, context);
    expect(!future.ok && future.refusal).toMatchObject({
      field: 'body.at',
      message: 'must not be in the future',
    });
    const past = transitionLot(aLotIn('arrived'), { to: 'held', at: '2024-01-01T00:00:00Z' }, context);
    expect(!past.ok && past.refusal).toMatchObject({ field: 'body.at' });
  });

  it('opens a transit on an exit towards another office', () => {
    const decision = transitionLot(
      aLotIn('cleared'),
      {
        to: 'exited',
        transit: {
          destinationOfficeId: 'bsh_bushehr',
          quantity: { amount: 100, unit: 'piece' },
          expectedArrivalAt: '2025-10-07T00:00:00Z',
        },
      },
      context,
    );
    expect(decision.ok && decision.value.opened).toMatchObject({
      transitId: 't-1',
      state: 'open',
      destination: { officeId: 'bsh_bushehr', province: 'bushehr' },
    });
    expect(decision.ok && decision.value.next.terminalAt).toEqual(NOW);
  });

  it('counts dwell from the first hold until a final state, frozen afterwards', () => {
    const held = aLotIn('held', { heldSince: new Date('2025-09-05T08:30:00Z') });
    expect(dwellDays(held, NOW)).toBe(30);
    expect(dwellDays({ ...held, terminalAt: new Date('2025-09-15T09:00:00Z') }, NOW)).toBe(10);
    expect(dwellDays(aLotIn('arrived'), NOW)).toBeNull();
  });
});
