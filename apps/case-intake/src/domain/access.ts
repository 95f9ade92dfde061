import type { HandlingAuthority, ProvinceCode } from '@enforcement/contracts';

/** The caller as the access rules see it (service-kit's principal). */
export interface Caller {
  agency: string;
  province?: string | undefined;
}

/** Agencies that oversee enforcement and so read every case within their province limit. */
export const OVERSIGHT_AGENCIES: readonly string[] = ['prosecutor', 'inspection', 'governorate'];

/** The part of a case its access depends on. */
export interface CaseJurisdiction {
  province: ProvinceCode;
  discoveringAgency: string;
  handlingAuthority: HandlingAuthority;
}

/**
 * What a caller may do with a case: nothing (it must not even learn the case exists), read it, or
 * write to it. Agencies write only cases they discovered or handle; oversight agencies read all.
 */
export type CaseAccess = 'none' | 'read' | 'write';

function inProvince(caller: Caller, province: string): boolean {
  return caller.province === undefined || caller.province === province;
}

function isInvolved(caller: Caller, kase: CaseJurisdiction): boolean {
  return caller.agency === kase.discoveringAgency || caller.agency === kase.handlingAuthority;
}

export function caseAccess(caller: Caller, kase: CaseJurisdiction): CaseAccess {
  if (!inProvince(caller, kase.province)) return 'none';
  if (isInvolved(caller, kase)) return 'write';
  return OVERSIGHT_AGENCIES.includes(caller.agency) ? 'read' : 'none';
}

/**
 * Lifecycle steps are judicial acts: only the handling authority (prosecutor or Ta'zirat) records
 * them; the discovering agency follows the case and adds notes.
 */
export function mayMoveCase(caller: Caller, kase: CaseJurisdiction): boolean {
  return caseAccess(caller, kase) === 'write' && caller.agency === kase.handlingAuthority;
}

/** Registering: an agency reports its own discoveries, in its own province when limited to one. */
export function mayRegisterCase(
  caller: Caller,
  report: { discoveringAgency: string; province: string },
): boolean {
  return caller.agency === report.discoveringAgency && inProvince(caller, report.province);
}

/** Which cases a caller may list: a province limit and, for non-oversight agencies, involvement. */
export interface CaseVisibility {
  province?: string;
  involvedAgency?: string;
}

export function caseVisibility(caller: Caller): CaseVisibility {
  return {
    ...(caller.province === undefined ? {} : { province: caller.province }),
    ...(OVERSIGHT_AGENCIES.includes(caller.agency) ? {} : { involvedAgency: caller.agency }),
  };
}

/**
 * Agencies that count cases without reading them: the anti-smuggling HQ coordinates nationally and
 * keeps the statistics (DOMAIN.md), so it sees the caseload in numbers, never a case's parties.
 */
const STATISTICS_AGENCIES: readonly string[] = [...OVERSIGHT_AGENCIES, 'anti_smuggling_hq'];

/** Which cases a caller's statistics count: as listing, except that statistics agencies count all. */
export function caseStatsVisibility(caller: Caller): CaseVisibility {
  return {
    ...(caller.province === undefined ? {} : { province: caller.province }),
    ...(STATISTICS_AGENCIES.includes(caller.agency) ? {} : { involvedAgency: caller.agency }),
  };
}

/** Units are registered by their own organisation (a prosecution office or Ta'zirat). */
export function mayRegisterUnit(
  caller: Caller,
  unit: { kind: HandlingAuthority; province: string },
): boolean {
  return caller.agency === unit.kind && inProvince(caller, unit.province);
}

/** Officers are police, so the police deploys and releases them; the unit's organisation may too. */
export function mayStaffUnit(caller: Caller, unit: { kind: HandlingAuthority; province: string }): boolean {
  return (caller.agency === 'police' || caller.agency === unit.kind) && inProvince(caller, unit.province);
}

/** Units are visible to every agency within its province limit (rosters are not confidential). */
export function mayReadUnit(caller: Caller, unit: { province: string }): boolean {
  return inProvince(caller, unit.province);
}
