import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type RunningStack, startStack } from '@enforcement/stack';
import { aFuelCaseRegistration, type TestScope } from '@enforcement/testkit';
import { useTestScope } from '@enforcement/testkit/vitest';
import type { FastifyInstance } from 'fastify';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';

/*
 * The dashboard in a real browser against the real platform: packages/stack's services, the dashboard
 * server in front of them, Debian's chromium driven by playwright-core. No part is mocked.
 */

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const STATIC_DIR = resolve(import.meta.dirname, '../dist/web');
const ARTIFACTS = resolve(import.meta.dirname, '../test-artifacts');

// Fuel cases are raised to the handler, the governorate and anti_smuggling_hq (not inspection, whose
// national feed only gets escalations), so the test's dashboard key reads anti_smuggling_hq's feed.
const DASHBOARD = 'dashboard-test-hq';
const POLICE = 'dashboard-test-police';

let scope: TestScope;
let dataDir: string;
let stack: RunningStack | undefined;
let server: FastifyInstance | undefined;
let browser: Browser | undefined;
let base: string;
let stackLog = '';

const urlOf = (name: string) => {
  const url = stack?.services.find((service) => service.name === name)?.url;
  if (url === undefined) throw new Error(`${name} is not running`);
  return url;
};
const keyOf = (keyId: string) => {
  const key = stack?.keys.tools[keyId];
  if (key === undefined) throw new Error(`no key ${keyId}`);
  return key;
};

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `chromium is not installed at ${CHROMIUM}: the browser test needs it (apt-get install -y chromium, or set CHROMIUM_PATH)`,
    );
  }
  if (!existsSync(join(STATIC_DIR, 'index.html'))) {
    throw new Error(`${STATIC_DIR} has no built page: run npm run build -w @enforcement/dashboard first`);
  }
  await mkdir(ARTIFACTS, { recursive: true });
  scope = await useTestScope('dashboard-browser');
  dataDir = await mkdtemp(join(tmpdir(), 'dashboard-browser-'));
  const principal = {
    scopes: ['notifications:read', 'notifications:acknowledge', 'stats:read', 'lots:read', 'cases:read'],
  };
  stack = await startStack({
    dataDir,
    portBase: 0,
    dbPrefix: `${scope.dbName.replace(/[^a-z0-9_]/g, '_')}_`,
    extraToolPrincipals: {
      [DASHBOARD]: { agency: 'anti_smuggling_hq', ...principal, purpose: 'dashboard browser test' },
      [POLICE]: {
        agency: 'police',
        province: 'khuzestan',
        scopes: ['cases:write'],
        purpose: 'dashboard test',
      },
    },
    out: (line) => {
      stackLog += `${line}\n`;
    },
    color: false,
    env: { ...process.env, MONGO_URL: scope.mongoUrl, AMQP_URL: scope.amqpUrl },
  });
  const config = loadConfig({
    PORT: '0',
    OVERSIGHT_URL: urlOf('oversight-notifications'),
    CUSTOMS_GOODS_URL: urlOf('customs-goods'),
    CASE_INTAKE_URL: urlOf('case-intake'),
    DASHBOARD_API_KEY: keyOf(DASHBOARD),
    DASHBOARD_AUDIENCES: 'anti_smuggling_hq',
    DASHBOARD_STATIC_DIR: STATIC_DIR,
  });
  server = await buildApp(config, { logger: false });
  base = await server.listen({ host: '127.0.0.1', port: 0 });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await stack?.stop();
  await rm(dataDir, { recursive: true, force: true });
  await scope?.cleanup();
}, 60_000);

async function postFuelCase(): Promise<string> {
  const {
    caseId: _id,
    registeredAt: _at,
    totalEstimatedValueRials: _total,
    ...registration
  } = aFuelCaseRegistration({
    province: 'khuzestan',
    handlingAuthority: 'prosecutor',
    discoveringAgency: 'police',
  });
  const response = await fetch(`${urlOf('case-intake')}/v1/cases`, {
    method: 'POST',
    headers: { authorization: `Bearer ${keyOf(POLICE)}`, 'content-type': 'application/json' },
    body: JSON.stringify({ ...registration, discoveryPlace: 'اسکله غیررسمی خورموسی' }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, name), fullPage: true });

describe('dashboard in a browser', () => {
  it('shows a fuel case live in Persian, switches to English and acknowledges it', async () => {
    if (browser === undefined) throw new Error('no browser');
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(base);

    const html = page.locator('html');
    await expect.poll(() => html.getAttribute('lang')).toBe('fa');
    expect(await html.getAttribute('dir')).toBe('rtl');
    await page.locator('#feed-status[data-state="live"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('h1').textContent()).toBe('داشبورد نظارت بر مبارزه با قاچاق');
    await page.locator('#scorecard thead th').first().waitFor({ timeout: 30_000 });
    await shot(page, 'dashboard-fa-1280x800-empty.png');

    const caseId = await postFuelCase();
    const item = page.locator(`#feed li[data-subject="${caseId}"]`);
    await item.waitFor({ timeout: 60_000 }).catch((error: unknown) => {
      throw new Error(`the fuel case did not reach the page: ${String(error)}\n${stackLog.slice(-4000)}`);
    });
    expect(await item.getAttribute('data-rule')).toBe('fuel_case_registered');
    const meta = (await item.locator('.meta').textContent()) ?? '';
    expect(meta).toContain('سطح ارجاع: ۰');
    expect(meta).toContain('خوزستان');
    expect(meta).toMatch(/[۰-۹]{4}/); // a Solar Hijri year in Persian digits
    await shot(page, 'dashboard-fa-1280x800-live.png');

    await page.getByRole('button', { name: 'Switch to English' }).click();
    expect(await html.getAttribute('lang')).toBe('en');
    expect(await html.getAttribute('dir')).toBe('ltr');
    expect(await page.locator('h1').textContent()).toBe('Anti-smuggling oversight dashboard');
    expect(await item.locator('.meta').textContent()).toContain('Escalation level: 0');

    await item.getByRole('button', { name: /^Acknowledge notification/ }).click();
    await item.getByText('Acknowledged').waitFor({ timeout: 15_000 });
    const notificationId = await item.getAttribute('data-id');
    const stored = await fetch(`${urlOf('oversight-notifications')}/v1/notifications/${notificationId}`, {
      headers: { authorization: `Bearer ${keyOf(DASHBOARD)}` },
    });
    const body = (await stored.json()) as { acknowledgements: { agency: string }[] };
    expect(body.acknowledgements.map((ack) => ack.agency)).toContain('anti_smuggling_hq');
    await shot(page, 'dashboard-en-1280x800-acknowledged.png');

    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    await phone.goto(base);
    await phone.locator('#feed-status[data-state="live"]').waitFor({ timeout: 30_000 });
    expect(await phone.locator('html').getAttribute('dir')).toBe('rtl');
    const width = await phone.evaluate('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(390);
    await shot(phone, 'dashboard-fa-390x844-phone.png');

    expect(errors).toEqual([]);
  }, 180_000);
});
