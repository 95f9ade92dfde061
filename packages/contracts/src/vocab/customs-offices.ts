import type { ProvinceCode } from './provinces.ts';

/** A customs office or border crossing where lots are held. */
export interface CustomsOffice {
  id: string;
  province: ProvinceCode;
  fa: string;
  en: string;
}

/**
 * Known offices, for seeding and fixtures. Offices are added over time, so events carry an office id
 * (`officeIdSchema`), not a closed list.
 */
export const knownCustomsOffices = [
  {
    id: 'khz_bandar_imam_khomeini',
    province: 'khuzestan',
    fa: 'گمرک بندر امام خمینی',
    en: 'Bandar Imam Khomeini',
  },
  { id: 'khz_khorramshahr', province: 'khuzestan', fa: 'گمرک خرمشهر', en: 'Khorramshahr' },
  { id: 'khz_abadan', province: 'khuzestan', fa: 'گمرک آبادان', en: 'Abadan' },
  { id: 'khz_arvandkenar', province: 'khuzestan', fa: 'گمرک اروندکنار', en: 'Arvandkenar' },
  { id: 'khz_ahvaz', province: 'khuzestan', fa: 'گمرک اهواز', en: 'Ahvaz' },
  { id: 'khz_shalamcheh', province: 'khuzestan', fa: 'مرز شلمچه', en: 'Shalamcheh border crossing' },
  { id: 'khz_chazabeh', province: 'khuzestan', fa: 'مرز چذابه', en: 'Chazabeh border crossing' },
] as const satisfies readonly CustomsOffice[];
