import type { RegisterCaseBody } from '@enforcement/contracts';

/** A realistic registration: two parties, goods and currency, Persian text; unique per reference. */
export function benchCaseBody(reference: string): RegisterCaseBody {
  return {
    category: 'goods',
    discoveringAgency: 'police',
    discoveryReference: reference,
    province: 'khuzestan',
    handlingAuthority: 'prosecutor',
    parties: [
      { kind: 'person', role: 'suspect', fullName: 'علی رضایی', nationalId: '0499370899' },
      { kind: 'company', role: 'owner', name: 'شرکت بازرگانی اروند تجارت', nationalCompanyId: '10100000001' },
    ],
    seizedItems: [
      {
        kind: 'goods',
        description: 'لاستیک خودرو سواری خارجی',
        hsCode: '401110',
        quantity: { amount: 1200, unit: 'piece' },
        estimatedValueRials: '12500000000000',
      },
      { kind: 'currency', currencyCode: 'USD', amount: '25000.00', estimatedValueRials: '27500000000' },
    ],
    discoveredAt: '2025-09-20T06:30:00Z',
    discoveryPlace: 'ایست بازرسی شلمچه',
  };
}
