import { describe, expect, it } from 'vitest';
import {
  agencies,
  agencyCodes,
  caseCategorySchema,
  handlingAuthoritySchema,
  knownCustomsOffices,
  lotCategorySchema,
  officeIdSchema,
  provinceCodes,
  provinces,
  severitySchema,
  verdictOutcomeSchema,
} from '../src/index.ts';

describe('vocabularies', () => {
  it('has the eleven agencies of DOMAIN.md with Persian and English names', () => {
    expect(agencyCodes).toEqual([
      'prosecutor',
      'tazirat',
      'police',
      'customs',
      'ports',
      'property_org',
      'governorate',
      'inspection',
      'anti_smuggling_hq',
      'fuel_company',
      'central_bank',
    ]);
    for (const name of Object.values(agencies)) {
      expect(name.fa).toMatch(/[\u0600-\u06ff]/);
      expect(name.en).toMatch(/^[A-Z]/);
    }
  });

  it('has exactly the 31 provinces of Iran, with snake_case codes and distinct Persian names', () => {
    expect(provinceCodes).toHaveLength(31);
    expect(new Set(Object.values(provinces).map((name) => name.fa)).size).toBe(31);
    for (const code of provinceCodes) expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
    expect(provinceCodes).toEqual(
      expect.arrayContaining([
        'khuzestan',
        'tehran',
        'bushehr',
        'hormozgan',
        'sistan_baluchestan',
        'azarbaijan_sharqi',
        'azarbaijan_gharbi',
        'kohgiluyeh_boyerahmad',
        'chaharmahal_bakhtiari',
        'khorasan_razavi',
        'khorasan_shomali',
        'khorasan_jonubi',
      ]),
    );
  });

  it('uses no Arabic yeh or kaf in Persian names', () => {
    const names = [...Object.values(provinces), ...Object.values(agencies)].map((name) => name.fa).join('');
    expect(names).not.toMatch(/[\u064a\u0643]/);
  });

  it('names the Khuzestan customs offices with valid office ids', () => {
    expect(knownCustomsOffices).toHaveLength(7);
    for (const office of knownCustomsOffices) expect(officeIdSchema.parse(office.id)).toBe(office.id);
  });

  it('has the closed lists of the domain', () => {
    expect(caseCategorySchema.options).toEqual(['goods', 'currency', 'fuel']);
    expect(handlingAuthoritySchema.options).toEqual(['prosecutor', 'tazirat']);
    expect(verdictOutcomeSchema.options).toEqual(['convicted', 'acquitted', 'dismissed']);
    expect(severitySchema.options).toEqual(['info', 'warning', 'high', 'critical']);
    expect(lotCategorySchema.options).toEqual(
      expect.arrayContaining(['general', 'perishable', 'vehicle', 'fuel']),
    );
  });
});
