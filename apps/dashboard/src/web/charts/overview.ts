import type { OversightOverview } from '@enforcement/contracts';
import { severities } from '@enforcement/contracts/vocab';
import { formatDay, formatNumber, lang, ruleName, t } from '../i18n.ts';
import { baseOptions, draw, SEVERITY_COLORS, startSide, valueTicks } from './kit.ts';

/** Open notifications by rule (bars stacked by severity) and the daily trend of the last 30 days. */
export function drawOverview(overview: OversightOverview) {
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
        datasets: severities.map((severity) => ({
          label: t(severity),
          data: rules.map((rule) => countOf(rule, severity)),
          backgroundColor: SEVERITY_COLORS[severity],
        })),
      },
      options: {
        ...options,
        indexAxis: 'y',
        scales: {
          x: { stacked: true, reverse: startSide() === 'right', ticks: valueTicks() },
          y: { stacked: true, position: startSide() },
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
      options: {
        ...options,
        scales: { x: { reverse: lang() === 'fa' }, y: { position: startSide(), ticks: valueTicks() } },
      },
    },
    t('trend'),
  );
}
