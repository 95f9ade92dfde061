import type { CaseStats } from '@enforcement/contracts';
import { caseStatuses } from '@enforcement/contracts/vocab';
import { categoryName, formatNumber, stageName, t } from '../i18n.ts';
import { baseOptions, draw, startSide, valueTicks } from './kit.ts';

const CATEGORY_COLORS = { goods: '#0b5cad', currency: '#1e8e3e', fuel: '#d35400' } as const;
const CATEGORIES = ['goods', 'currency', 'fuel'] as const;

/**
 * The caseload by lifecycle stage: per stage a bar stacked by category (goods, currency, fuel) and
 * beside it the open cases past their determination deadline.
 */
export function drawCases(stats: CaseStats) {
  const count = (status: string, pick: (row: CaseStats['rows'][number]) => number) =>
    stats.rows.filter((row) => row.status === status).reduce((sum, row) => sum + pick(row), 0);
  const total = stats.rows.reduce((sum, row) => sum + row.cases, 0);
  const overdue = stats.rows.reduce((sum, row) => sum + row.overdue, 0);
  draw(
    'chart-cases',
    {
      type: 'bar',
      data: {
        labels: caseStatuses.map(stageName),
        datasets: [
          ...CATEGORIES.map((category) => ({
            label: categoryName(category),
            data: caseStatuses.map((status) =>
              count(status, (row) => (row.category === category ? row.cases : 0)),
            ),
            backgroundColor: CATEGORY_COLORS[category],
            stack: 'cases',
          })),
          {
            label: t('overdueCases'),
            data: caseStatuses.map((status) => count(status, (row) => row.overdue)),
            backgroundColor: '#b3261e',
            stack: 'overdue',
          },
        ],
      },
      options: {
        ...baseOptions(),
        scales: {
          x: { stacked: true, reverse: startSide() === 'right' },
          y: { stacked: true, position: startSide(), beginAtZero: true, ticks: valueTicks() },
        },
      },
    },
    `${t('cases')}: ${t('casesSummary', { total: formatNumber(total), overdue: formatNumber(overdue) })}`,
  );
}
