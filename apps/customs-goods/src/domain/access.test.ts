import { describe, expect, it } from 'vitest';
import { lotAccess, mayMoveLot, mayRegisterLot, readsLots } from './access.ts';

const khuzestanLot = { province: 'khuzestan' };

describe('access to lots', () => {
  it('lets customs and ports write within their key’s province and nowhere else', () => {
    expect(lotAccess({ agency: 'customs', province: 'khuzestan' }, khuzestanLot)).toBe('write');
    expect(lotAccess({ agency: 'ports', province: 'bushehr' }, khuzestanLot)).toBe('none');
    expect(lotAccess({ agency: 'customs' }, khuzestanLot)).toBe('write');
    expect(mayRegisterLot({ agency: 'ports', province: 'hormozgan' }, { province: 'hormozgan' })).toBe(true);
  });

  it('lets the governorate read its province only', () => {
    expect(lotAccess({ agency: 'governorate', province: 'khuzestan' }, khuzestanLot)).toBe('read');
    expect(lotAccess({ agency: 'governorate', province: 'bushehr' }, khuzestanLot)).toBe('none');
  });

  it('lets inspection and the anti-smuggling HQ read every province but write none', () => {
    expect(lotAccess({ agency: 'inspection' }, khuzestanLot)).toBe('read');
    expect(lotAccess({ agency: 'anti_smuggling_hq' }, { province: 'tehran' })).toBe('read');
    expect(mayRegisterLot({ agency: 'inspection' }, khuzestanLot)).toBe(false);
  });

  it('gives agencies outside goods handling nothing', () => {
    expect(readsLots({ agency: 'police' })).toBe(false);
    expect(lotAccess({ agency: 'central_bank' }, khuzestanLot)).toBe('none');
  });

  it('lets the property organization record only the disposal of handed-over goods', () => {
    const propertyOrg = { agency: 'property_org', province: 'khuzestan' };
    expect(mayMoveLot(propertyOrg, khuzestanLot, 'auctioned')).toBe(true);
    expect(mayMoveLot(propertyOrg, khuzestanLot, 'held')).toBe(false);
  });
});
