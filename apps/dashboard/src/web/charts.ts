import type {
  AgencyScorecardRow,
  AgencyScorecards,
  DwellStats,
  OversightOverview,
} from '@enforcement/contracts';
import { Chart, type ChartConfiguration, registerables } from 'chart.js';
import { fetchDwell, fetchOverview, fetchScorecards } from './api.ts';
import { byId, el } from './dom.ts';
import { formatDay, formatNumber, lang, type MessageKey, ruleName, t } from './i18n.ts';
import { agencies, customsOffices, provinces } from './vocab.ts';

Chart.register(...registerables);

const REFRESH_MS = 30_000;
const SEVERITY_COLORS = {
  info: '#4b7bec',
  warning: '#d98e04',
  high: '#d35400',
  critical: '#b3261e',
} as const;
const SEVERITIES = ['info', 'warning', 'high', 'critical'] as const;

const data = {
  overview: undefined as OversightOverview | undefined,
  dwell: undefined as DwellStats | undefined,
  scorecards: undefined as AgencyScorecards | undefined,
};
const charts = new Map<string, { destroy(): void }>();

type SortKey =
  | 'agency'
  | 'province'
  | 'metOnTime'
  | 'metLate'
  | 'openOverdue'
  | 'onTimeRate'
  | 'derelictionsOpen';
const sort: { key: SortKey; descending: boolean } = { key: 'openOverdue', descending: true };

function baseOptions() {
  const rtl = lang() === 'fa';
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false as const,
    locale: rtl ? 'fa-IR' : 'en-US',
    plugins: {
      legend: { rtl, textDirection: rtl ? 'rtl' : 'ltr', position: 'bottom' as const },
      tooltip: { rtl, textDirection: rtl ? 'rtl' : 'ltr' },
    },
  };
}

/** Value-axis ticks in the page's digits (Chart.js writes 0 as a Latin "0" whatever the locale). */
const valueTicks = () => ({
  precision: 0,
  callback: (value: string | number) => formatNumber(Number(value)),
});

function draw(id: string, config: ChartConfiguration, summary: string) {
  charts.get(id)?.destroy();
  const canvas = byId<HTMLCanvasElement>(id);
  canvas.setAttribute('aria-label', summary);
  charts.set(id, new Chart(canvas, config));
}

function drawOverview(overview: OversightOverview) {
  const rules = [...new Set(overview.openByRuleAndSeverity.map((row) => row.ruleId))];
  const countOf = (rule: string, severity: string) =>
    overview.openByRuleAndSeverity.find((row) => row.ruleId === rule && row.severity === severity)?.count ??
    0;
  const total = overview.openByRuleAndSeverity.reduce((sum, row) => sum + row.count, 0);
  const options = baseOptions();
  draw(
    'chart-open',
    {
      type: 'bar',
      data: {
        labels: rules.map(ruleName),
        datasets: SEVERITIES.map((severity) => ({
          label: t(severity),
          data: rules.map((rule) => countOf(rule, severity)),
          backgroundColor: SEVERITY_COLORS[severity],
        })),
      },
      options: {
        ...options,
        indexAxis: 'y',
        scales: {
          x: { stacked: true, ticks: valueTicks() },
          y: { stacked: true, position: lang() === 'fa' ? 'right' : 'left' },
        },
      },
    },
    `${t('openByRule')}: ${t('openCount', { open: formatNumber(total) })}`,
  );
  draw(
    'chart-trend',
    {
      type: 'line',
      data: {
        labels: overview.trend.map((day) => (lang() === 'fa' ? day.dayFa : formatDay(day.day))),
        datasets: [
          { label: t('raisedSeries'), data: overview.trend.map((d) => d.raised), borderColor: '#d35400' },
          { label: t('resolvedSeries'), data: overview.trend.map((d) => d.resolved), borderColor: '#1e8e3e' },
          {
            label: t('openSeries'),
            data: overview.trend.map((d) => d.openAtEndOfDay),
            borderColor: '#0b5cad',
          },
        ],
      },
      options: { ...options, scales: { x: { reverse: lang() === 'fa' }, y: { ticks: valueTicks() } } },
    },
    t('trend'),
  );
}

function officeName(id: string) {
  const office = customsOffices.find((known) => known.id === id);
  return office === undefined ? id : office[lang()];
}

