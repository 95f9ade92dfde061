import type { LotCategory, ProvinceCode, QuantityUnit } from '@enforcement/contracts';
import { knownCustomsOffices, provinceCodes } from '@enforcement/contracts';

/*
 * What the simulated agency systems write: real places, goods, names and amounts, as people type
 * them (Persian text, some Arabic ي/ك, Persian digits in reference numbers).
 */

/** Provincial capitals, where prosecution offices, Ta'zirat branches and governorates sit. */
export const capitals: Readonly<Record<ProvinceCode, string>> = {
  azarbaijan_sharqi: 'تبریز',
  azarbaijan_gharbi: 'ارومیه',
  ardabil: 'اردبیل',
  isfahan: 'اصفهان',
  alborz: 'کرج',
  ilam: 'ایلام',
  bushehr: 'بوشهر',
  tehran: 'تهران',
  chaharmahal_bakhtiari: 'شهرکرد',
  khorasan_jonubi: 'بیرجند',
  khorasan_razavi: 'مشهد',
  khorasan_shomali: 'بجنورد',
  khuzestan: 'اهواز',
  zanjan: 'زنجان',
  semnan: 'سمنان',
  sistan_baluchestan: 'زاهدان',
  fars: 'شیراز',
  qazvin: 'قزوین',
  qom: 'قم',
  kurdistan: 'سنندج',
  kerman: 'کرمان',
  kermanshah: 'کرمانشاه',
  kohgiluyeh_boyerahmad: 'یاسوج',
  golestan: 'گرگان',
  gilan: 'رشت',
  lorestan: 'خرم‌آباد',
  mazandaran: 'ساری',
  markazi: 'اراک',
  hormozgan: 'بندرعباس',
  hamadan: 'همدان',
  yazd: 'یزد',
};

/** Border and coastal provinces see most of the smuggling; every province sees some. */
const heavierProvinces: Partial<Record<ProvinceCode, number>> = {
  khuzestan: 8,
  sistan_baluchestan: 6,
  hormozgan: 6,
  bushehr: 4,
  kermanshah: 3,
  kurdistan: 3,
  azarbaijan_gharbi: 3,
  khorasan_razavi: 3,
  tehran: 3,
  ilam: 2,
  fars: 2,
  kerman: 2,
};

export const provinceWeights: Readonly<Record<ProvinceCode, number>> = Object.fromEntries(
  provinceCodes.map((code) => [code, heavierProvinces[code] ?? 1]),
) as Record<ProvinceCode, number>;

/** A customs office, port or crossing where lots are held; customs-goods seeds these at start. */
export interface SimOffice {
  id: string;
  province: ProvinceCode;
  /** Relative share of the lots it receives. */
  weight: number;
}

export const offices: readonly SimOffice[] = [
  ...knownCustomsOffices.map((office) => ({ id: office.id, province: office.province, weight: 2 })),
  { id: 'bsh_bushehr', province: 'bushehr', weight: 3 },
  { id: 'bsh_asaluyeh', province: 'bushehr', weight: 2 },
  { id: 'hrm_shahid_rajaee', province: 'hormozgan', weight: 5 },
  { id: 'hrm_bandar_lengeh', province: 'hormozgan', weight: 2 },
  { id: 'hrm_qeshm', province: 'hormozgan', weight: 1 },
  { id: 'sbl_chabahar', province: 'sistan_baluchestan', weight: 3 },
  { id: 'sbl_milak', province: 'sistan_baluchestan', weight: 2 },
  { id: 'sbl_mirjaveh', province: 'sistan_baluchestan', weight: 2 },
  { id: 'ilm_mehran', province: 'ilam', weight: 2 },
  { id: 'ksh_parviz_khan', province: 'kermanshah', weight: 2 },
  { id: 'krd_bashmaq', province: 'kurdistan', weight: 1 },
  { id: 'azg_bazargan', province: 'azarbaijan_gharbi', weight: 3 },
  { id: 'azs_jolfa', province: 'azarbaijan_sharqi', weight: 1 },
  { id: 'ard_astara', province: 'ardabil', weight: 1 },
  { id: 'gil_anzali', province: 'gilan', weight: 1 },
  { id: 'maz_amirabad', province: 'mazandaran', weight: 1 },
  { id: 'gol_incheh_borun', province: 'golestan', weight: 1 },
  { id: 'khr_dogharoun', province: 'khorasan_razavi', weight: 2 },
  { id: 'khj_mahirud', province: 'khorasan_jonubi', weight: 1 },
  { id: 'thr_imam_khomeini_airport', province: 'tehran', weight: 3 },
  { id: 'thr_shahid_rajaee_dry_port', province: 'tehran', weight: 2 },
];

