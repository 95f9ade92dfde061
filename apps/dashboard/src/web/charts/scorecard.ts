import type { AgencyScorecardRow, AgencyScorecards } from '@enforcement/contracts';
import { byId, el } from '../dom.ts';
import { formatNumber, lang, type MessageKey, t } from '../i18n.ts';
import { agencyName, placeName } from '../names.ts';

type SortKey =
  | 'agency'
  | 'province'
  | 'metOnTime'
  | 'metLate'
  | 'openOverdue'
  | 'onTimeRate'
  | 'derelictionsOpen';

/** Open overdue obligations first: the table exists to show who is not doing their duty. */
const sort: { key: SortKey; descending: boolean } = { key: 'openOverdue', descending: true };

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

function headerCell(column: (typeof COLUMNS)[number], scorecards: AgencyScorecards): HTMLElement {
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
}

/** The agency scorecard table, sortable by every column. */
export function drawScorecards(scorecards: AgencyScorecards) {
  const table = byId<HTMLTableElement>('scorecard');
  table.tHead?.rows[0]?.replaceChildren(...COLUMNS.map((column) => headerCell(column, scorecards)));
  const collator = new Intl.Collator(lang());
  const rows = [...scorecards.rows].sort((a, b) => {
    const x = sortValue(a, sort.key);
    const y = sortValue(b, sort.key);
    const order =
      typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return sort.descending ? -order : order;
  });
  table.tBodies[0]?.replaceChildren(
    ...(rows.length === 0
      ? [el('tr', {}, el('td', { colspan: String(COLUMNS.length) }, t('noData')))]
      : rows.map((row) => el('tr', {}, ...COLUMNS.map((column) => el('td', {}, column.cell(row)))))),
  );
}
