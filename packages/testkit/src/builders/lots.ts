import { type CustomsOffice, type EventPayload, knownCustomsOffices } from '@enforcement/contracts';
import { inTurn, nextId } from './sequence.ts';

export type LotRegistration = EventPayload<'goods.lot_registered', 1>;

const offices: readonly [CustomsOffice, ...CustomsOffice[]] = knownCustomsOffices;

/** A lot arrived at one of the Khuzestan customs offices, in turn, so fixtures spread over them. */
export function aLotRegistration(overrides: Partial<LotRegistration> = {}): LotRegistration {
  const office = inTurn('customs-office', offices);
  return {
    lotId: nextId('lot'),
    officeId: office.id,
    province: office.province,
    description: 'لوازم خانگی برقی در کانتینر ۴۰ فوت',
    hsCode: '851660',
    category: 'general',
    quantity: { amount: 18_500, unit: 'kg' },
    valueRials: '4800000000000',
    caseId: null,
    arrivedAt: '2025-03-02T10:15:00.000Z',
    ...overrides,
  };
}

/** Perishable goods: the dwell rule watches them in days, not months. */
export function aPerishableLotRegistration(overrides: Partial<LotRegistration> = {}): LotRegistration {
  return aLotRegistration({
    description: 'موز وارداتی',
    hsCode: '080390',
    category: 'perishable',
    quantity: { amount: 22, unit: 'tonne' },
    valueRials: '3100000000',
    ...overrides,
  });
}
