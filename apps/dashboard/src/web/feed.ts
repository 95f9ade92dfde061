import type { FeedNotification, PrincipalView } from '@enforcement/contracts';
import { acknowledge, fetchFeedPage, streamUrl } from './api.ts';
import { nudgeStats } from './charts/stats.ts';
import { byId, el } from './dom.ts';
import { formatDate, formatNumber, lang, ruleName, t } from './i18n.ts';
import { audienceName, placeName } from './names.ts';

const MAX_PAGES = 25;
const MAX_SHOWN = 300;
const RECONNECT_MS = 3000;
const FRESH_MS = 2000;

export type FeedStatus = 'connecting' | 'live' | 'reconnecting' | 'loadFailed';

const feed = {
  audience: 'inspection',
  items: new Map<string, FeedNotification>(),
  fresh: new Set<string>(),
  /** Outcomes of this page's own acknowledgements that the notification does not show yet. */
  ackState: new Map<string, 'acknowledged' | 'ackFailed'>(),
  /** False when the key lacks notifications:acknowledge (known from its principal, or from a 403). */
  mayAcknowledge: true,
  /** The key's agency and province limit, when oversight told the server. */
  owner: undefined as { agency: string; province: string | null } | undefined,
  lastEventId: undefined as string | undefined,
  source: undefined as EventSource | undefined,
  generation: 0,
  status: 'connecting' as FeedStatus,
};

export const currentAudience = () => feed.audience;

export function setStatus(status: FeedStatus) {
  feed.status = status;
  const node = byId('feed-status');
  node.dataset.state = status;
  node.textContent = t(status);
}

export const renderStatus = () => setStatus(feed.status);

function filterQuery(): URLSearchParams {
  const query = new URLSearchParams();
  for (const name of ['severity', 'rule', 'province'] as const) {
    const value = byId<HTMLSelectElement>(`filter-${name}`).value;
    if (value !== '') query.set(name, value);
  }
  return query;
}

/** What the server learnt about its key: the buttons follow its scopes, "ours" its agency. */
export function usePrincipal(principal: PrincipalView | null) {
  if (principal === null) return;
  feed.mayAcknowledge = principal.scopes.includes('notifications:acknowledge');
  feed.owner = { agency: principal.agency, province: principal.province };
}

/**
 * Whether this dashboard's agency acknowledged `n` (acknowledgements are per agency and province).
 * Without the key's principal, the feed's owner stands in: a feed `agency:province` (or a national
 * `agency`) is read by that agency's key.
 */
function acknowledgedByUs(n: FeedNotification): boolean {
  const [audienceAgency, audienceProvince = null] = feed.audience.split(':');
  const { agency, province } = feed.owner ?? { agency: audienceAgency, province: audienceProvince };
  return n.acknowledgements.some((ack) => ack.agency === agency && ack.province === province);
}

async function onAcknowledge(n: FeedNotification, button: HTMLButtonElement) {
  button.disabled = true;
  const outcome = await acknowledge(n.id);
  if (outcome === 'forbidden') feed.mayAcknowledge = false;
  else if (outcome === 'failed') feed.ackState.set(n.id, 'ackFailed');
  else if (outcome !== 'closed') feed.ackState.set(n.id, 'acknowledged');
  renderFeed();
}

function ackControl(n: FeedNotification): HTMLElement | null {
  if (n.state !== 'open') return el('span', {}, t('resolved'));
  const done = feed.ackState.get(n.id);
  if (done === 'acknowledged' || acknowledgedByUs(n)) {
    return el('span', { class: 'acked' }, `✓ ${t('acknowledged')}`);
  }
  if (!feed.mayAcknowledge) return null;
  const button = el(
    'button',
    { type: 'button', 'aria-label': t('acknowledgeLabel', { title: n.title[lang()] }) },
    t('acknowledge'),
  );
  button.addEventListener('click', () => void onAcknowledge(n, button));
  return el('span', {}, button, done === 'ackFailed' ? ` ${t('ackFailed')}` : null);
}

