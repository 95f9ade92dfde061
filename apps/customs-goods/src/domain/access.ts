import type { LotStatus } from '@enforcement/contracts';

/** The caller as the access rules see it (service-kit's principal). */
export interface Caller {
  agency: string;
  province?: string | undefined;
}

/** Customs and ports hold the goods, so they register lots and record their steps. */
const LOT_KEEPERS: readonly string[] = ['customs', 'ports'];

/** Oversight and coordination bodies that read lots within their province limit. */
const LOT_READERS: readonly string[] = [
  ...LOT_KEEPERS,
  'inspection',
  'anti_smuggling_hq',
  'governorate',
  'property_org',
  'prosecutor',
  'tazirat',
];

/** The property organization disposes of what was handed over to it and records that itself. */
const DISPOSAL_STEPS: readonly LotStatus[] = ['auctioned', 'destroyed', 'returned'];

/**
 * What a caller may do with lots of one province: nothing (it must not even learn a lot exists),
 * read, or write. A key limited to a province sees that province only; a national key (inspection,
 * the anti-smuggling HQ, a national customs key) sees every province.
 */
export type LotAccess = 'none' | 'read' | 'write';

export function inProvince(caller: Caller, province: string): boolean {
  return caller.province === undefined || caller.province === province;
}

/** Whether the caller's agency reads lots at all (police, central bank... do not). */
export function readsLots(caller: Caller): boolean {
  return LOT_READERS.includes(caller.agency);
}

export function lotAccess(caller: Caller, lot: { province: string }): LotAccess {
  if (!readsLots(caller) || !inProvince(caller, lot.province)) return 'none';
  return LOT_KEEPERS.includes(caller.agency) ? 'write' : 'read';
}

/** Registering a lot: customs or ports, at an office of the province their key covers. */
export function mayRegisterLot(caller: Caller, office: { province: string }): boolean {
  return lotAccess(caller, office) === 'write';
}

/** Moving a lot: its keepers for every step; the property organization for its disposal steps. */
export function mayMoveLot(caller: Caller, lot: { province: string }, to: LotStatus): boolean {
  if (lotAccess(caller, lot) === 'write') return true;
  return caller.agency === 'property_org' && inProvince(caller, lot.province) && DISPOSAL_STEPS.includes(to);
}

/** Lists and statistics are limited to the caller's province when its key is limited to one. */
export function provinceLimit(caller: Caller): string | undefined {
  return caller.province;
}