/** Goods as customs and seizure reports describe them, with their HS code, unit and value per unit. */
export interface GoodsKind {
  description: string;
  hsCode: string;
  unit: QuantityUnit;
  /** Range of the quantity in one lot or seizure. */
  quantity: readonly [number, number];
  /** Rials per unit (order of magnitude of 2025 prices). */
  rialsPerUnit: number;
}

export const goodsByLotCategory: Readonly<Record<LotCategory, readonly GoodsKind[]>> = {
  general: [
    {
      description: 'لاستیک خودرو سواری خارجی',
      hsCode: '401110',
      unit: 'piece',
      quantity: [200, 3000],
      rialsPerUnit: 45_000_000,
    },
    {
      description: 'گوشی تلفن همراه',
      hsCode: '8517.13',
      unit: 'piece',
      quantity: [50, 2500],
      rialsPerUnit: 250_000_000,
    },
    {
      description: 'لوازم خانگی برقی در کانتینر ۴۰ فوت',
      hsCode: '851660',
      unit: 'kg',
      quantity: [2000, 24000],
      rialsPerUnit: 9_000_000,
    },
    {
      description: 'پارچه و پوشاک',
      hsCode: '620342',
      unit: 'kg',
      quantity: [500, 15000],
      rialsPerUnit: 4_000_000,
    },
    {
      description: 'سیگار خارجی',
      hsCode: '240220',
      unit: 'carton',
      quantity: [100, 8000],
      rialsPerUnit: 12_000_000,
    },
    {
      description: 'لوازم آرایشی',
      hsCode: '330499',
      unit: 'carton',
      quantity: [20, 1500],
      rialsPerUnit: 30_000_000,
    },
    {
      description: 'چای خارجی',
      hsCode: '090230',
      unit: 'kg',
      quantity: [1000, 20000],
      rialsPerUnit: 3_500_000,
    },
  ],
  perishable: [
    {
      description: 'موز وارداتی',
      hsCode: '080390',
      unit: 'tonne',
      quantity: [5, 40],
      rialsPerUnit: 600_000_000,
    },
    {
      description: 'گوشت منجمد',
      hsCode: '020230',
      unit: 'kg',
      quantity: [2000, 25000],
      rialsPerUnit: 6_500_000,
    },
    {
      description: 'میوه تازه',
      hsCode: '080810',
      unit: 'tonne',
      quantity: [3, 30],
      rialsPerUnit: 450_000_000,
    },
  ],
  vehicle: [
    {
      description: 'خودرو سواری',
      hsCode: '870323',
      unit: 'piece',
      quantity: [1, 12],
      rialsPerUnit: 18_000_000_000,
    },
    {
      description: 'موتورسیکلت',
      hsCode: '871120',
      unit: 'piece',
      quantity: [5, 80],
      rialsPerUnit: 900_000_000,
    },
  ],
  fuel: [
    {
      description: 'گازوئیل',
      hsCode: '271019',
      unit: 'litre',
      quantity: [5000, 60000],
      rialsPerUnit: 180_000,
    },
    { description: 'بنزین', hsCode: '271012', unit: 'litre', quantity: [3000, 40000], rialsPerUnit: 200_000 },
    {
      description: 'نفت کوره',
      hsCode: '271019',
      unit: 'tonne',
      quantity: [10, 200],
      rialsPerUnit: 150_000_000,
    },
  ],
  livestock: [
    {
      description: 'دام زنده (گوسفند)',
      hsCode: '010410',
      unit: 'head',
      quantity: [50, 900],
      rialsPerUnit: 150_000_000,
    },
  ],
  pharmaceutical: [
    {
      description: 'دارو و مکمل',
      hsCode: '300490',
      unit: 'carton',
      quantity: [10, 600],
      rialsPerUnit: 80_000_000,
    },
  ],
  hazardous: [
    {
      description: 'سموم کشاورزی',
      hsCode: '380891',
      unit: 'kg',
      quantity: [200, 8000],
      rialsPerUnit: 7_000_000,
    },
  ],
};