function renderItem(n: FeedNotification): HTMLLIElement {
  const acks = n.acknowledgements.map(
    (ack) =>
      `${audienceName(ack.province === null ? ack.agency : `${ack.agency}:${ack.province}`)} (${formatDate(ack.at)})`,
  );
  return el(
    'li',
    {
      'data-severity': n.severity,
      'data-id': n.id,
      'data-rule': n.ruleId,
      'data-subject': n.subject.id,
      'data-state': n.state,
      class: feed.fresh.has(n.id) ? 'fresh' : '',
    },
    el('h3', {}, n.title[lang()]),
    el('p', {}, n.text[lang()]),
    el(
      'div',
      { class: 'meta' },
      el('span', { class: `badge ${n.severity}` }, t(n.severity)),
      el('span', {}, ruleName(n.ruleId)),
      el('span', {}, placeName(n.province)),
      el('span', { class: n.level > 0 ? 'level' : '' }, `${t('level')}: ${formatNumber(n.level)}`),
      el('span', {}, `${t('raised')}: `, el('time', { datetime: n.raisedAt }, formatDate(n.raisedAt))),
      el('span', {}, `${t('due')}: `, el('time', { datetime: n.dueAt }, formatDate(n.dueAt))),
      acks.length > 0 ? el('span', {}, `✓ ${acks.join('، ')}`) : null,
      ackControl(n),
    ),
  );
}

/** The newest notifications first, the open count, and why there are no buttons when there are none. */
export function renderFeed() {
  const items = [...feed.items.values()].sort((a, b) => b.seq - a.seq);
  const open = items.filter((n) => n.state === 'open').length;
  const counts = t('openCount', { open: formatNumber(open) });
  byId('feed-counts').textContent = feed.mayAcknowledge ? counts : `${counts} — ${t('ackForbidden')}`;
  const list = byId('feed');
  if (items.length === 0) list.replaceChildren(el('li', { class: 'empty' }, t('empty')));
  else list.replaceChildren(...items.slice(0, MAX_SHOWN).map(renderItem));
}

function upsert(n: FeedNotification, fresh: boolean) {
  feed.items.set(n.id, n);
  feed.ackState.delete(n.id);
  if (fresh) {
    feed.fresh.add(n.id);
    setTimeout(() => feed.fresh.delete(n.id), FRESH_MS);
  }
}

/** Opens the live stream after `after`; reconnects by itself, and after a refused stream from the last id. */
function openStream(generation: number, after: string | undefined) {
  const query = filterQuery();
  if (after !== undefined) query.set('after', after);
  const source = new EventSource(streamUrl(feed.audience, query));
  feed.source = source;
  source.onopen = () => setStatus('live');
  source.addEventListener('notification', (event) => {
    if (generation !== feed.generation) return;
    if (event.lastEventId !== '') feed.lastEventId = event.lastEventId;
    upsert(JSON.parse(event.data) as FeedNotification, true);
    renderFeed();
    nudgeStats();
  });
  source.onerror = () => {
    if (generation !== feed.generation) return;
    setStatus('reconnecting');
    // The browser retries with Last-Event-ID by itself unless the answer was an error status.
    if (source.readyState === EventSource.CLOSED) {
      setTimeout(() => {
        if (generation === feed.generation) openStream(generation, feed.lastEventId ?? after);
      }, RECONNECT_MS);
    }
  };
}

/**
 * Shows `audience`'s feed: first its open notifications over HTTP, page by page, then the stream
 * from where the pages ended, so nothing falls between the two.
 */
export async function loadFeed(audience: string) {
  const generation = ++feed.generation;
  feed.audience = audience;
  feed.source?.close();
  feed.items.clear();
  feed.lastEventId = undefined;
  setStatus('connecting');
  renderFeed();
  let after: string | undefined;
  try {
    for (let page = 0; page < MAX_PAGES; page++) {
      const query = filterQuery();
      query.set('state', 'open');
      query.set('limit', '200');
      if (after !== undefined) query.set('after', after);
      const result = await fetchFeedPage(audience, query);
      if (generation !== feed.generation) return;
      for (const n of result.items) upsert(n, false);
      after = result.nextCursor;
      if (result.upToDate) break;
    }
  } catch (error) {
    console.warn('the feed could not be loaded', error);
    if (generation === feed.generation) setStatus('loadFailed');
    return;
  }
  renderFeed();
  feed.lastEventId = after;
  openStream(generation, after);
}
