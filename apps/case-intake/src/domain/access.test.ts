import { describe, expect, it } from 'vitest';
import {
  type CaseJurisdiction,
  caseAccess,
  caseStatsVisibility,
  caseVisibility,
  mayMoveCase,
  mayReadUnit,
  mayRegisterCase,
  mayRegisterUnit,
  mayStaffUnit,
} from './access.ts';

const policeCase: CaseJurisdiction = {
  province: 'khuzestan',
  discoveringAgency: 'police',
  handlingAuthority: 'prosecutor',
};

describe('access to a case', () => {
  const matrix: [string, string | undefined, string][] = [
    ['police', undefined, 'write'],
    ['police', 'khuzestan', 'write'],
    ['police', 'tehran', 'none'],
    ['prosecutor', undefined, 'write'],
    ['prosecutor', 'tehran', 'none'],
    ['tazirat', undefined, 'none'],
    ['customs', undefined, 'none'],
    ['inspection', undefined, 'read'],
    ['inspection', 'khuzestan', 'read'],
    ['inspection', 'tehran', 'none'],
    ['governorate', 'khuzestan', 'read'],
    ['governorate', 'bushehr', 'none'],
    ['anti_smuggling_hq', undefined, 'none'],
  ];
  for (const [agency, province, expected] of matrix) {
    it(`gives ${agency}${province ? ` limited to ${province}` : ''} ${expected} access to a Khuzestan police case`, () => {
      expect(caseAccess({ agency, province }, policeCase)).toBe(expected);
    });
  }

  it('lets the HQ count every case it may not read, and others count what they may list', () => {
    expect(caseStatsVisibility({ agency: 'anti_smuggling_hq' })).toEqual({});
    expect(caseStatsVisibility({ agency: 'anti_smuggling_hq', province: 'khuzestan' })).toEqual({
      province: 'khuzestan',
    });
    expect(caseStatsVisibility({ agency: 'inspection' })).toEqual(caseVisibility({ agency: 'inspection' }));
    expect(caseStatsVisibility({ agency: 'customs', province: 'khuzestan' })).toEqual({
      province: 'khuzestan',
      involvedAgency: 'customs',
    });
  });

  it('lets only the handling authority move a case along its lifecycle', () => {
    expect(mayMoveCase({ agency: 'prosecutor' }, policeCase)).toBe(true);
    expect(mayMoveCase({ agency: 'police' }, policeCase)).toBe(false);
    expect(mayMoveCase({ agency: 'inspection' }, policeCase)).toBe(false);
    expect(mayMoveCase({ agency: 'prosecutor', province: 'tehran' }, policeCase)).toBe(false);
  });

  it('lets an agency register only its own discoveries in its own province', () => {
    expect(mayRegisterCase({ agency: 'police' }, { discoveringAgency: 'police', province: 'fars' })).toBe(
      true,
    );
    expect(mayRegisterCase({ agency: 'customs' }, { discoveringAgency: 'police', province: 'fars' })).toBe(
      false,
    );
    expect(
      mayRegisterCase(
        { agency: 'police', province: 'tehran' },
        { discoveringAgency: 'police', province: 'fars' },
      ),
    ).toBe(false);
  });

  it('limits listings by province and, outside oversight, by involvement', () => {
    expect(caseVisibility({ agency: 'inspection' })).toEqual({});
    expect(caseVisibility({ agency: 'governorate', province: 'khuzestan' })).toEqual({
      province: 'khuzestan',
    });
    expect(caseVisibility({ agency: 'customs', province: 'bushehr' })).toEqual({
      province: 'bushehr',
      involvedAgency: 'customs',
    });
  });
});

describe('access to execution units', () => {
  const unit = { kind: 'tazirat' as const, province: 'khuzestan' };

  it('lets only the unit’s own organisation register it', () => {
    expect(mayRegisterUnit({ agency: 'tazirat' }, unit)).toBe(true);
    expect(mayRegisterUnit({ agency: 'prosecutor' }, unit)).toBe(false);
    expect(mayRegisterUnit({ agency: 'tazirat', province: 'fars' }, unit)).toBe(false);
  });

  it('lets the police and the unit’s organisation deploy and release officers', () => {
    expect(mayStaffUnit({ agency: 'police' }, unit)).toBe(true);
    expect(mayStaffUnit({ agency: 'tazirat' }, unit)).toBe(true);
    expect(mayStaffUnit({ agency: 'customs' }, unit)).toBe(false);
    expect(mayStaffUnit({ agency: 'police', province: 'tehran' }, unit)).toBe(false);
  });

  it('shows units within the caller’s province limit', () => {
    expect(mayReadUnit({ agency: 'customs' }, unit)).toBe(true);
    expect(mayReadUnit({ agency: 'customs', province: 'tehran' }, unit)).toBe(false);
  });
});
