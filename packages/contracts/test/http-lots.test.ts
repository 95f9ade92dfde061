import { describe, expect, it } from 'vitest';
import {
  dwellStatsQuerySchema,
  extendAbandonmentBodySchema,
  lotListQuerySchema,
  lotTransitionBodySchema,
  putOfficeBodySchema,
  recordArrivalBodySchema,
  registerLotBodySchema,
  transitListQuerySchema,
} from '../src/index.ts';

const registration = {
  officeId: 'khz_shalamcheh',
  description: 'لوازم خانگی',
  hsCode: '۸۵۱۶.۶۰',
  quantity: { amount: 18500, unit: 'kg' },
  valueRials: '۴۸۰۰۰۰۰۰۰۰۰۰۰',
  category: 'general',
};

describe('customs-goods HTTP bodies', () => {
  it('normalizes rials and HS codes in a lot registration and defaults the case link to none', () => {
    expect(registerLotBodySchema.parse(registration)).toMatchObject({
      hsCode: '851660',
      valueRials: '4800000000000',
      caseId: null,
    });
  });

  it('refuses unknown categories and unknown fields in a lot registration', () => {
    expect(registerLotBodySchema.safeParse({ ...registration, category: 'toys' }).success).toBe(false);
    expect(registerLotBodySchema.safeParse({ ...registration, owner: 'x' }).success).toBe(false);
  });

  it('reads each lot step by its target status, with that step’s data only', () => {
    expect(lotTransitionBodySchema.parse({ to: 'held' })).toEqual({ to: 'held' });
    expect(lotTransitionBodySchema.safeParse({ to: 'held', proceedsRials: '1' }).success).toBe(false);
    expect(lotTransitionBodySchema.safeParse({ to: 'arrived' }).success).toBe(false);
  });

  it('bounds an abandonment extension to two months of days', () => {
    expect(extendAbandonmentBodySchema.safeParse({ days: 60 }).success).toBe(true);
    expect(extendAbandonmentBodySchema.safeParse({ days: 63 }).success).toBe(false);
  });

  it('reads lot, transit and dwell filters from a query string', () => {
    expect(lotListQuerySchema.parse({ minDwellDays: '30', pastAbandonment: 'true' })).toMatchObject({
      minDwellDays: 30,
      pastAbandonment: true,
      limit: 50,
    });
    expect(lotListQuerySchema.safeParse({ pastAbandonment: 'yes' }).success).toBe(false);
    expect(transitListQuerySchema.parse({})).toMatchObject({ state: 'open' });
    expect(dwellStatsQuerySchema.safeParse({ province: 'atlantis' }).success).toBe(false);
  });

  it('requires the received quantity of an arrival and a province of an office', () => {
    expect(recordArrivalBodySchema.safeParse({}).success).toBe(false);
    expect(
      putOfficeBodySchema.parse({ province: 'bushehr', kind: 'port', fa: 'بندر بوشهر', en: 'Bushehr' }),
    ).toMatchObject({ active: true });
  });
});
