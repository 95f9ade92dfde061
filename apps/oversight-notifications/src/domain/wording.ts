import { type AgencyCode, agencies, type ProvinceCode, provinces } from '@enforcement/contracts';
import type { Obligation } from './obligation.ts';

export interface Bilingual {
  fa: string;
  en: string;
}

const persianDate = new Intl.DateTimeFormat('fa-IR-u-ca-persian', {
  timeZone: 'Asia/Tehran',
  dateStyle: 'long',
});

/** People in Iran read dates in the Solar Hijri calendar; English readers get the UTC calendar date. */
export function datesOf(instant: Date): Bilingual {
  return { fa: persianDate.format(instant), en: instant.toISOString().slice(0, 10) };
}

type Words = (o: Obligation) => { title: Bilingual; text: Bilingual };

const subjectNames: Record<string, Bilingual> = {
  case: { fa: 'پرونده', en: 'Case' },
  lot: { fa: 'محموله', en: 'Lot' },
  transit: { fa: 'ترانزیت', en: 'Transit' },
  execution_unit: { fa: 'واحد اجرای احکام', en: 'Execution unit' },
  resolution: { fa: 'مصوبه', en: 'Resolution' },
};

function about(o: Obligation): Bilingual {
  const name = subjectNames[o.subject.kind] ?? { fa: o.subject.kind, en: o.subject.kind };
  return { fa: `${name.fa} ${o.subject.id}`, en: `${name.en} ${o.subject.id}` };
}

function plain(titleFa: string, titleEn: string, textFa: string, textEn: string): Words {
  return (o) => {
    const due = datesOf(o.dueAt);
    const s = about(o);
    return {
      title: { fa: titleFa, en: titleEn },
      text: {
        fa: `${s.fa}: ${textFa.replaceAll('{n}', persianCount(o.details.days ?? o.details.hours ?? ''))} (موعد: ${due.fa})`,
        en: `${s.en}: ${textEn.replaceAll('{n}', o.details.days ?? o.details.hours ?? '')} (due ${due.en})`,
      },
    };
  };
}

const byRule: Record<string, Words> = {
  case_determination_sla: plain(
    'تأخیر در تعیین تکلیف پرونده',
    'Case not determined in time',
    'ظرف {n} روز از ثبت تعیین تکلیف نشده است',
    'not determined within {n} days of registration',
  ),
  fuel_case_registered: plain(
    'ثبت پرونده قاچاق سوخت',
    'Fuel smuggling case registered',
    'پرونده قاچاق سوخت با اولویت بالا ثبت شد',
    'a fuel smuggling case was registered; top priority',
  ),
  execution_stalled_no_seizure: plain(
    'توقف اجرای حکم بدون قبض اموال',
    'Execution stalled, no asset seizure',
    'ظرف {n} روز از صدور حکم محکومیت، قبض اموال انجام نشده است',
    'no asset seizure within {n} days of a conviction with a fine',
  ),
  unit_without_officers: plain(
    'واحد اجرای احکام بدون مأمور آموزش‌دیده',
    'Execution unit without trained officers',
    'پرونده در حال اجرا دارد و مأمور آموزش‌دیده فراجا مستقر نیست',
    'has cases in execution and no deployed trained police officer',
  ),
  goods_abandoned: plain(
    'کالای متروکه',
    'Goods past their abandonment date',
    'از موعد متروکه گذشته و ترخیص یا اعلام متروکه نشده است',
    'held past its abandonment date without clearance or declaration',
  ),
  goods_dwell: plain(
    'رسوب کالا',
    'Goods dwelling at customs',
    'بیش از {n} روز در گمرک یا بندر مانده است',
    'held at customs or port for more than {n} days',
  ),
  goods_not_handed_over: plain(
    'عدم تحویل کالا به سازمان اموال تملیکی',
    'Goods not handed over to property_org',
    'کالای متروکه یا ضبط‌شده به سازمان جمع‌آوری و فروش اموال تملیکی تحویل نشده است',
    'abandoned or confiscated goods not transferred to the property organization',
  ),
  handed_over_not_disposed: plain(
    'عدم تعیین تکلیف کالای تحویلی',
    'Handed-over goods not disposed of',
    'کالای تحویل‌شده فروخته، معدوم یا مسترد نشده است',
    'goods handed over were not auctioned, destroyed or returned',
  ),
  transit_overdue: plain(
    'تأخیر در رسیدن ترانزیت',
    'Transit overdue',
    'ظرف {n} ساعت از خروج به مقصد نرسیده است',
    'has not arrived within {n} hours of exit',
  ),
  transit_quantity_mismatch: plain(
    'مغایرت مقدار کالای ترانزیتی',
    'Transit quantity mismatch',
    'مقدار رسیده با مقدار خروجی مغایرت دارد',
    'quantity at arrival differs from quantity at exit',
  ),
  // A resolution's id says nothing to a reader: name the workgroup and meeting and quote the text.
  resolution_overdue: (o) => {
    const due = datesOf(o.dueAt);
    const { workgroup = '', meeting = '', excerpt = '' } = o.details;
    return {
      title: { fa: 'تأخیر در انجام مصوبه کارگروه', en: 'Workgroup resolution overdue' },
      text: {
        fa: `مصوبه جلسه ${persianNumber(Number(meeting))} ${workgroup} («${excerpt}») تا موعد انجام نشده است (موعد: ${due.fa})`,
        en: `The resolution of meeting ${meeting} of ${workgroup} ("${excerpt}") was not done in time (due ${due.en})`,
      },
    };
  },
};

