import { describe, expect, it } from 'vitest';
import {
  caseListQuerySchema,
  caseTransitionBodySchema,
  caseViewSchema,
  deployOfficerBodySchema,
  registerCaseBodySchema,
} from '../src/index.ts';

const registration = {
  category: 'goods',
  discoveringAgency: 'police',
  discoveryReference: '۱۴۰۴/۷۷۱',
  province: 'khuzestan',
  handlingAuthority: 'prosecutor',
  parties: [{ kind: 'person', role: 'suspect', fullName: 'علی رضایی', nationalId: null }],
  seizedItems: [
    {
      kind: 'goods',
      description: 'لاستیک',
      hsCode: '4011.10',
      quantity: { amount: 10, unit: 'piece' },
      estimatedValueRials: '۱۲۵۰۰۰۰۰۰۰۰۰۰۰',
    },
  ],
  discoveredAt: '2025-09-20T06:30:00Z',
  discoveryPlace: 'شلمچه',
};

describe('case-intake HTTP bodies', () => {
  it('keeps the reference as written and normalizes rials and HS codes in a registration', () => {
    const parsed = registerCaseBodySchema.parse(registration);
    expect(parsed.discoveryReference).toBe('۱۴۰۴/۷۷۱');
    expect(parsed.seizedItems[0]).toMatchObject({ hsCode: '401110', estimatedValueRials: '12500000000000' });
  });

  it('refuses a blank reference and unknown fields in a registration', () => {
    expect(registerCaseBodySchema.safeParse({ ...registration, discoveryReference: '  ' }).success).toBe(
      false,
    );
    expect(registerCaseBodySchema.safeParse({ ...registration, extra: 1 }).success).toBe(false);
  });

  it('reads each lifecycle step by its target status, with that step’s data only', () => {
    expect(caseTransitionBodySchema.parse({ to: 'closed', reason: 'dismissed' })).toEqual({
      to: 'closed',
      reason: 'dismissed',
    });
    expect(
      caseTransitionBodySchema.safeParse({ to: 'closed', reason: 'dismissed', fineRials: 1 }).success,
    ).toBe(false);
    expect(caseTransitionBodySchema.safeParse({ to: 'assets_seized', assets: [] }).success).toBe(false);
  });

  it('reads list filters from a query string', () => {
    expect(caseListQuerySchema.parse({ overdueForDetermination: 'false', limit: '5' })).toMatchObject({
      overdueForDetermination: false,
      limit: 5,
    });
    expect(caseListQuerySchema.safeParse({ overdueForDetermination: '1' }).success).toBe(false);
  });

  it('defaults an officer deployment to open-ended', () => {
    expect(
      deployOfficerBodySchema.parse({
        officerId: 'FRJ-1',
        officerName: 'رضا',
        startsAt: '2025-10-01T00:00:00Z',
      }).endsAt,
    ).toBeNull();
  });

  it('describes responses without transforms, so they can be encoded', () => {
    expect(caseViewSchema.meta()?.id).toBe('Case');
  });
});
