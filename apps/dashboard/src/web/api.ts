import type {
  AgencyScorecards,
  CaseStats,
  DwellStats,
  FeedPage,
  OversightOverview,
  PrincipalView,
} from '@enforcement/contracts';

/** The dashboard server's proxy: same origin, the server adds the key. */
async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return (await response.json()) as T;
}

/** The feeds offered, and who the dashboard's key is (null when oversight could not say). */
export interface DashboardConfig {
  audiences: string[];
  principal: PrincipalView | null;
}

export const fetchConfig = () => getJson<DashboardConfig>('/api/config');
export const fetchFeedPage = (audience: string, query: URLSearchParams) =>
  getJson<FeedPage>(`/api/oversight/v1/feeds/${encodeURIComponent(audience)}?${query}`);
export const streamUrl = (audience: string, query: URLSearchParams) =>
  `/api/oversight/v1/feeds/${encodeURIComponent(audience)}/stream?${query}`;
export const fetchOverview = () => getJson<OversightOverview>('/api/oversight/v1/stats/overview?days=30');
export const fetchScorecards = () =>
  getJson<AgencyScorecards>('/api/oversight/v1/stats/agencies?sort=openOverdue&order=desc');
export const fetchDwell = () => getJson<DwellStats>('/api/customs/v1/stats/dwell');
export const fetchCaseStats = () => getJson<CaseStats>('/api/cases/v1/stats/cases');

export type AcknowledgeOutcome = 'ok' | 'already' | 'closed' | 'forbidden' | 'failed';

/**
 * 'already': this agency acknowledged it before; 'closed': it was resolved meanwhile (the stream
 * brings the resolved version); 'forbidden': the dashboard's key may not acknowledge.
 */
export async function acknowledge(id: string): Promise<AcknowledgeOutcome> {
  const response = await fetch(`/api/oversight/v1/notifications/${encodeURIComponent(id)}/acknowledgements`, {
    method: 'POST',
  });
  if (response.ok) return 'ok';
  if (response.status === 409) {
    const problem = (await response.json().catch(() => ({}))) as { code?: unknown };
    return problem.code === 'NOTIFICATION_NOT_OPEN' ? 'closed' : 'already';
  }
  if (response.status === 403) return 'forbidden';
  return 'failed';
}
