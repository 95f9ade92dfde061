import { describe, expect, it } from 'vitest';
import type { CaseVerdict, Lot } from './lot.ts';
import { applyVerdict } from './verdict.ts';

const NOW = new Date('2025-10-05T08:30:00.000Z');
const lot = { id: 'lot-1', version: 2, status: 'held', caseId: 'case-1', caseVerdict: null } as Lot;
const confiscation: CaseVerdict = {
  caseId: 'case-1',
  outcome: 'convicted',
  goodsConfiscated: true,
  verdictReference: '9809',
  issuedAt: NOW,
};

describe('a case verdict applied to a lot', () => {
  it('confiscates a held lot when the verdict confiscates the goods, starting the hand-over clock', () => {
    const effect = applyVerdict(lot, confiscation, NOW);
    expect(effect?.next).toMatchObject({ status: 'confiscated', statusChangedAt: NOW, version: 3 });
    expect(effect?.change).toEqual({ from: 'held', to: 'confiscated', at: NOW });
  });

  it('releases a held lot for clearance after an acquittal', () => {
    const effect = applyVerdict(lot, { ...confiscation, outcome: 'acquitted', goodsConfiscated: false }, NOW);
    expect(effect?.next.status).toBe('pending_clearance');
  });

  it('only records the verdict on a lot not yet warehoused', () => {
    const effect = applyVerdict({ ...lot, status: 'arrived' }, confiscation, NOW);
    expect(effect).toMatchObject({ change: null, next: { status: 'arrived', caseVerdict: confiscation } });
  });

  it('does nothing the second time, nor to a finished lot or another case’s lot', () => {
    expect(applyVerdict({ ...lot, caseVerdict: confiscation }, confiscation, NOW)).toBeNull();
    expect(applyVerdict({ ...lot, status: 'exited' }, confiscation, NOW)).toBeNull();
    expect(applyVerdict({ ...lot, caseId: 'case-2' }, confiscation, NOW)).toBeNull();
  });
});
