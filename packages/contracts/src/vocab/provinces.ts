import { z } from 'zod';
import type { BilingualName } from './agencies.ts';

/** The 31 provinces of Iran. Codes are stable: they are stored and travel in events, never renamed. */
export const provinces = {
  azarbaijan_sharqi: { fa: 'آذربایجان شرقی', en: 'East Azerbaijan' },
  azarbaijan_gharbi: { fa: 'آذربایجان غربی', en: 'West Azerbaijan' },
  ardabil: { fa: 'اردبیل', en: 'Ardabil' },
  isfahan: { fa: 'اصفهان', en: 'Isfahan' },
  alborz: { fa: 'البرز', en: 'Alborz' },
  ilam: { fa: 'ایلام', en: 'Ilam' },
  bushehr: { fa: 'بوشهر', en: 'Bushehr' },
  tehran: { fa: 'تهران', en: 'Tehran' },
  chaharmahal_bakhtiari: { fa: 'چهارمحال و بختیاری', en: 'Chaharmahal and Bakhtiari' },
  khorasan_jonubi: { fa: 'خراسان جنوبی', en: 'South Khorasan' },
  khorasan_razavi: { fa: 'خراسان رضوی', en: 'Razavi Khorasan' },
  khorasan_shomali: { fa: 'خراسان شمالی', en: 'North Khorasan' },
  khuzestan: { fa: 'خوزستان', en: 'Khuzestan' },
  zanjan: { fa: 'زنجان', en: 'Zanjan' },
  semnan: { fa: 'سمنان', en: 'Semnan' },
  sistan_baluchestan: { fa: 'سیستان و بلوچستان', en: 'Sistan and Baluchestan' },
  fars: { fa: 'فارس', en: 'Fars' },
  qazvin: { fa: 'قزوین', en: 'Qazvin' },
  qom: { fa: 'قم', en: 'Qom' },
  kurdistan: { fa: 'کردستان', en: 'Kurdistan' },
  kerman: { fa: 'کرمان', en: 'Kerman' },
  kermanshah: { fa: 'کرمانشاه', en: 'Kermanshah' },
  kohgiluyeh_boyerahmad: { fa: 'کهگیلویه و بویراحمد', en: 'Kohgiluyeh and Boyer-Ahmad' },
  golestan: { fa: 'گلستان', en: 'Golestan' },
  gilan: { fa: 'گیلان', en: 'Gilan' },
  lorestan: { fa: 'لرستان', en: 'Lorestan' },
  mazandaran: { fa: 'مازندران', en: 'Mazandaran' },
  markazi: { fa: 'مرکزی', en: 'Markazi' },
  hormozgan: { fa: 'هرمزگان', en: 'Hormozgan' },
  hamadan: { fa: 'همدان', en: 'Hamadan' },
  yazd: { fa: 'یزد', en: 'Yazd' },
} as const satisfies Record<string, BilingualName>;

export type ProvinceCode = keyof typeof provinces;

export const provinceCodes = Object.keys(provinces) as [ProvinceCode, ...ProvinceCode[]];

export const provinceCodeSchema = z.enum(provinceCodes);
