import { knownOversightRuleIds, severities } from '@enforcement/contracts/vocab';
import { fetchConfig } from './api.ts';
import { renderCharts, startStats } from './charts/stats.ts';
import { byId, el } from './dom.ts';
import { currentAudience, loadFeed, renderFeed, renderStatus, usePrincipal } from './feed.ts';
import { type Lang, lang, type MessageKey, ruleName, setLang, t } from './i18n.ts';
import { audienceName, placeName, provinceCodes } from './names.ts';

const LANG_KEY = 'dashboard.lang';

let audiences = ['inspection'];

function fillSelect(select: HTMLSelectElement, options: [string, string][], selected = select.value) {
  select.replaceChildren(...options.map(([value, label]) => el('option', { value }, label)));
  if (options.some(([value]) => value === selected)) select.value = selected;
}

const withAll = (options: [string, string][]): [string, string][] => [['', t('all')], ...options];

/** Every fixed text, the selectors and the language button, in the current language. */
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
    audiences.map((audience) => [audience, audienceName(audience)]),
    currentAudience(),
  );
  fillSelect(byId('filter-severity'), withAll(severities.map((severity) => [severity, t(severity)])));
  fillSelect(byId('filter-rule'), withAll(knownOversightRuleIds.map((rule) => [rule, ruleName(rule)])));
  fillSelect(byId('filter-province'), withAll(provinceCodes.map((code) => [code, placeName(code)])));
  renderStatus();
}

function switchLanguage(next: Lang) {
  setLang(next);
  localStorage.setItem(LANG_KEY, next);
  renderControls();
  renderFeed();
  renderCharts();
}

async function main() {
  setLang(localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'fa');
  try {
    const config = await fetchConfig();
    audiences = config.audiences;
    usePrincipal(config.principal);
  } catch (error) {
    console.warn('the dashboard configuration could not be loaded; showing the inspection feed', error);
  }
  const first = audiences[0] ?? 'inspection';
  void loadFeed(first);
  renderControls();
  byId('lang-toggle').addEventListener('click', () => switchLanguage(lang() === 'fa' ? 'en' : 'fa'));
  byId<HTMLSelectElement>('audience').addEventListener('change', (event) => {
    void loadFeed((event.target as HTMLSelectElement).value);
  });
  byId('filters').addEventListener('change', () => void loadFeed(currentAudience()));
  byId('filters').addEventListener('submit', (event) => event.preventDefault());
  startStats();
}

void main();