/** Fuel as found in seizures: in tankers, pickups, jerrycans and boats. */
export const fuelFinds: readonly GoodsKind[] = [
  {
    description: 'گازوئیل قاچاق در تانکر',
    hsCode: '271019',
    unit: 'litre',
    quantity: [8000, 60000],
    rialsPerUnit: 180_000,
  },
  {
    description: 'بنزین قاچاق در گالن',
    hsCode: '271012',
    unit: 'litre',
    quantity: [200, 4000],
    rialsPerUnit: 200_000,
  },
  {
    description: 'گازوئیل در لنج صیادی',
    hsCode: '271019',
    unit: 'litre',
    quantity: [5000, 90000],
    rialsPerUnit: 180_000,
  },
  {
    description: 'نفت سفید',
    hsCode: '271019',
    unit: 'litre',
    quantity: [1000, 20000],
    rialsPerUnit: 120_000,
  },
];

/** Currencies found in seizures, with rials per unit (free market, order of magnitude). */
export const currencies: readonly {
  code: string;
  rialsPerUnit: number;
  amount: readonly [number, number];
}[] = [
  { code: 'USD', rialsPerUnit: 1_050_000, amount: [2000, 400_000] },
  { code: 'EUR', rialsPerUnit: 1_200_000, amount: [2000, 250_000] },
  { code: 'AED', rialsPerUnit: 285_000, amount: [5000, 900_000] },
  { code: 'IQD', rialsPerUnit: 800, amount: [1_000_000, 300_000_000] },
  { code: 'TRY', rialsPerUnit: 30_000, amount: [10_000, 2_000_000] },
];

/** Names as people write them; some with Arabic ي/ك, so normalization is exercised. */
export const firstNames = ['علی', 'محمد', 'حسين', 'رضا', 'فاطمه', 'مریم', 'عبدالله', 'زهرا', 'كاظم', 'سعید'];
export const lastNames = [
  'رضایی',
  'موسوی',
  'كريمي',
  'احمدی',
  'نیسی',
  'بني‌طرف',
  'حیدری',
  'بلوچ‌زهی',
  'عساکره',
  'جعفری',
];
export const companyNames = [
  'شرکت بازرگانی اروند تجارت',
  'شركت حمل و نقل خليج',
  'شرکت سوخت‌رسانی کارون',
  'شرکت کشتیرانی نیلگون',
  'شرکت بازرگانی مرزداران شرق',
];

export const discoveryPlaces = [
  'ایست بازرسی ورودی',
  'اسکله صیادی',
  'پایانه مرزی',
  'انبار متروکه حاشیه شهر',
  'جاده ترانزیت',
  'بازارچه مرزی',
];

/** What an asset seizure (قبض اموال) takes, as the execution unit writes it. */
export const seizedAssets = [
  { kind: 'bank_account', description: 'موجودی حساب بانکی محکوم‌علیه' },
  { kind: 'vehicle', description: 'کامیون حمل کالا' },
  { kind: 'real_estate', description: 'سند شش‌دانگ یک باب مغازه' },
  { kind: 'cash', description: 'وجه نقد' },
  { kind: 'goods', description: 'کالای موجود در انبار' },
] as const;

/** Resolutions of the execution workgroups, after the minutes the sources quote, with who carries them out. */
export const resolutionTexts = [
  { assignee: 'police', text: 'استقرار مأمورین آموزش‌دیده فراجا در واحد اجرای احکام دادسرا و تعزیرات' },
  { assignee: 'customs', text: 'تعیین تکلیف کالاهای رسوبی در گمرکات استان' },
  { assignee: 'property_org', text: 'تحویل و فروش کالاهای متروکه و ضبطی انبارها' },
  { assignee: 'tazirat', text: 'تسریع در رسیدگی به پرونده‌های قاچاق سوخت' },
  { assignee: 'governorate', text: 'هماهنگی دستگاه‌ها در ورود، خروج و ترخیص کالا' },
  { assignee: 'police', text: 'پیگیری قبض اموال محکومین پرونده‌هایی که حکم آنها صادر شده است' },
  { assignee: 'customs', text: 'گزارش کالاهای ترانزیتی نرسیده به مقصد' },
] as const;

/** Persian digits, as reference numbers are often typed. */
export function persianDigits(text: string): string {
  return text.replace(/[0-9]/g, (digit) => String.fromCharCode(0x06f0 + Number(digit)));
}
