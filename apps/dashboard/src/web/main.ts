import type { FeedNotification } from '@enforcement/contracts';
import { acknowledge, fetchConfig, fetchFeedPage, streamUrl } from './api.ts';
import { renderCharts, startStats } from './charts.ts';
import { byId, el } from './dom.ts';
import { formatDate, formatNumber, type Lang, lang, type MessageKey, ruleName, setLang, t } from './i18n.ts';
import { agencies, provinces, ruleIds } from './vocab.ts';

const SEVERITIES = ['info', 'warning', 'high', 'critical'] as const;
const MAX_PAGES = 25;
const MAX_SHOWN = 300;
const RECONNECT_MS = 3000;

type Status = 'connecting' | 'live' | 'reconnecting' | 'loadFailed';

const state = {
  audiences: ['inspection'],
  audience: 'inspection',
  items: new Map<string, FeedNotification>(),
  fresh: new Set<string>(),
  ackState: new Map<string, 'acknowledged' | 'ackFailed'>(),
  lastEventId: undefined as string | undefined,
  source: undefined as EventSource | undefined,
  generation: 0,
  status: 'connecting' as Status,
};

const placeName = (code: string | null) =>
  code === null ? t('national') : (provinces[code]?.[lang()] ?? code);

function audienceName(audience: string): string {
  const [agency = '', province] = audience.split(':');
  const name = agencies[agency]?.[lang()] ?? agency;
  return province === undefined ? name : `${name} — ${placeName(province)}`;
}

function filterQuery(): URLSearchParams {
  const query = new URLSearchParams();
  for (const name of ['severity', 'rule', 'province'] as const) {
    const value = byId<HTMLSelectElement>(`filter-${name}`).value;
    if (value !== '') query.set(name, value);
  }
  return query;
}

function setStatus(status: Status) {
  state.status = status;
  const node = byId('feed-status');
  node.dataset.state = status;
  node.textContent = t(status);
}

function fillSelect(select: HTMLSelectElement, options: [string, string][]) {
  const selected = select.value;
  select.replaceChildren(...options.map(([value, label]) => el('option', { value }, label)));
  if (options.some(([value]) => value === selected)) select.value = selected;
}

function renderControls() {
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    node.textContent = t(node.dataset.i18n as MessageKey);
  }
  document.title = t('title');
  const toggle = byId<HTMLButtonElement>('lang-toggle');
  toggle.textContent = t('toggle');
  toggle.lang = lang() === 'fa' ? 'en' : 'fa';
  toggle.setAttribute('aria-label', t('toggleLabel'));
  fillSelect(
    byId('audience'),
    state.audiences.map((audience) => [audience, audienceName(audience)]),
  );
  byId<HTMLSelectElement>('audience').value = state.audience;
  fillSelect(byId('filter-severity'), [
    ['', t('all')],
    ...SEVERITIES.map((severity): [string, string] => [severity, t(severity)]),
  ]);
  fillSelect(byId('filter-rule'), [
    ['', t('all')],
    ...ruleIds.map((rule): [string, string] => [rule, ruleName(rule)]),
  ]);
  fillSelect(byId('filter-province'), [
    ['', t('all')],
    ...Object.keys(provinces).map((code): [string, string] => [code, placeName(code)]),
  ]);
  if (state.status !== undefined) setStatus(state.status);
}

function ackControl(n: FeedNotification): HTMLElement | null {
  if (n.state !== 'open') return el('span', {}, t('resolved'));
  const done = state.ackState.get(n.id);
  if (done === 'acknowledged') return el('span', { class: 'acked' }, `✓ ${t('acknowledged')}`);
  const button = el(
    'button',
    { type: 'button', 'aria-label': t('acknowledgeLabel', { title: n.title[lang()] }) },
    t('acknowledge'),
  );
  button.addEventListener('click', async () => {
    button.disabled = true;
    const result = await acknowledge(n.id);
    state.ackState.set(n.id, result === 'failed' ? 'ackFailed' : 'acknowledged');
    renderFeed();
  });
  return el('span', {}, button, done === 'ackFailed' ? ` ${t('ackFailed')}` : null);
}

