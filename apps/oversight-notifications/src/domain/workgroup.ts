import type { AgencyCode, ProvinceCode } from '@enforcement/contracts';

/**
 * A workgroup (کارگروه), e.g. Khuzestan's workgroup supervising the execution of verdicts in smuggling
 * cases: chaired by one agency, with member agencies; provincial, or national when `province` is null.
 * Membership is fixed when it is created.
 */
export interface Workgroup {
  id: string;
  /** As written. */
  name: string;
  province: ProvinceCode | null;
  chairAgency: AgencyCode;
  /** The agencies besides the chair. */
  memberAgencies: AgencyCode[];
  createdAt: Date;
  createdBy: string;
}

/** One meeting of a workgroup; numbered 1, 2, 3… within it (the minutes say "the 4th meeting"). */
export interface Meeting {
  id: string;
  workgroupId: string;
  number: number;
  heldAt: Date;
  minutes: string | null;
  recordedAt: Date;
}

/** The caller as the access rules see it (service-kit's principal). */
export interface Caller {
  agency: string;
  /** The one province a provincial key is limited to; absent for a national key. */
  province?: string | undefined;
}

/** What the access rules need of a workgroup. */
export interface Seats {
  chairAgency: string;
  memberAgencies: readonly string[];
  province: string | null;
}

/** The agencies that oversee the others: they read every workgroup within their province limit. */
const OVERSEEING_AGENCIES: readonly string[] = ['inspection'];

/** The chair and the members: who sits in the workgroup. */
export function seatsOf<A extends string>(workgroup: { chairAgency: A; memberAgencies: readonly A[] }): A[] {
  return [workgroup.chairAgency, ...workgroup.memberAgencies.filter((a) => a !== workgroup.chairAgency)];
}

/** A provincial key sees its own province's workgroups and the national ones; a national key sees all. */
function seesProvince(caller: Caller, province: string | null): boolean {
  return caller.province === undefined || province === null || caller.province === province;
}

/**
 * Who may speak for an agency in a workgroup: a key of that province or a national key for a
 * provincial workgroup; only a national key for a national one.
 */
function actsIn(caller: Caller, province: string | null): boolean {
  return province === null ? caller.province === undefined : seesProvince(caller, province);
}

/**
 * Members (chair included) read the workgroup, its meetings and resolutions; so does the inspection
 * organization, which receives the suspected-dereliction notices about them. Anyone else must not
 * learn the workgroup exists.
 */
export function mayReadWorkgroup(caller: Caller, workgroup: Seats): boolean {
  const seated = seatsOf<string>(workgroup).includes(caller.agency);
  return (seated || OVERSEEING_AGENCIES.includes(caller.agency)) && seesProvince(caller, workgroup.province);
}

/** The chair records meetings and resolutions and closes resolutions as done. */
export function isChair(caller: Caller, workgroup: Omit<Seats, 'memberAgencies'>): boolean {
  return caller.agency === workgroup.chairAgency && actsIn(caller, workgroup.province);
}

/** A workgroup is set up by its chair, within the province its key is limited to. */
export function mayCreateWorkgroup(
  caller: Caller,
  body: { chairAgency: string; province: string | null },
): boolean {
  return isChair(caller, body);
}

/** Only the assignee agency reports progress on a resolution. */
export function isAssignee(
  caller: Caller,
  resolution: { assigneeAgency: string; province: string | null },
): boolean {
  return caller.agency === resolution.assigneeAgency && actsIn(caller, resolution.province);
}

/** The workgroup a new one describes, the chair removed from the members (it sits there anyway). */
export function newWorkgroup(
  id: string,
  body: Pick<Workgroup, 'name' | 'province' | 'chairAgency' | 'memberAgencies'>,
  createdBy: string,
  now: Date,
): Workgroup {
  return {
    id,
    name: body.name,
    province: body.province,
    chairAgency: body.chairAgency,
    memberAgencies: body.memberAgencies.filter((agency) => agency !== body.chairAgency),
    createdAt: now,
    createdBy,
  };
}