function drawDwell(dwell: DwellStats) {
  const offices = new Map<string, { p50: number; p90: number; past: number }>();
  for (const row of dwell.rows) {
    const entry = offices.get(row.officeId) ?? { p50: 0, p90: 0, past: 0 };
    entry.p50 = Math.max(entry.p50, row.dwellDays.p50);
    entry.p90 = Math.max(entry.p90, row.dwellDays.p90);
    entry.past += row.pastAbandonment;
    offices.set(row.officeId, entry);
  }
  const rows = [...offices.entries()]
    .sort((a, b) => b[1].past - a[1].past || b[1].p90 - a[1].p90)
    .slice(0, 15);
  const options = baseOptions();
  draw(
    'chart-dwell',
    {
      type: 'bar',
      data: {
        labels: rows.map(([id]) => officeName(id)),
        datasets: [
          { label: t('p50'), data: rows.map(([, r]) => r.p50), backgroundColor: '#7fa7d9', yAxisID: 'days' },
          { label: t('p90'), data: rows.map(([, r]) => r.p90), backgroundColor: '#0b5cad', yAxisID: 'days' },
          {
            label: t('pastAbandonment'),
            data: rows.map(([, r]) => r.past),
            backgroundColor: '#b3261e',
            yAxisID: 'lots',
          },
        ],
      },
      options: {
        ...options,
        scales: {
          x: { reverse: lang() === 'fa' },
          days: { position: lang() === 'fa' ? 'right' : 'left', beginAtZero: true, ticks: valueTicks() },
          lots: {
            position: lang() === 'fa' ? 'left' : 'right',
            beginAtZero: true,
            ticks: valueTicks(),
            grid: { drawOnChartArea: false },
          },
        },
      },
    },
    `${t('dwell')}: ${rows.length === 0 ? t('noData') : rows.map(([id, r]) => `${officeName(id)} ${formatNumber(r.p90)}`).join('، ')}`,
  );
}

const placeName = (code: string | null) =>
  code === null ? t('national') : (provinces[code]?.[lang()] ?? code);
const agencyName = (code: string) => agencies[code]?.[lang()] ?? code;

const COLUMNS: { key: SortKey; label: MessageKey; cell: (row: AgencyScorecardRow) => string }[] = [
  { key: 'agency', label: 'agency', cell: (row) => agencyName(row.agency) },
  { key: 'province', label: 'province', cell: (row) => placeName(row.province) },
  { key: 'openOverdue', label: 'openOverdue', cell: (row) => formatNumber(row.openOverdue) },
  { key: 'metOnTime', label: 'metOnTime', cell: (row) => formatNumber(row.metOnTime) },
  { key: 'metLate', label: 'metLate', cell: (row) => formatNumber(row.metLate) },
  {
    key: 'onTimeRate',
    label: 'onTimeRate',
    cell: (row) => (row.onTimeRate === null ? '—' : formatNumber(row.onTimeRate, { style: 'percent' })),
  },
  { key: 'derelictionsOpen', label: 'derelictionsOpen', cell: (row) => formatNumber(row.derelictionsOpen) },
];

function sortValue(row: AgencyScorecardRow, key: SortKey): string | number {
  if (key === 'agency') return agencyName(row.agency);
  if (key === 'province') return placeName(row.province);
  return row[key] ?? -1;
}

function drawScorecards(scorecards: AgencyScorecards) {
  const table = byId<HTMLTableElement>('scorecard');
  const head = table.tHead?.rows[0];
  const body = table.tBodies[0];
  if (head === undefined || body === undefined) return;
  head.replaceChildren(
    ...COLUMNS.map((column) => {
      const active = sort.key === column.key;
      const button = el(
        'button',
        { type: 'button', 'aria-label': t('sortBy', { column: t(column.label) }) },
        t(column.label),
        active ? (sort.descending ? ' ▼' : ' ▲') : '',
      );
      button.addEventListener('click', () => {
        sort.descending = active ? !sort.descending : true;
        sort.key = column.key;
        drawScorecards(scorecards);
      });
      const attributes: Record<string, string> = { scope: 'col', 'data-key': column.key };
      if (active) attributes['aria-sort'] = sort.descending ? 'descending' : 'ascending';
      return el('th', attributes, button);
    }),
  );
  const collator = new Intl.Collator(lang());
  const rows = [...scorecards.rows].sort((a, b) => {
    const x = sortValue(a, sort.key);
    const y = sortValue(b, sort.key);
    const order =
      typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return sort.descending ? -order : order;
  });
  body.replaceChildren(
    ...(rows.length === 0
      ? [el('tr', {}, el('td', { colspan: String(COLUMNS.length) }, t('noData')))]
      : rows.map((row) => el('tr', {}, ...COLUMNS.map((column) => el('td', {}, column.cell(row)))))),
  );
}

/** Draws everything again (after new data or a language switch). */
export function renderCharts() {
  Chart.defaults.font.family = lang() === 'fa' ? 'Vazirmatn, Tahoma, sans-serif' : 'system-ui, sans-serif';
  if (data.overview !== undefined) drawOverview(data.overview);
  if (data.dwell !== undefined) drawDwell(data.dwell);
  if (data.scorecards !== undefined) drawScorecards(data.scorecards);
}

async function refresh() {
  const [overview, dwell, scorecards] = await Promise.allSettled([
    fetchOverview(),
    fetchDwell(),
    fetchScorecards(),
  ]);
  if (overview.status === 'fulfilled') data.overview = overview.value;
  if (dwell.status === 'fulfilled') data.dwell = dwell.value;
  if (scorecards.status === 'fulfilled') data.scorecards = scorecards.value;
  for (const result of [overview, dwell, scorecards]) {
    if (result.status === 'rejected') console.error(result.reason);
  }
  renderCharts();
}

/** Loads the statistics now and every half minute (the services keep snapshots that long anyway). */
export function startStats() {
  void refresh();
  setInterval(() => void refresh(), REFRESH_MS);
}
