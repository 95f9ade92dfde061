import type {
  CaseCategory,
  CaseView,
  ExecutionUnitView,
  LotView,
  ProvinceCode,
  RegisterCaseBody,
  RegisterLotBody,
} from '@enforcement/contracts';
import {
  aCaseRegistration,
  aFuelCaseRegistration,
  aLotRegistration,
  registerCaseBodyOf,
} from '@enforcement/testkit';
import type { Platform } from './platform.ts';
import type { Who } from './principals.ts';

/*
 * What the agencies' own systems send, as plain HTTP requests: the police registering a find, the
 * prosecutor's office moving a case along, customs warehousing and moving lots. Each answers what the
 * service answered.
 */

const HOUR_MS = 3_600_000;

/** The police register a find made a few hours ago (realistic parties and items from the testkit). */
export function policeRegisterCase(
  platform: Platform,
  { category, province }: { category: CaseCategory; province: ProvinceCode },
): Promise<CaseView> {
  const built = category === 'fuel' ? aFuelCaseRegistration({ province }) : aCaseRegistration({ province });
  const body: RegisterCaseBody = {
    ...registerCaseBodyOf(built, 'ایست بازرسی، کیلومتر ۱۲ جاده'),
    category,
    discoveredAt: new Date(platform.clock.now.getTime() - 3 * HOUR_MS).toISOString(),
  };
  return platform.caseIntake.post<CaseView>('police', '/v1/cases', body);
}

/** The handling prosecutor's office moves the case one step (times default to the clock's now). */
export function prosecutorMovesCase(platform: Platform, caseId: string, step: object): Promise<CaseView> {
  return platform.caseIntake.post<CaseView>('prosecutor', `/v1/cases/${caseId}/transitions`, step);
}

export const investigation = {
  to: 'under_investigation',
  branch: { id: 'branch-7', name: 'شعبه ۷ بازپرسی دادسرای عمومی و انقلاب' },
} as const;

export function conviction({
  fineRials,
  goodsConfiscated,
}: {
  fineRials: string;
  goodsConfiscated: boolean;
}) {
  return {
    to: 'verdict_issued',
    verdictReference: '۱۴۰۴-۹۸۰۹',
    outcome: 'convicted',
    fineRials,
    goodsConfiscated,
  };
}

/** The prosecutor's execution unit of a province, with one trained police officer deployed to it. */
export async function executionUnitWithOfficer(platform: Platform, province: ProvinceCode): Promise<string> {
  const unit = await platform.caseIntake.post<ExecutionUnitView>('prosecutor', '/v1/units', {
    kind: 'prosecutor',
    province,
    name: 'واحد اجرای احکام دادسرای مرکز استان',
  });
  await platform.caseIntake.post('police', `/v1/units/${unit.id}/deployments`, {
    officerId: 'P-1042',
    officerName: 'ستوان یکم حمید رضایی',
    startsAt: platform.clock.iso(),
    endsAt: null,
  });
  return unit.id;
}

/** Customs registers goods that arrived at one of its offices now. */
export function customsRegisterLot(
  platform: Platform,
  who: Who,
  lot: Partial<RegisterLotBody> & { officeId: string },
): Promise<LotView> {
  const { lotId: _id, province: _province, ...built } = aLotRegistration();
  return platform.customsGoods.post<LotView>(who, '/v1/lots', {
    ...built,
    arrivedAt: platform.clock.iso(),
    ...lot,
  });
}

/** Customs moves a lot through the given steps, in order; answers the lot after the last. */
export async function customsMovesLot(
  platform: Platform,
  who: Who,
  lotId: string,
  ...steps: object[]
): Promise<LotView> {
  let lot: LotView | undefined;
  for (const step of steps) {
    lot = await platform.customsGoods.post<LotView>(who, `/v1/lots/${lotId}/transitions`, step);
  }
  if (lot === undefined) throw new Error('no steps given');
  return lot;
}
