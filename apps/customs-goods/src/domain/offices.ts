import { knownCustomsOffices, type OfficeKind, type ProvinceCode } from '@enforcement/contracts';

/** A customs office, port or border crossing, with the province whose officials answer for it. */
export interface Office {
  id: string;
  province: ProvinceCode;
  kind: OfficeKind;
  fa: string;
  en: string;
  active: boolean;
  updatedAt: Date;
}

export type OfficeSeed = Omit<Office, 'updatedAt' | 'active'>;

const khuzestanKinds: Record<string, OfficeKind> = {
  khz_bandar_imam_khomeini: 'port',
  khz_khorramshahr: 'port',
  khz_abadan: 'port',
  khz_arvandkenar: 'port',
  khz_ahvaz: 'customs_office',
  khz_shalamcheh: 'border_crossing',
  khz_chazabeh: 'border_crossing',
};

/**
 * Offices loaded at every start (added when missing, never overwriting an admin's change): every
 * Khuzestan office of the contracts, and the main ports and crossings of the other border and
 * coastal provinces.
 */
export const seedOffices: readonly OfficeSeed[] = [
  ...knownCustomsOffices.map((office) => ({
    ...office,
    kind: khuzestanKinds[office.id] ?? 'customs_office',
  })),
  { id: 'bsh_bushehr', province: 'bushehr', kind: 'port', fa: 'گمرک بندر بوشهر', en: 'Bushehr port' },
  { id: 'bsh_asaluyeh', province: 'bushehr', kind: 'port', fa: 'گمرک عسلویه', en: 'Asaluyeh port' },
  { id: 'bsh_deylam', province: 'bushehr', kind: 'port', fa: 'گمرک بندر دیلم', en: 'Deylam port' },
  {
    id: 'hrm_shahid_rajaee',
    province: 'hormozgan',
    kind: 'port',
    fa: 'گمرک بندر شهید رجایی',
    en: 'Shahid Rajaee port',
  },
  {
    id: 'hrm_bandar_lengeh',
    province: 'hormozgan',
    kind: 'port',
    fa: 'گمرک بندر لنگه',
    en: 'Bandar Lengeh port',
  },
  { id: 'hrm_qeshm', province: 'hormozgan', kind: 'port', fa: 'گمرک قشم', en: 'Qeshm' },
  { id: 'hrm_kish', province: 'hormozgan', kind: 'port', fa: 'گمرک کیش', en: 'Kish' },
  {
    id: 'sbl_chabahar',
    province: 'sistan_baluchestan',
    kind: 'port',
    fa: 'گمرک چابهار',
    en: 'Chabahar port',
  },
  {
    id: 'sbl_milak',
    province: 'sistan_baluchestan',
    kind: 'border_crossing',
    fa: 'مرز میلک',
    en: 'Milak crossing',
  },
  {
    id: 'sbl_mirjaveh',
    province: 'sistan_baluchestan',
    kind: 'border_crossing',
    fa: 'مرز میرجاوه',
    en: 'Mirjaveh crossing',
  },
  { id: 'ilm_mehran', province: 'ilam', kind: 'border_crossing', fa: 'مرز مهران', en: 'Mehran crossing' },
  {
    id: 'ksh_parviz_khan',
    province: 'kermanshah',
    kind: 'border_crossing',
    fa: 'مرز پرویزخان',
    en: 'Parviz Khan crossing',
  },
  {
    id: 'ksh_khosravi',
    province: 'kermanshah',
    kind: 'border_crossing',
    fa: 'مرز خسروی',
    en: 'Khosravi crossing',
  },
  {
    id: 'krd_bashmaq',
    province: 'kurdistan',
    kind: 'border_crossing',
    fa: 'مرز باشماق',
    en: 'Bashmaq crossing',
  },
  {
    id: 'azg_bazargan',
    province: 'azarbaijan_gharbi',
    kind: 'border_crossing',
    fa: 'مرز بازرگان',
    en: 'Bazargan crossing',
  },
  {
    id: 'azg_sero',
    province: 'azarbaijan_gharbi',
    kind: 'border_crossing',
    fa: 'مرز سرو',
    en: 'Sero crossing',
  },
  {
    id: 'azs_jolfa',
    province: 'azarbaijan_sharqi',
    kind: 'border_crossing',
    fa: 'مرز جلفا',
    en: 'Jolfa crossing',
  },
  { id: 'ard_astara', province: 'ardabil', kind: 'border_crossing', fa: 'گمرک آستارا', en: 'Astara' },
  { id: 'gil_anzali', province: 'gilan', kind: 'port', fa: 'گمرک بندر انزلی', en: 'Bandar Anzali port' },
  { id: 'maz_amirabad', province: 'mazandaran', kind: 'port', fa: 'گمرک بندر امیرآباد', en: 'Amirabad port' },
  { id: 'maz_nowshahr', province: 'mazandaran', kind: 'port', fa: 'گمرک بندر نوشهر', en: 'Nowshahr port' },
  {
    id: 'gol_incheh_borun',
    province: 'golestan',
    kind: 'border_crossing',
    fa: 'مرز اینچه برون',
    en: 'Incheh Borun crossing',
  },
  {
    id: 'khr_dogharoun',
    province: 'khorasan_razavi',
    kind: 'border_crossing',
    fa: 'مرز دوغارون',
    en: 'Dogharoun crossing',
  },
  {
    id: 'khr_sarakhs',
    province: 'khorasan_razavi',
    kind: 'border_crossing',
    fa: 'مرز سرخس',
    en: 'Sarakhs crossing',
  },
  {
    id: 'khj_mahirud',
    province: 'khorasan_jonubi',
    kind: 'border_crossing',
    fa: 'مرز ماهیرود',
    en: 'Mahirud crossing',
  },
  {
    id: 'thr_imam_khomeini_airport',
    province: 'tehran',
    kind: 'customs_office',
    fa: 'گمرک فرودگاه امام خمینی',
    en: 'Imam Khomeini airport',
  },
  {
    id: 'thr_shahid_rajaee_dry_port',
    province: 'tehran',
    kind: 'customs_office',
    fa: 'گمرک غرب تهران',
    en: 'West Tehran',
  },
];
