import {
  caseRegisteredV1,
  goodsLotRegisteredV1,
  isValidNationalId,
  newEvent,
  normalizePersian,
} from '@enforcement/contracts';
import { describe, expect, it } from 'vitest';
import {
  aCaseRegistration,
  aCompany,
  aFuelCaseRegistration,
  aLotRegistration,
  aPerishableLotRegistration,
  aPerson,
  invalidNationalIdFrom,
  nationalIdFrom,
  someSeizedCurrency,
} from '../src/builders/index.ts';

describe('national IDs for fixtures', () => {
  it('makes valid, distinct IDs from consecutive seeds', () => {
    const ids = Array.from({ length: 5_000 }, (_, seed) => nationalIdFrom(seed));
    expect(ids.every((id) => isValidNationalId(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('makes the same ID from the same seed', () => {
    expect(nationalIdFrom(42)).toBe(nationalIdFrom(42));
  });

  it('makes an invalid twin that only the check digit tells apart', () => {
    for (let seed = 0; seed < 500; seed += 1) {
      const invalid = invalidNationalIdFrom(seed);
      expect(invalid.slice(0, 9)).toBe(nationalIdFrom(seed).slice(0, 9));
      expect(isValidNationalId(invalid)).toBe(false);
    }
  });

  it('refuses a negative or fractional seed', () => {
    expect(() => nationalIdFrom(-1)).toThrow(RangeError);
    expect(() => nationalIdFrom(1.5)).toThrow(RangeError);
  });
});

describe('domain builders', () => {
  it('build case registrations that satisfy the case.registered contract', () => {
    for (const registration of [
      aCaseRegistration(),
      aFuelCaseRegistration(),
      aCaseRegistration({ category: 'currency', seizedItems: [someSeizedCurrency()] }),
      aCaseRegistration({ parties: [aPerson(), aCompany(), aPerson({ nationalId: null })] }),
    ]) {
      expect(caseRegisteredV1.payload.safeParse(registration).error).toBeUndefined();
    }
  });

  it('carry rial amounts beyond 10^12 and keep the total equal to the sum of the items', () => {
    const registration = aCaseRegistration({
      seizedItems: [someSeizedCurrency(), someSeizedCurrency({ estimatedValueRials: '9007199254740993' })],
    });
    expect(BigInt(aCaseRegistration().totalEstimatedValueRials)).toBeGreaterThan(10n ** 12n);
    expect(registration.totalEstimatedValueRials).toBe(String(27_500_000_000n + 9_007_199_254_740_993n));
  });

  it('give every fixture its own id and vary names and offices', () => {
    const cases = [aCaseRegistration(), aCaseRegistration()];
    const lots = [aLotRegistration(), aLotRegistration()];
    expect(cases[0]?.caseId).not.toBe(cases[1]?.caseId);
    expect(lots[0]?.lotId).not.toBe(lots[1]?.lotId);
    expect(lots[0]?.officeId).not.toBe(lots[1]?.officeId);
    expect(aPerson().fullName).not.toBe(aPerson().fullName);
  });

  it('write some Persian text with Arabic letters, as agencies send it', () => {
    const names = Array.from({ length: 6 }, () => aPerson().fullName);
    expect(names.some((name) => normalizePersian(name) !== name)).toBe(true);
  });

  it('build lots that satisfy the goods.lot_registered contract', () => {
    for (const lot of [
      aLotRegistration(),
      aPerishableLotRegistration(),
      aLotRegistration({ caseId: 'case-9' }),
    ]) {
      expect(goodsLotRegisteredV1.payload.safeParse(lot).error).toBeUndefined();
    }
  });

  it('feed straight into a complete event', () => {
    const payload = aCaseRegistration();
    const event = newEvent('case.registered', {
      version: 1,
      subjectId: payload.caseId,
      correlationId: 'corr-1',
      payload,
    });
    expect(event.subject).toEqual({ kind: 'case', id: payload.caseId });
    expect(event.payload.totalEstimatedValueRials).toBe(payload.totalEstimatedValueRials);
  });
});