export function wordingOf(o: Obligation): { title: Bilingual; text: Bilingual } {
  const words = byRule[o.ruleId];
  if (words === undefined) throw new Error(`no wording for rule ${o.ruleId}`);
  return words(o);
}

/** The suspected-dereliction (ترک فعل) notice names the agency whose obligation stayed unmet. */
export function derelictionWording(o: Obligation, agency: AgencyCode): { title: Bilingual; text: Bilingual } {
  const name = agencies[agency];
  const rule = wordingOf(o).title;
  const since = datesOf(o.dueAt);
  const s = about(o);
  return {
    title: { fa: `ظن ترک فعل: ${name.fa}`, en: `Suspected dereliction of duty: ${name.en}` },
    text: {
      fa: `${name.fa} تکلیف «${rule.fa}» درباره ${s.fa} را از ${since.fa} انجام نداده است`,
      en: `${name.en} has not met "${rule.en}" for ${s.en} since ${since.en}`,
    },
  };
}

const persianDigits = new Intl.NumberFormat('fa-IR', { useGrouping: false });

function persianNumber(n: number): string {
  return persianDigits.format(n);
}

/** A count written in the details (`"90"`) in Persian digits for the Persian text (`"۹۰"`). */
function persianCount(written: string): string {
  return /^\d+$/.test(written) ? persianNumber(Number(written)) : written;
}

/** Suspected dereliction for repeated overdue resolutions names the agency's office and how many. */
export function repeatedOverdueWording(
  agency: AgencyCode,
  province: ProvinceCode | null,
  count: number,
  since: Date,
): { title: Bilingual; text: Bilingual } {
  const name = agencies[agency];
  const where = province === null ? null : provinces[province];
  const fa = where === null ? name.fa : `${name.fa} استان ${where.fa}`;
  const en = where === null ? name.en : `${name.en} (${where.en})`;
  const from = datesOf(since);
  return {
    title: { fa: `ظن ترک فعل: ${name.fa}`, en: `Suspected dereliction of duty: ${name.en}` },
    text: {
      fa: `${fa} ${persianNumber(count)} مصوبه کارگروه را از موعد گذشته انجام نداده است (از ${from.fa})`,
      en: `${en} has ${count} workgroup resolutions overdue at once (since ${from.en})`,
    },
  };
}
