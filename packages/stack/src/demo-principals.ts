/** Who a demo key stands for: an agency, optionally limited to a province, with its scopes. */
export interface DemoPrincipal {
  agency: string;
  province?: string;
  scopes: readonly string[];
  /** What the key is for, printed beside it. */
  purpose: string;
}

const member = ['notifications:read', 'notifications:acknowledge', 'stats:read', 'workgroups:read'];
const reporter = [...member, 'resolutions:report', 'webhooks:manage'];

/**
 * One key per kind of principal the platform distinguishes, for people trying it out. Their raw keys
 * are printed once, when first made; the services only ever see their SHA-256.
 */
export const demoPrincipals: Readonly<Record<string, DemoPrincipal>> = {
  'prosecutor-khuzestan': {
    agency: 'prosecutor',
    province: 'khuzestan',
    scopes: [...reporter, 'cases:read', 'cases:write', 'units:read', 'units:write', 'workgroups:manage'],
    purpose: "Khuzestan prosecutor's office: cases, units, execution workgroup chair",
  },
  'governorate-khuzestan': {
    agency: 'governorate',
    province: 'khuzestan',
    scopes: reporter,
    purpose: "Khuzestan governor's office: feeds, resolutions",
  },
  'customs-khuzestan': {
    agency: 'customs',
    province: 'khuzestan',
    scopes: [...reporter, 'lots:read', 'lots:write'],
    purpose: 'Khuzestan customs: goods lots and transits',
  },
  'police-khuzestan': {
    agency: 'police',
    province: 'khuzestan',
    scopes: [...reporter, 'units:read'],
    purpose: 'Khuzestan police: officers at execution units',
  },
  inspection: {
    agency: 'inspection',
    scopes: [...member, 'cases:read', 'lots:read', 'units:read', 'rules:read'],
    purpose: 'General Inspection Organization (national): escalations and dereliction',
  },
  'anti-smuggling-hq': {
    agency: 'anti_smuggling_hq',
    scopes: [
      ...member,
      'cases:read',
      'lots:read',
      'rules:read',
      'rules:admin',
      'offices:admin',
      'messaging:admin',
    ],
    purpose: 'Anti-smuggling HQ (national): statistics, rules and operations',
  },
};

/** Keys the stack's own tools use (reference data, dashboard); kept in `.data/stack.json` for them. */
export const toolPrincipals: Readonly<Record<string, DemoPrincipal>> = {
  'seed-prosecutor': {
    agency: 'prosecutor',
    scopes: ['units:read', 'units:write'],
    purpose: 'npm start: registers the reference execution units',
  },
  'seed-tazirat': {
    agency: 'tazirat',
    scopes: ['units:read', 'units:write'],
    purpose: 'npm start: registers the reference execution units',
  },
  // The HQ's national view: it is an audience of fuel cases and of the last escalation level, so a
  // dashboard on this key shows new fuel cases live.
  dashboard: {
    agency: 'anti_smuggling_hq',
    scopes: ['notifications:read', 'notifications:acknowledge', 'stats:read', 'lots:read', 'cases:read'],
    purpose: 'the dashboard: the anti-smuggling HQ national view',
  },
};
