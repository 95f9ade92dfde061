import type { AgencyScorecards, CaseStats, DwellStats, OversightOverview } from '@enforcement/contracts';
import { fetchCaseStats, fetchDwell, fetchOverview, fetchScorecards } from '../api.ts';
import { drawCases } from './cases.ts';
import { drawDwell } from './dwell.ts';
import { setChartFont } from './kit.ts';
import { drawOverview } from './overview.ts';
import { drawScorecards } from './scorecard.ts';

/** How often the pictures are reloaded; the services keep their reports about as long. */
const REFRESH_MS = 30_000;
/** After a live notification the pictures are reloaded this much later, at most once per delay. */
const NUDGE_DELAY_MS = 3_000;

const data: {
  overview?: OversightOverview;
  dwell?: DwellStats;
  scorecards?: AgencyScorecards;
  cases?: CaseStats;
} = {};

/** Draws everything again (after new data or a language switch). */
export function renderCharts() {
  setChartFont();
  if (data.overview !== undefined) drawOverview(data.overview);
  if (data.dwell !== undefined) drawDwell(data.dwell);
  if (data.scorecards !== undefined) drawScorecards(data.scorecards);
  if (data.cases !== undefined) drawCases(data.cases);
}

/** Reloads every report; one that fails keeps its last picture (and says why in the console). */
async function refresh() {
  const loads = [
    fetchOverview().then((overview) => {
      data.overview = overview;
    }),
    fetchDwell().then((dwell) => {
      data.dwell = dwell;
    }),
    fetchScorecards().then((scorecards) => {
      data.scorecards = scorecards;
    }),
    fetchCaseStats().then((cases) => {
      data.cases = cases;
    }),
  ];
  for (const result of await Promise.allSettled(loads)) {
    if (result.status === 'rejected') console.warn('a report could not be loaded', result.reason);
  }
  renderCharts();
}

let nudgePending = false;

/** Something happened (a live notification): reload the pictures soon, once for a burst of news. */
export function nudgeStats() {
  if (nudgePending) return;
  nudgePending = true;
  setTimeout(() => {
    nudgePending = false;
    void refresh();
  }, NUDGE_DELAY_MS);
}

/** Loads the reports now and every half minute. */
export function startStats() {
  void refresh();
  setInterval(() => void refresh(), REFRESH_MS);
}