function renderItem(n: FeedNotification): HTMLLIElement {
  const acks = n.acknowledgements.map((ack) => `${audienceName(ack.agency)} (${formatDate(ack.at)})`);
  return el(
    'li',
    {
      'data-severity': n.severity,
      'data-id': n.id,
      'data-rule': n.ruleId,
      'data-subject': n.subject.id,
      class: state.fresh.has(n.id) ? 'fresh' : '',
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

function renderFeed() {
  const items = [...state.items.values()].sort((a, b) => b.seq - a.seq);
  const open = items.filter((n) => n.state === 'open').length;
  byId('feed-counts').textContent = t('openCount', { open: formatNumber(open) });
  const list = byId('feed');
  if (items.length === 0) list.replaceChildren(el('li', { class: 'empty' }, t('empty')));
  else list.replaceChildren(...items.slice(0, MAX_SHOWN).map(renderItem));
}

function upsert(n: FeedNotification, fresh: boolean) {
  state.items.set(n.id, n);
  if (fresh) {
    state.fresh.add(n.id);
    setTimeout(() => state.fresh.delete(n.id), 2000);
  }
}

/** Opens the live stream after `after`; reconnects by itself, and after a refused stream from the last id. */
function openStream(generation: number, after: string | undefined) {
  const query = filterQuery();
  if (after !== undefined) query.set('after', after);
  const source = new EventSource(streamUrl(state.audience, query));
  state.source = source;
  source.onopen = () => setStatus('live');
  source.addEventListener('notification', (event) => {
    if (generation !== state.generation) return;
    if (event.lastEventId !== '') state.lastEventId = event.lastEventId;
    upsert(JSON.parse(event.data) as FeedNotification, true);
    renderFeed();
  });
  source.onerror = () => {
    if (generation !== state.generation) return;
    setStatus('reconnecting');
    // The browser retries with Last-Event-ID by itself unless the answer was an error status.
    if (source.readyState === EventSource.CLOSED) {
      setTimeout(() => {
        if (generation === state.generation) openStream(generation, state.lastEventId ?? after);
      }, RECONNECT_MS);
    }
  };
}

/** First the open notifications over HTTP, page by page, then the stream from where the pages ended. */
async function loadFeed() {
  const generation = ++state.generation;
  state.source?.close();
  state.items.clear();
  state.lastEventId = undefined;
  setStatus('connecting');
  renderFeed();
  let after: string | undefined;
  try {
    for (let page = 0; page < MAX_PAGES; page++) {
      const query = filterQuery();
      query.set('state', 'open');
      query.set('limit', '200');
      if (after !== undefined) query.set('after', after);
      const result = await fetchFeedPage(state.audience, query);
      if (generation !== state.generation) return;
      for (const n of result.items) upsert(n, false);
      after = result.nextCursor;
      if (result.upToDate) break;
    }
  } catch (error) {
    console.error(error);
    if (generation === state.generation) setStatus('loadFailed');
    return;
  }
  renderFeed();
  state.lastEventId = after;
  openStream(generation, after);
}

function switchLanguage(next: Lang) {
  setLang(next);
  localStorage.setItem('dashboard.lang', next);
  renderControls();
  renderFeed();
  renderCharts();
}

async function main() {
  const saved = localStorage.getItem('dashboard.lang');
  setLang(saved === 'en' ? 'en' : 'fa');
  try {
    state.audiences = (await fetchConfig()).audiences;
  } catch (error) {
    console.error(error);
  }
  state.audience = state.audiences[0] ?? 'inspection';
  renderControls();
  byId('lang-toggle').addEventListener('click', () => switchLanguage(lang() === 'fa' ? 'en' : 'fa'));
  byId<HTMLSelectElement>('audience').addEventListener('change', (event) => {
    state.audience = (event.target as HTMLSelectElement).value;
    void loadFeed();
  });
  byId('filters').addEventListener('change', () => void loadFeed());
  byId('filters').addEventListener('submit', (event) => event.preventDefault());
  void loadFeed();
  startStats();
}

void main();
