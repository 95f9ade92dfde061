import type { EventPayload, RegisterCaseBody } from '@enforcement/contracts';
import { aPerson } from './parties.ts';
import { nextId } from './sequence.ts';

export type CaseRegistration = EventPayload<'case.registered', 1>;
type SeizedItem = CaseRegistration['seizedItems'][number];
export type SeizedGoods = Extract<SeizedItem, { kind: 'goods' }>;
export type SeizedCurrency = Extract<SeizedItem, { kind: 'currency' }>;

/** Goods found at discovery: smuggled tyres worth 12.5 trillion rials (beyond 10^12 on purpose). */
export function someSeizedGoods(overrides: Partial<SeizedGoods> = {}): SeizedGoods {
  return {
    kind: 'goods',
    description: 'لاستیک خودرو سواری خارجی',
    hsCode: '401110',
    quantity: { amount: 1200, unit: 'piece' },
    estimatedValueRials: '12500000000000',
    ...overrides,
  };
}

export function someSeizedCurrency(overrides: Partial<SeizedCurrency> = {}): SeizedCurrency {
  return {
    kind: 'currency',
    currencyCode: 'USD',
    amount: '25000.00',
    estimatedValueRials: '27500000000',
    ...overrides,
  };
}

/** Fuel: 30,000 litres of diesel found in a tanker at a Khuzestan checkpoint. */
export function someSeizedFuel(overrides: Partial<SeizedGoods> = {}): SeizedGoods {
  return someSeizedGoods({
    description: 'گازوئیل قاچاق در تانکر',
    hsCode: '271019',
    quantity: { amount: 30_000, unit: 'litre' },
    estimatedValueRials: '9000000000',
    ...overrides,
  });
}

/**
 * A registered goods-smuggling case from the Khuzestan police, handled by the prosecutor. Overrides
 * replace whole fields; the total is recomputed from the items unless given.
 */
export function aCaseRegistration(overrides: Partial<CaseRegistration> = {}): CaseRegistration {
  const seizedItems = overrides.seizedItems ?? [someSeizedGoods()];
  const total = seizedItems.reduce((sum, item) => sum + BigInt(item.estimatedValueRials), 0n);
  return {
    caseId: nextId('case'),
    category: 'goods',
    discoveringAgency: 'police',
    discoveryReference: `۱۴۰۴/${nextId('ref').replace(/\D/g, '').slice(-6)}`,
    province: 'khuzestan',
    handlingAuthority: 'prosecutor',
    parties: [aPerson()],
    discoveredAt: '2025-09-20T06:30:00.000Z',
    registeredAt: '2025-09-21T08:00:00.000Z',
    ...overrides,
    seizedItems,
    totalEstimatedValueRials: overrides.totalEstimatedValueRials ?? total.toString(),
  };
}

/** A fuel case, the workgroup's top priority. */
export function aFuelCaseRegistration(overrides: Partial<CaseRegistration> = {}): CaseRegistration {
  return aCaseRegistration({ category: 'fuel', seizedItems: [someSeizedFuel()], ...overrides });
}

/**
 * The body an agency system posts for `registration`: the event's payload without what case-intake
 * assigns itself (the id, the registration time and the total, which it sums from the items), with
 * the place of discovery, which the body has and the event does not carry.
 */
export function registerCaseBodyOf(registration: CaseRegistration, discoveryPlace: string): RegisterCaseBody {
  const { caseId: _id, registeredAt: _at, totalEstimatedValueRials: _total, ...body } = registration;
  return { ...body, discoveryPlace };
}
