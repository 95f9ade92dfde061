import type { AgencyCode } from '@enforcement/contracts';
import { agencyCodes } from '@enforcement/contracts';

/** Who joins the audiences at each escalation level (level 1 first). */
export const escalationAudiences: readonly (readonly string[])[] = [['inspection'], ['anti_smuggling_hq']];

/** The agencies of audience entries (`prosecutor:khuzestan` -> `prosecutor`), once each, for events. */
export function agenciesOf(audiences: readonly string[]): AgencyCode[] {
  const known = new Set<string>(agencyCodes);
  const found = audiences.map((audience) => audience.split(':')[0] ?? '').filter((code) => known.has(code));
  return [...new Set(found)] as AgencyCode[];
}

/** A principal's standing: its agency and, for a provincial key, its province. */
export interface Member {
  agency: string;
  province?: string;
}

/**
 * Whether a principal belongs to an audience: a national audience (`inspection`) takes any key of the
 * agency; a provincial one (`customs:khuzestan`) takes that province's keys and the agency's national keys.
 */
export function isInAudience(member: Member, audiences: readonly string[]): boolean {
  return audiences.some((audience) => {
    const [agency, province] = audience.split(':');
    if (agency !== member.agency) return false;
    return province === undefined || member.province === undefined || member.province === province;
  });
}
