import { z } from 'zod';

/** A name in the two languages every screen and notification carries. */
export interface BilingualName {
  fa: string;
  en: string;
}

/** The agencies of DOMAIN.md, by the codes every service uses. */
export const agencies = {
  prosecutor: { fa: 'دادستانی', en: "Prosecutor's office" },
  tazirat: { fa: 'سازمان تعزیرات حکومتی', en: 'Government Discretionary Punishments Organization' },
  police: { fa: 'فراجا', en: 'Police (FARAJA)' },
  customs: { fa: 'گمرک', en: 'Customs administration' },
  ports: { fa: 'سازمان بنادر و دریانوردی', en: 'Ports and Maritime Organization' },
  property_org: {
    fa: 'سازمان جمع‌آوری و فروش اموال تملیکی',
    en: 'Organization for Collection and Sale of Confiscated Property',
  },
  governorate: { fa: 'استانداری', en: "Provincial governor's office" },
  inspection: { fa: 'سازمان بازرسی کل کشور', en: 'General Inspection Organization' },
  anti_smuggling_hq: {
    fa: 'ستاد مبارزه با قاچاق کالا و ارز',
    en: 'Headquarters for Combating Smuggling of Goods and Currency',
  },
  fuel_company: {
    fa: 'شرکت ملی پخش فرآورده‌های نفتی',
    en: 'National Iranian Oil Products Distribution Company',
  },
  central_bank: { fa: 'بانک مرکزی', en: 'Central Bank of Iran' },
} as const satisfies Record<string, BilingualName>;

export type AgencyCode = keyof typeof agencies;

export const agencyCodes = Object.keys(agencies) as [AgencyCode, ...AgencyCode[]];

export const agencyCodeSchema = z.enum(agencyCodes);
