import { describe, expect, it } from 'vitest';
import {
  allowedCaseTransitions,
  allowedLotTransitions,
  type CaseStatus,
  canTransitionCase,
  canTransitionLot,
  caseStatuses,
  isTerminalLotStatus,
  type LotStatus,
  lotStatuses,
  terminalLotStatuses,
} from '../src/index.ts';

const caseMoves: [CaseStatus, CaseStatus][] = [
  ['registered', 'under_investigation'],
  ['under_investigation', 'verdict_issued'],
  ['verdict_issued', 'in_execution'],
  ['in_execution', 'assets_seized'],
  ['assets_seized', 'closed'],
  ['verdict_issued', 'closed'],
  ['in_execution', 'closed'],
  ['registered', 'closed'],
  ['under_investigation', 'closed'],
];

const lotMoves: [LotStatus, LotStatus][] = [
  ['arrived', 'held'],
  ['held', 'pending_clearance'],
  ['pending_clearance', 'cleared'],
  ['cleared', 'exited'],
  ['held', 'abandoned'],
  ['abandoned', 'transferred_to_property_org'],
  ['held', 'confiscated'],
  ['confiscated', 'transferred_to_property_org'],
  ['transferred_to_property_org', 'auctioned'],
  ['transferred_to_property_org', 'destroyed'],
  ['transferred_to_property_org', 'returned'],
];

function allPairs<S extends string>(statuses: readonly S[]): [S, S][] {
  return statuses.flatMap((from) => statuses.map((to): [S, S] => [from, to]));
}

describe('case lifecycle', () => {
  it.each(caseMoves)('allows %s -> %s', (from, to) => {
    expect(canTransitionCase(from, to)).toBe(true);
  });

  it('allows nothing else', () => {
    const allowed = allPairs(caseStatuses).filter(([from, to]) => canTransitionCase(from, to));
    expect(allowed.sort()).toEqual([...caseMoves].sort());
  });

  it.each([
    ['registered', 'verdict_issued'],
    ['closed', 'registered'],
    ['assets_seized', 'in_execution'],
    ['registered', 'registered'],
    ['under_investigation', 'in_execution'],
  ] as const)('refuses %s -> %s', (from, to) => {
    expect(canTransitionCase(from, to)).toBe(false);
  });

  it('lists the next statuses, none after closed', () => {
    expect(allowedCaseTransitions('verdict_issued')).toEqual(['in_execution', 'closed']);
    expect(allowedCaseTransitions('closed')).toEqual([]);
  });
});

describe('goods lot lifecycle', () => {
  it.each(lotMoves)('allows %s -> %s', (from, to) => {
    expect(canTransitionLot(from, to)).toBe(true);
  });

  it('allows nothing else', () => {
    const allowed = allPairs(lotStatuses).filter(([from, to]) => canTransitionLot(from, to));
    expect(allowed.sort()).toEqual([...lotMoves].sort());
  });

  it.each([
    ['arrived', 'cleared'],
    ['held', 'exited'],
    ['abandoned', 'auctioned'],
    ['confiscated', 'held'],
    ['exited', 'held'],
    ['auctioned', 'returned'],
  ] as const)('refuses %s -> %s', (from, to) => {
    expect(canTransitionLot(from, to)).toBe(false);
  });

  it('ends in exited, auctioned, destroyed or returned, which have no way out', () => {
    expect([...terminalLotStatuses].sort()).toEqual(['auctioned', 'destroyed', 'exited', 'returned']);
    for (const status of lotStatuses) {
      expect(isTerminalLotStatus(status)).toBe(allowedLotTransitions(status).length === 0);
    }
  });
});
