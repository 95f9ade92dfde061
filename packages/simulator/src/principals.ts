import type { AgencyCode, ProvinceCode, ServiceName } from '@enforcement/contracts';

/** An agency system the simulator speaks for: one API key, its agency, and the scopes it needs per service. */
export interface SimulatorPrincipal {
  agency: AgencyCode;
  /** Absent: a national key. The simulator's systems are national, so one key covers every province. */
  province?: ProvinceCode;
  scopes: Readonly<Partial<Record<ServiceName, readonly string[]>>>;
  /** What the key is for, printed beside it. */
  purpose: string;
}

const member = ['workgroups:read', 'resolutions:report', 'notifications:read'];

/**
 * The keys the simulator needs, by name; `npm start` makes one key per entry for its demo stack and
 * writes the raw keys to `.data/stack.json`, where `npm run simulate` finds them. Every scope here is
 * one a route of the services requires (`config: { scopes }` in apps/*\/src/http).
 */
export const simulatorPrincipals = {
  'sim-police': {
    agency: 'police',
    scopes: {
      'case-intake': ['cases:read', 'cases:write', 'units:read', 'units:write'],
      'oversight-notifications': member,
    },
    purpose: 'simulator: the police reporting discoveries and deploying officers to execution units',
  },
  'sim-customs': {
    agency: 'customs',
    scopes: {
      'case-intake': ['cases:read', 'cases:write'],
      'customs-goods': ['lots:read', 'lots:write'],
      'oversight-notifications': member,
    },
    purpose: 'simulator: customs offices reporting discoveries, holding, clearing and moving goods',
  },
  'sim-prosecutor': {
    agency: 'prosecutor',
    scopes: {
      'case-intake': ['cases:read', 'cases:write', 'units:read', 'units:write'],
      'oversight-notifications': [...member, 'workgroups:manage'],
    },
    purpose: "simulator: prosecutors' offices handling cases and chairing the execution workgroups",
  },
  'sim-tazirat': {
    agency: 'tazirat',
    scopes: {
      'case-intake': ['cases:read', 'cases:write', 'units:read', 'units:write'],
      'oversight-notifications': member,
    },
    purpose: "simulator: Ta'zirat branches handling administrative cases",
  },
  'sim-property-org': {
    agency: 'property_org',
    scopes: {
      'customs-goods': ['lots:read', 'lots:write'],
      'oversight-notifications': member,
    },
    purpose: 'simulator: the confiscated-property organization auctioning or destroying goods',
  },
  'sim-governorate': {
    agency: 'governorate',
    scopes: {
      'oversight-notifications': [...member, 'workgroups:manage'],
    },
    purpose: "simulator: governors' offices chairing the provincial anti-smuggling HQs",
  },
  'sim-inspection': {
    agency: 'inspection',
    scopes: {
      'case-intake': ['cases:read', 'units:read'],
      'customs-goods': ['lots:read'],
      'oversight-notifications': ['notifications:read', 'stats:read', 'workgroups:read'],
    },
    purpose: 'simulator: dashboard reads, and the notification counts of its summary',
  },
} as const satisfies Record<string, SimulatorPrincipal>;

export type SimulatorPrincipalName = keyof typeof simulatorPrincipals;

export const simulatorPrincipalNames = Object.keys(simulatorPrincipals) as SimulatorPrincipalName[];

/** Every scope of a principal across services: the services share one key file, so a key carries them all. */
export function allScopesOf(principal: SimulatorPrincipal): string[] {
  return [...new Set(Object.values(principal.scopes).flat())].sort();
}
