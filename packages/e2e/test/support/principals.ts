import type { AgencyCode, ProvinceCode } from '@enforcement/contracts';
import { type TestPrincipal, testApiKeys } from '@enforcement/service-kit/testing';

/*
 * The agency systems and dashboards of the scenarios, one API key each. Every service gets the same
 * key list (as a deployment shares one key registry); a scope a service does not know is simply unused
 * there.
 */

const CASES = ['cases:read', 'cases:write', 'units:read', 'units:write'];
const LOTS = ['lots:read', 'lots:write'];
/** What a dashboard reads: its audience's feed, notifications, scorecards and the stuck-goods report. */
const WATCH = ['notifications:read', 'notifications:acknowledge', 'stats:read', 'lots:read'];
const SEAT = ['workgroups:read', 'resolutions:report'];
const CHAIR = ['workgroups:read', 'workgroups:manage'];

const national = (agency: AgencyCode, scopes: string[]): TestPrincipal => ({ agency, scopes });
const provincial = (agency: AgencyCode, province: ProvinceCode, scopes: string[]): TestPrincipal => ({
  agency,
  province,
  scopes,
});

const principals = {
  // Writers: the systems that post cases, units and lots.
  police: national('police', CASES),
  prosecutor: national('prosecutor', CASES),
  customsKhuzestan: provincial('customs', 'khuzestan', [...LOTS, ...WATCH]),
  customsTehran: provincial('customs', 'tehran', [...LOTS, ...WATCH]),
  customsHormozgan: provincial('customs', 'hormozgan', [...LOTS, ...WATCH]),
  // Dashboards of the provincial offices and of the national bodies.
  prosecutorKhuzestan: provincial('prosecutor', 'khuzestan', WATCH),
  prosecutorBushehr: provincial('prosecutor', 'bushehr', WATCH),
  prosecutorHormozgan: provincial('prosecutor', 'hormozgan', WATCH),
  governorateKhuzestan: provincial('governorate', 'khuzestan', WATCH),
  governorateTehran: provincial('governorate', 'tehran', WATCH),
  propertyOrgHormozgan: provincial('property_org', 'hormozgan', WATCH),
  inspection: national('inspection', WATCH),
  antiSmugglingHq: national('anti_smuggling_hq', WATCH),
  // Sistan and Baluchestan's execution-supervision workgroup: the prosecutor chairs, customs sits in it.
  prosecutorSistan: provincial('prosecutor', 'sistan_baluchestan', [...CHAIR, ...WATCH]),
  customsSistan: provincial('customs', 'sistan_baluchestan', [...SEAT, ...WATCH]),
} satisfies Record<string, TestPrincipal>;

export type Who = keyof typeof principals;

/** The keys: `json` for every service's API_KEYS, `as(who)` for that caller's request headers. */
export const keys = testApiKeys<Who>(principals);
