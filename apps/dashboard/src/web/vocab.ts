// Names from @enforcement/contracts (vocab), copied so the page does not bundle the contracts' Node code.
// Kept equal by test/vocab.test.ts.

export const agencies: Record<string, { fa: string; en: string }> = {
  prosecutor: {
    fa: 'دادستانی',
    en: "Prosecutor's office",
  },
  tazirat: {
    fa: 'سازمان تعزیرات حکومتی',
    en: 'Government Discretionary Punishments Organization',
  },
  police: {
    fa: 'فراجا',
    en: 'Police (FARAJA)',
  },
  customs: {
    fa: 'گمرک',
    en: 'Customs administration',
  },
  ports: {
    fa: 'سازمان بنادر و دریانوردی',
    en: 'Ports and Maritime Organization',
  },
  property_org: {
    fa: 'سازمان جمع‌آوری و فروش اموال تملیکی',
    en: 'Organization for Collection and Sale of Confiscated Property',
  },
  governorate: {
    fa: 'استانداری',
    en: "Provincial governor's office",
  },
  inspection: {
    fa: 'سازمان بازرسی کل کشور',
    en: 'General Inspection Organization',
  },
  anti_smuggling_hq: {
    fa: 'ستاد مبارزه با قاچاق کالا و ارز',
    en: 'Headquarters for Combating Smuggling of Goods and Currency',
  },
  fuel_company: {
    fa: 'شرکت ملی پخش فرآورده‌های نفتی',
    en: 'National Iranian Oil Products Distribution Company',
  },
  central_bank: {
    fa: 'بانک مرکزی',
    en: 'Central Bank of Iran',
  },
};

export const provinces: Record<string, { fa: string; en: string }> = {
  azarbaijan_sharqi: {
    fa: 'آذربایجان شرقی',
    en: 'East Azerbaijan',
  },
  azarbaijan_gharbi: {
    fa: 'آذربایجان غربی',
    en: 'West Azerbaijan',
  },
  ardabil: {
    fa: 'اردبیل',
    en: 'Ardabil',
  },
  isfahan: {
    fa: 'اصفهان',
    en: 'Isfahan',
  },
  alborz: {
    fa: 'البرز',
    en: 'Alborz',
  },
  ilam: {
    fa: 'ایلام',
    en: 'Ilam',
  },
  bushehr: {
    fa: 'بوشهر',
    en: 'Bushehr',
  },
  tehran: {
    fa: 'تهران',
    en: 'Tehran',
  },
  chaharmahal_bakhtiari: {
    fa: 'چهارمحال و بختیاری',
    en: 'Chaharmahal and Bakhtiari',
  },
  khorasan_jonubi: {
    fa: 'خراسان جنوبی',
    en: 'South Khorasan',
  },
  khorasan_razavi: {
    fa: 'خراسان رضوی',
    en: 'Razavi Khorasan',
  },
  khorasan_shomali: {
    fa: 'خراسان شمالی',
    en: 'North Khorasan',
  },
  khuzestan: {
    fa: 'خوزستان',
    en: 'Khuzestan',
  },
  zanjan: {
    fa: 'زنجان',
    en: 'Zanjan',
  },
  semnan: {
    fa: 'سمنان',
    en: 'Semnan',
  },
  sistan_baluchestan: {
    fa: 'سیستان و بلوچستان',
    en: 'Sistan and Baluchestan',
  },
  fars: {
    fa: 'فارس',
    en: 'Fars',
  },
  qazvin: {
    fa: 'قزوین',
    en: 'Qazvin',
  },
  qom: {
    fa: 'قم',
    en: 'Qom',
  },
  kurdistan: {
    fa: 'کردستان',
    en: 'Kurdistan',
  },
  kerman: {
    fa: 'کرمان',
    en: 'Kerman',
  },
  kermanshah: {
    fa: 'کرمانشاه',
    en: 'Kermanshah',
  },
  kohgiluyeh_boyerahmad: {
    fa: 'کهگیلویه و بویراحمد',
    en: 'Kohgiluyeh and Boyer-Ahmad',
  },
  golestan: {
    fa: 'گلستان',
    en: 'Golestan',
  },
  gilan: {
    fa: 'گیلان',
    en: 'Gilan',
  },
  lorestan: {
    fa: 'لرستان',
    en: 'Lorestan',
  },
  mazandaran: {
    fa: 'مازندران',
    en: 'Mazandaran',
  },
  markazi: {
    fa: 'مرکزی',
    en: 'Markazi',
  },
  hormozgan: {
    fa: 'هرمزگان',
    en: 'Hormozgan',
  },
  hamadan: {
    fa: 'همدان',
    en: 'Hamadan',
  },
  yazd: {
    fa: 'یزد',
    en: 'Yazd',
  },
};

export const customsOffices: { id: string; province: string; fa: string; en: string }[] = [
  {
    id: 'khz_bandar_imam_khomeini',
    province: 'khuzestan',
    fa: 'گمرک بندر امام خمینی',
    en: 'Bandar Imam Khomeini',
  },
  {
    id: 'khz_khorramshahr',
    province: 'khuzestan',
    fa: 'گمرک خرمشهر',
    en: 'Khorramshahr',
  },
  {
    id: 'khz_abadan',
    province: 'khuzestan',
    fa: 'گمرک آبادان',
    en: 'Abadan',
  },
  {
    id: 'khz_arvandkenar',
    province: 'khuzestan',
    fa: 'گمرک اروندکنار',
    en: 'Arvandkenar',
  },
  {
    id: 'khz_ahvaz',
    province: 'khuzestan',
    fa: 'گمرک اهواز',
    en: 'Ahvaz',
  },
  {
    id: 'khz_shalamcheh',
    province: 'khuzestan',
    fa: 'مرز شلمچه',
    en: 'Shalamcheh border crossing',
  },
  {
    id: 'khz_chazabeh',
    province: 'khuzestan',
    fa: 'مرز چذابه',
    en: 'Chazabeh border crossing',
  },
];

export const ruleIds: string[] = [
  'case_determination_sla',
  'execution_stalled_no_seizure',
  'unit_without_officers',
  'fuel_case_registered',
  'goods_abandoned',
  'goods_dwell',
  'goods_not_handed_over',
  'handed_over_not_disposed',
  'transit_overdue',
  'transit_quantity_mismatch',
  'resolution_overdue',
  'suspected_dereliction',
];
