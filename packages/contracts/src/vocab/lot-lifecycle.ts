import { z } from 'zod';

export const lotStatuses = [
  'arrived',
  'held',
  'pending_clearance',
  'cleared',
  'exited',
  'abandoned',
  'confiscated',
  'transferred_to_property_org',
  'auctioned',
  'destroyed',
  'returned',
] as const;

export const lotStatusSchema = z.enum(lotStatuses);
export type LotStatus = z.output<typeof lotStatusSchema>;

/** The goods lifecycle of DOMAIN.md, exactly. `abandoned` is متروکه; `confiscated` follows a verdict. */
const lotTransitions: Readonly<Record<LotStatus, readonly LotStatus[]>> = {
  arrived: ['held'],
  held: ['pending_clearance', 'abandoned', 'confiscated'],
  pending_clearance: ['cleared'],
  cleared: ['exited'],
  exited: [],
  abandoned: ['transferred_to_property_org'],
  confiscated: ['transferred_to_property_org'],
  transferred_to_property_org: ['auctioned', 'destroyed', 'returned'],
  auctioned: [],
  destroyed: [],
  returned: [],
};

/** Where a lot's story ends; dwell time (رسوب) runs until one of these. */
export const terminalLotStatuses = [
  'exited',
  'auctioned',
  'destroyed',
  'returned',
] as const satisfies readonly LotStatus[];

export function allowedLotTransitions(from: LotStatus): readonly LotStatus[] {
  return lotTransitions[from];
}

export function canTransitionLot(from: LotStatus, to: LotStatus): boolean {
  return lotTransitions[from].includes(to);
}

export function isTerminalLotStatus(status: LotStatus): boolean {
  return (terminalLotStatuses as readonly LotStatus[]).includes(status);
}
