import { Chart, type ChartConfiguration, registerables } from 'chart.js';
import { byId } from '../dom.ts';
import { formatNumber, lang } from '../i18n.ts';

Chart.register(...registerables);

export const SEVERITY_COLORS = {
  info: '#4b7bec',
  warning: '#d98e04',
  high: '#d35400',
  critical: '#b3261e',
} as const;

const charts = new Map<string, Chart>();

/** The side a value axis sits on: the reading start (right in Persian). */
export const startSide = () => (lang() === 'fa' ? 'right' : 'left');
export const endSide = () => (lang() === 'fa' ? 'left' : 'right');

export function baseOptions() {
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
export const valueTicks = () => ({
  precision: 0,
  callback: (value: string | number) => formatNumber(Number(value)),
});

/** Draws (or redraws) the chart of canvas `id`; `summary` is its accessible name. */
export function draw(id: string, config: ChartConfiguration, summary: string) {
  charts.get(id)?.destroy();
  const canvas = byId<HTMLCanvasElement>(id);
  canvas.setAttribute('aria-label', summary);
  charts.set(id, new Chart(canvas, config));
}

export function setChartFont() {
  Chart.defaults.font.family = lang() === 'fa' ? 'Vazirmatn, Tahoma, sans-serif' : 'system-ui, sans-serif';
}
