import type { EventPayload } from '@enforcement/contracts';
import { nationalIdFrom } from './national-id.ts';
import { inTurn, nextNumber } from './sequence.ts';

type CaseParty = EventPayload<'case.registered'>['parties'][number];
export type PersonParty = Extract<CaseParty, { kind: 'person' }>;
export type CompanyParty = Extract<CaseParty, { kind: 'company' }>;

/** Names as people write them, some with Arabic ي/ك, so normalization is exercised. */
const personNames = [
  'علی رضایی',
  'فاطمه موسوی',
  'حسين كريمي',
  'مریم احمدی',
  'عبدالله نیسی',
  'زهرا بني‌طرف',
] as const;
const companyNames = ['شرکت بازرگانی اروند تجارت', 'شركت حمل و نقل خليج', 'شرکت سوخت‌رسانی کارون'] as const;

export function aPerson(overrides: Partial<PersonParty> = {}): PersonParty {
  return {
    kind: 'person',
    role: 'suspect',
    fullName: inTurn('person-name', personNames),
    nationalId: nationalIdFrom(nextNumber('national-id')),
    ...overrides,
  };
}

export function aCompany(overrides: Partial<CompanyParty> = {}): CompanyParty {
  const serial = nextNumber('company-id');
  return {
    kind: 'company',
    role: 'owner',
    name: inTurn('company-name', companyNames),
    nationalCompanyId: `1010${serial.toString().padStart(7, '0')}`,
    ...overrides,
  };
}
