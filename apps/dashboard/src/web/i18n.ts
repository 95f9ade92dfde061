export type Lang = 'fa' | 'en';

const fa = {
  title: 'داشبورد نظارت بر مبارزه با قاچاق',
  audience: 'مخاطب',
  feed: 'اعلان‌های زنده',
  severity: 'شدت',
  rule: 'قاعده',
  province: 'استان',
  all: 'همه',
  national: 'ملی',
  openByRule: 'اعلان‌های باز به تفکیک قاعده و شدت',
  trend: 'روند روزانه',
  dwell: 'کالای رسوبی به تفکیک گمرک',
  scorecard: 'کارنامه دستگاه‌ها',
  cases: 'پرونده‌ها به تفکیک مرحله',
  casesSummary: '{total} پرونده، {overdue} پرونده باز گذشته از موعد تعیین تکلیف',
  overdueCases: 'گذشته از موعد تعیین تکلیف',
  office: 'گمرک',
  lotsHeld: 'محموله‌های نگهداری‌شده',
  valueHeld: 'ارزش کالای نگهداری‌شده (میلیارد ریال)',
  dwellTable: 'جزئیات رسوب به تفکیک گمرک',
  ackForbidden: 'کلید این داشبورد اجازه تأیید ندارد',
  toggle: 'English',
  toggleLabel: 'Switch to English',
  connecting: 'در حال اتصال…',
  live: 'زنده',
  reconnecting: 'اتصال قطع شد؛ اتصال دوباره…',
  loadFailed: 'بارگیری ناموفق بود',
  acknowledge: 'تأیید دریافت',
  acknowledgeLabel: 'تأیید دریافت اعلان: {title}',
  acknowledged: 'دریافت تأیید شد',
  ackFailed: 'تأیید ناموفق بود',
  level: 'سطح ارجاع',
  due: 'موعد',
  raised: 'ایجاد',
  resolved: 'بسته شد',
  openCount: '{open} اعلان باز',
  empty: 'اعلانی نیست',
  raisedSeries: 'ایجادشده',
  resolvedSeries: 'بسته‌شده',
  openSeries: 'باز در پایان روز',
  p50: 'میانه رسوب (روز)',
  p90: 'صدک ۹۰ رسوب (روز)',
  pastAbandonment: 'محموله‌های گذشته از موعد متروکه',
  agency: 'دستگاه',
  metOnTime: 'انجام به‌موقع',
  metLate: 'انجام با تأخیر',
  openOverdue: 'معوق باز',
  onTimeRate: 'نرخ به‌موقع',
  derelictionsOpen: 'ترک فعل باز',
  sortBy: 'مرتب‌سازی بر اساس {column}',
  noData: 'داده‌ای نیست',
  info: 'اطلاع',
  warning: 'هشدار',
  high: 'زیاد',
  critical: 'بحرانی',
};
type Messages = typeof fa;

const en: Messages = {
  title: 'Anti-smuggling oversight dashboard',
  audience: 'Audience',
  feed: 'Live notifications',
  severity: 'Severity',
  rule: 'Rule',
  province: 'Province',
  all: 'All',
  national: 'National',
  openByRule: 'Open notifications by rule and severity',
  trend: 'Daily trend',
  dwell: 'Stuck goods by customs office',
  scorecard: 'Agency scorecard',
  cases: 'Cases by lifecycle stage',
  casesSummary: '{total} cases, {overdue} open past the determination deadline',
  overdueCases: 'Past the determination deadline',
  office: 'Customs office',
  lotsHeld: 'Lots held',
  valueHeld: 'Value held (billion rials)',
  dwellTable: 'Stuck goods per office, in detail',
  ackForbidden: "This dashboard's key may not acknowledge",
  toggle: 'فارسی',
  toggleLabel: 'نمایش به فارسی',
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Connection lost; reconnecting…',
  loadFailed: 'Loading failed',
  acknowledge: 'Acknowledge',
  acknowledgeLabel: 'Acknowledge notification: {title}',
  acknowledged: 'Acknowledged',
  ackFailed: 'Acknowledging failed',
  level: 'Escalation level',
  due: 'Due',
  raised: 'Raised',
  resolved: 'Resolved',
  openCount: '{open} open',
  empty: 'No notifications',
  raisedSeries: 'Raised',
  resolvedSeries: 'Resolved',
  openSeries: 'Open at end of day',
  p50: 'Median dwell (days)',
  p90: 'Dwell p90 (days)',
  pastAbandonment: 'Lots past abandonment',
  agency: 'Agency',
  metOnTime: 'Met on time',
  metLate: 'Met late',
  openOverdue: 'Open overdue',
  onTimeRate: 'On-time rate',
  derelictionsOpen: 'Open dereliction',
  sortBy: 'Sort by {column}',
  noData: 'No data',
  info: 'Info',
  warning: 'Warning',
  high: 'High',
  critical: 'Critical',
};

