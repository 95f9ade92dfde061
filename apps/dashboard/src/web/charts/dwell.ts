import type { DwellStats } from '@enforcement/contracts';
import { byId, el } from '../dom.ts';
import { formatNumber, type MessageKey, t } from '../i18n.ts';
import { officeName, placeName } from '../names.ts';
import { baseOptions, draw, endSide, startSide, valueTicks } from './kit.ts';

/** One customs office over all its categories of goods. */
interface OfficeDwell {
  officeId: string;
  province: string;
  lotsHeld: number;
  /** The worst category's percentiles: an office is as stuck as its slowest goods. */
  p50: number;
  p90: number;
  pastAbandonment: number;
  valueHeldRials: bigint;
}

const CHART_OFFICES = 15;

function byOffice(dwell: DwellStats): OfficeDwell[] {
  const offices = new Map<string, OfficeDwell>();
  for (const row of dwell.rows) {
    const office = offices.get(row.officeId) ?? {
      officeId: row.officeId,
      province: row.province,
      lotsHeld: 0,
      p50: 0,
      p90: 0,
      pastAbandonment: 0,
      valueHeldRials: 0n,
    };
    office.lotsHeld += row.lotsHeld;
    office.p50 = Math.max(office.p50, row.dwellDays.p50);
    office.p90 = Math.max(office.p90, row.dwellDays.p90);
    office.pastAbandonment += row.pastAbandonment;
    office.valueHeldRials += BigInt(row.valueHeldRials);
    offices.set(row.officeId, office);
  }
  return [...offices.values()].sort((a, b) => b.pastAbandonment - a.pastAbandonment || b.p90 - a.p90);
}

/** Billions of rials with one decimal; exact integer division first, so huge sums keep their digits. */
const billions = (rials: bigint) =>
  formatNumber(Number(rials / 100_000_000n) / 10, { maximumFractionDigits: 1 });

const COLUMNS: { label: MessageKey; cell: (office: OfficeDwell) => string }[] = [
  { label: 'office', cell: (office) => officeName(office.officeId) },
  { label: 'province', cell: (office) => placeName(office.province) },
  { label: 'lotsHeld', cell: (office) => formatNumber(office.lotsHeld) },
  { label: 'p50', cell: (office) => formatNumber(office.p50) },
  { label: 'p90', cell: (office) => formatNumber(office.p90) },
  { label: 'pastAbandonment', cell: (office) => formatNumber(office.pastAbandonment) },
  { label: 'valueHeld', cell: (office) => billions(office.valueHeldRials) },
];

function drawTable(offices: OfficeDwell[]) {
  const table = byId<HTMLTableElement>('dwell-table');
  table.tHead?.rows[0]?.replaceChildren(
    ...COLUMNS.map((column) => el('th', { scope: 'col' }, t(column.label))),
  );
  table.tBodies[0]?.replaceChildren(
    ...(offices.length === 0
      ? [el('tr', {}, el('td', { colspan: String(COLUMNS.length) }, t('noData')))]
      : offices.map((office) =>
          el(
            'tr',
            { 'data-office': office.officeId },
            ...COLUMNS.map((column) => el('td', {}, column.cell(office))),
          ),
        )),
  );
}

/** Stuck goods per customs office: dwell p50/p90 and lots past abandonment drawn, all of it tabled. */
export function drawDwell(dwell: DwellStats) {
  const offices = byOffice(dwell);
  const shown = offices.slice(0, CHART_OFFICES);
  const options = baseOptions();
  draw(
    'chart-dwell',
    {
      type: 'bar',
      data: {
        labels: shown.map((office) => officeName(office.officeId)),
        datasets: [
          { label: t('p50'), data: shown.map((o) => o.p50), backgroundColor: '#7fa7d9', yAxisID: 'days' },
          { label: t('p90'), data: shown.map((o) => o.p90), backgroundColor: '#0b5cad', yAxisID: 'days' },
          {
            label: t('pastAbandonment'),
            data: shown.map((o) => o.pastAbandonment),
            backgroundColor: '#b3261e',
            yAxisID: 'lots',
          },
        ],
      },
      options: {
        ...options,
        scales: {
          x: { reverse: startSide() === 'right' },
          days: { position: startSide(), beginAtZero: true, ticks: valueTicks() },
          lots: {
            position: endSide(),
            beginAtZero: true,
            ticks: valueTicks(),
            grid: { drawOnChartArea: false },
          },
        },
      },
    },
    `${t('dwell')}: ${
      shown.length === 0
        ? t('noData')
        : shown.map((office) => `${officeName(office.officeId)} ${formatNumber(office.p90)}`).join('، ')
    }`,
  );
  drawTable(offices);
}
