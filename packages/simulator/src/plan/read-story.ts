import type { ServiceName } from '@enforcement/contracts';
import { pickOffice, pickProvince, type Story, type StoryContext } from './story.ts';
import { pathRef } from './templates.ts';

/** Dashboard and case-management reads; weights are shares of the reads. */
const reads = {
  caseById: 14,
  casesOfProvince: 10,
  openFuelCases: 6,
  lotById: 10,
  heldLotsOfOffice: 10,
  overdueTransits: 6,
  dwellReport: 6,
  unitsOfProvince: 4,
  inspectionFeed: 12,
  overdueResolutions: 6,
  overview: 4,
} as const;

type Read = keyof typeof reads;

function get(service: ServiceName, route: string, path: string, step: string) {
  return {
    delayMs: 0,
    service,
    principal: 'sim-inspection',
    method: 'GET',
    route,
    path,
    chain: null,
    step,
  } as const;
}

/** One read by the inspection organization's dashboard: a case, a lot, a list, a report or its feed. */
export function* readStory(ctx: StoryContext, n: number): Story {
  const rng = ctx.random(`read-${n}`);
  let read = rng.weighted<Read>(reads);
  const province = pickProvince(ctx, rng);
  const caseHandle = read === 'caseById' ? ctx.earlier('case', rng) : undefined;
  const lotHandle = read === 'lotById' ? ctx.earlier('lot', rng) : undefined;
  if (read === 'caseById' && caseHandle === undefined) read = 'casesOfProvince';
  if (read === 'lotById' && lotHandle === undefined) read = 'overdueTransits';
  switch (read) {
    case 'caseById':
      yield get(
        'case-intake',
        'GET /v1/cases/:id',
        `/v1/cases/${pathRef(caseHandle as string)}`,
        'read a case',
      );
      return;
    case 'casesOfProvince':
      yield get(
        'case-intake',
        'GET /v1/cases',
        `/v1/cases?province=${province}&limit=20`,
        'list cases of a province',
      );
      return;
    case 'openFuelCases':
      yield get(
        'case-intake',
        'GET /v1/cases',
        '/v1/cases?category=fuel&status=registered&limit=50',
        'list new fuel cases',
      );
      return;
    case 'lotById':
      yield get(
        'customs-goods',
        'GET /v1/lots/:id',
        `/v1/lots/${pathRef(lotHandle as string)}`,
        'read a lot',
      );
      return;
    case 'heldLotsOfOffice': {
      const office = pickOffice(ctx, rng);
      const filter = office === undefined ? `province=${province}` : `officeId=${office.id}`;
      yield get('customs-goods', 'GET /v1/lots', `/v1/lots?${filter}&status=held&limit=20`, 'list held lots');
      return;
    }
    case 'overdueTransits':
      yield get(
        'customs-goods',
        'GET /v1/transits',
        '/v1/transits?state=overdue&limit=20',
        'list overdue transits',
      );
      return;
    case 'dwellReport':
      yield get(
        'customs-goods',
        'GET /v1/stats/dwell',
        `/v1/stats/dwell?province=${province}`,
        'stuck-goods report',
      );
      return;
    case 'unitsOfProvince':
      yield get('case-intake', 'GET /v1/units', `/v1/units?province=${province}`, 'list execution units');
      return;
    case 'inspectionFeed':
      yield get(
        'oversight-notifications',
        'GET /v1/feeds/:audience',
        '/v1/feeds/inspection?state=open&limit=50',
        "read the inspection organization's feed",
      );
      return;
    case 'overdueResolutions':
      yield get(
        'oversight-notifications',
        'GET /v1/resolutions',
        `/v1/resolutions?province=${province}&overdue=true&limit=20`,
        'list overdue resolutions',
      );
      return;
    case 'overview':
      yield get(
        'oversight-notifications',
        'GET /v1/stats/overview',
        '/v1/stats/overview?days=7',
        'dashboard overview',
      );
      return;
  }
}