export type MessageKey = keyof Messages;
const messages: Record<Lang, Messages> = { fa, en };

type Names = Record<string, { fa: string; en: string }>;

export const ruleNames: Names = {
  case_determination_sla: { fa: 'تعیین تکلیف پرونده', en: 'Case determination SLA' },
  execution_stalled_no_seizure: { fa: 'توقف اجرای حکم', en: 'Execution stalled' },
  unit_without_officers: { fa: 'واحد اجرایی بدون مأمور', en: 'Unit without officers' },
  fuel_case_registered: { fa: 'ثبت پرونده سوخت', en: 'Fuel case registered' },
  goods_abandoned: { fa: 'کالای متروکه', en: 'Goods abandoned' },
  goods_dwell: { fa: 'رسوب کالا', en: 'Goods dwell' },
  goods_not_handed_over: { fa: 'تحویل‌نشدن کالا', en: 'Goods not handed over' },
  handed_over_not_disposed: { fa: 'تحویل بدون تعیین تکلیف', en: 'Handed over, not disposed' },
  transit_overdue: { fa: 'تأخیر ترانزیت', en: 'Transit overdue' },
  transit_quantity_mismatch: { fa: 'مغایرت مقدار ترانزیت', en: 'Transit quantity mismatch' },
  resolution_overdue: { fa: 'تأخیر مصوبه', en: 'Resolution overdue' },
  suspected_dereliction: { fa: 'ترک فعل احتمالی', en: 'Suspected dereliction' },
};

/** The case lifecycle of DOMAIN.md. */
export const stageNames: Names = {
  registered: { fa: 'ثبت‌شده', en: 'Registered' },
  under_investigation: { fa: 'در دست رسیدگی', en: 'Under investigation' },
  verdict_issued: { fa: 'صدور حکم', en: 'Verdict issued' },
  in_execution: { fa: 'اجرای حکم', en: 'In execution' },
  assets_seized: { fa: 'قبض اموال', en: 'Assets seized' },
  closed: { fa: 'مختومه', en: 'Closed' },
};

export const categoryNames: Names = {
  goods: { fa: 'کالا', en: 'Goods' },
  currency: { fa: 'ارز', en: 'Currency' },
  fuel: { fa: 'سوخت', en: 'Fuel' },
};

let current: Lang = 'fa';

export const lang = () => current;
export function setLang(next: Lang) {
  current = next;
  document.documentElement.lang = next;
  document.documentElement.dir = next === 'fa' ? 'rtl' : 'ltr';
}

export function t(key: MessageKey, values: Record<string, string> = {}): string {
  return messages[current][key].replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
}

const locale = () => (current === 'fa' ? 'fa-IR' : 'en-US');
export const formatNumber = (value: number, options: Intl.NumberFormatOptions = {}) =>
  new Intl.NumberFormat(locale(), options).format(value);
export function formatDate(iso: string): string {
  const tag = current === 'fa' ? 'fa-IR-u-ca-persian' : 'en-GB';
  return new Intl.DateTimeFormat(tag, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Tehran',
  }).format(new Date(iso));
}
export function formatDay(day: string): string {
  const tag = current === 'fa' ? 'fa-IR-u-ca-persian' : 'en-GB';
  return new Intl.DateTimeFormat(tag, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}
export const ruleName = (id: string) => ruleNames[id]?.[current] ?? id;
export const stageName = (status: string) => stageNames[status]?.[current] ?? status;
export const categoryName = (category: string) => categoryNames[category]?.[current] ?? category;
