import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { type Platform, READ_ONLY_DASHBOARD, startPlatform } from './support/platform.ts';

/*
 * The dashboard in a real browser against the real platform: the stack's services and dashboard
 * server as `npm start` runs them, and Debian's chromium driven by playwright-core. No part is mocked.
 */

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = resolve(import.meta.dirname, '../test-artifacts');
const OFFICE = 'khz_shalamcheh';

let platform: Platform | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `chromium is not installed at ${CHROMIUM}: the browser test needs it (apt-get install -y chromium, or set CHROMIUM_PATH)`,
    );
  }
  await mkdir(ARTIFACTS, { recursive: true });
  platform = await startPlatform();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
}, 60_000);

function running(): { platform: Platform; browser: Browser } {
  if (platform === undefined || browser === undefined) throw new Error('the platform did not start');
  return { platform, browser };
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, name), fullPage: true });

/** Console errors, CSP violations and uncaught exceptions of a page, collected for the last assertion. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  return errors;
}

/**
 * Controls and pictures without an accessible name, read from the browser's accessibility tree
 * (Playwright's ARIA snapshot writes a name in quotes after the role).
 */
async function unnamedControls(page: Page): Promise<string[]> {
  const tree = await page.locator('body').ariaSnapshot();
  return tree
    .split('\n')
    .filter((line) => /^\s*- (button|combobox|img|link|textbox|checkbox)\b(?! ")/.test(line));
}

/** A dashboard server of the test's own (the stack runs one too), on the stack's services. */
function dashboardConfig(platform: Platform, keyId: string) {
  return loadConfig({
    PORT: '0',
    OVERSIGHT_URL: platform.urlOf('oversight-notifications'),
    CUSTOMS_GOODS_URL: platform.urlOf('customs-goods'),
    CASE_INTAKE_URL: platform.urlOf('case-intake'),
    DASHBOARD_API_KEY: platform.keyOf(keyId),
    DASHBOARD_AUDIENCES: 'anti_smuggling_hq',
  });
}

async function openDashboard(page: Page, base: string) {
  await page.goto(base);
  await page.locator('#feed-status[data-state="live"]').waitFor({ timeout: 30_000 });
  await page.locator('#scorecard thead th').first().waitFor({ timeout: 30_000 });
}

describe('dashboard in a browser', () => {
  it('shows a fuel case live in Persian, draws the reports, switches to English and acknowledges', async () => {
    const { platform, browser } = running();
    const base = platform.urlOf('dashboard');
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = watchErrors(page);
    await platform.holdLot(OFFICE, '12500000000000', 120);
    await openDashboard(page, base);

    const html = page.locator('html');
    expect(await html.getAttribute('lang')).toBe('fa');
    expect(await html.getAttribute('dir')).toBe('rtl');
    expect(await page.locator('h1').textContent()).toBe('داشبورد نظارت بر مبارزه با قاچاق');
    expect(await page.evaluate('document.fonts.check("16px Vazirmatn")')).toBe(true);
    expect(await unnamedControls(page)).toEqual([]);

    // Stuck goods: the lot held 120 days, past abandonment, worth 12,500 billion rials.
    const office = page.locator(`#dwell-table tr[data-office="${OFFICE}"]`);
    await office.waitFor({ timeout: 30_000 });
    const officeRow = (await office.locator('td').allTextContents()).join(' | ');
    expect(officeRow).toBe('مرز شلمچه | خوزستان | ۱ | ۱۲۰ | ۱۲۰ | ۱ | ۱۲٬۵۰۰');
    await shot(page, 'dashboard-fa-1280x800-before.png');

    const caseId = await platform.postFuelCase();
    const item = page.locator(`#feed li[data-subject="${caseId}"]`);
    await item.waitFor({ timeout: 60_000 }).catch((error: unknown) => {
      throw new Error(
        `the fuel case did not reach the page: ${String(error)}\n${platform.log().slice(-4000)}`,
      );
    });
    expect(await item.getAttribute('data-rule')).toBe('fuel_case_registered');
    const meta = (await item.locator('.meta').textContent()) ?? '';
    expect(meta).toContain('سطح ارجاع: ۰');
    expect(meta).toContain('خوزستان');
    expect(meta).toMatch(/[۰-۹]{4}/); // a Solar Hijri year in Persian digits
    // The live notification makes the page reload its reports: the case is counted by stage.
    await expect
      .poll(() => page.locator('#chart-cases').getAttribute('aria-label'), { timeout: 30_000 })
      .toBe('پرونده‌ها به تفکیک مرحله: ۱ پرونده، ۰ پرونده باز گذشته از موعد تعیین تکلیف');
    await shot(page, 'dashboard-fa-1280x800-live.png');

    await page.getByRole('button', { name: 'Switch to English' }).click();
    expect(await html.getAttribute('lang')).toBe('en');
    expect(await html.getAttribute('dir')).toBe('ltr');
    expect(await page.locator('h1').textContent()).toBe('Anti-smuggling oversight dashboard');
    expect(await item.locator('.meta').textContent()).toContain('Escalation level: 0');
    expect(await page.locator('#chart-cases').getAttribute('aria-label')).toBe(
      'Cases by lifecycle stage: 1 cases, 0 open past the determination deadline',
    );
    expect((await office.locator('td').allTextContents()).join(' | ')).toBe(
      'Shalamcheh border crossing | Khuzestan | 1 | 120 | 120 | 1 | 12,500',
    );
    expect(await unnamedControls(page)).toEqual([]);

    await item.getByRole('button', { name: /^Acknowledge notification/ }).click();
    await item.getByText('Acknowledged').waitFor({ timeout: 15_000 });
    const notificationId = await item.getAttribute('data-id');
    const stored = await fetch(`${base}/api/oversight/v1/notifications/${notificationId}`);
    const body = (await stored.json()) as { acknowledgements: { agency: string }[] };
    expect(body.acknowledgements.map((ack) => ack.agency)).toEqual(['anti_smuggling_hq']);
    await shot(page, 'dashboard-en-1280x800-acknowledged.png');

    // A reload knows the HQ acknowledged it already: no button, in either language.
    await page.reload();
    await page.locator('#feed-status[data-state="live"]').waitFor({ timeout: 30_000 });
    expect(await html.getAttribute('lang')).toBe('en');
    await item.getByText('Acknowledged').waitFor({ timeout: 15_000 });
    expect(await item.getByRole('button').count()).toBe(0);

    expect(errors).toEqual([]);
  }, 180_000);

  it('resumes the feed after a dropped connection without losing or repeating a notification', async () => {
    const { platform, browser } = running();
    // A dashboard server of the test's own, so the connection can be dropped by stopping it.
    const config = dashboardConfig(platform, 'dashboard');
    let server = await buildApp(config, { logger: false });
    const base = await server.listen({ host: '127.0.0.1', port: 0 });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = watchErrors(page);
    try {
      await openDashboard(page, base);
      const before = await platform.postFuelCase();
      await page.locator(`#feed li[data-subject="${before}"]`).waitFor({ timeout: 60_000 });

      await server.close();
      await page.locator('#feed-status[data-state="reconnecting"]').waitFor({ timeout: 30_000 });
      const missed = [await platform.postFuelCase(), await platform.postFuelCase()];
      server = await buildApp(config, { logger: false });
      await server.listen({ host: '127.0.0.1', port: Number(new URL(base).port) });
      for (const caseId of missed) {
        await page.locator(`#feed li[data-subject="${caseId}"]`).waitFor({ timeout: 60_000 });
      }
      for (const caseId of [before, ...missed]) {
        expect(await page.locator(`#feed li[data-subject="${caseId}"]`).count()).toBe(1);
      }

      // A filter is the feed's own: another rule hides the fuel cases, "all" brings them back.
      await page.getByLabel('قاعده', { exact: true }).selectOption('goods_abandoned');
      await page.locator('#feed-status[data-state="live"]').waitFor({ timeout: 30_000 });
      expect(await page.locator('#feed li[data-rule="fuel_case_registered"]').count()).toBe(0);
      await page.getByLabel('قاعده', { exact: true }).selectOption('');
      await page.locator(`#feed li[data-subject="${missed[1]}"]`).waitFor({ timeout: 30_000 });
      // Chromium logs the cut stream and its refused reconnects (net::ERR_...); nothing else may fail.
      const dropped = (error: string) => error.includes('net::ERR_') && error.includes('/stream?');
      expect(errors.filter((error) => !dropped(error))).toEqual([]);
    } finally {
      await page.close();
      await server.close();
    }
  }, 180_000);

  it('offers no acknowledge button when the key may not acknowledge, and says so', async () => {
    const { platform, browser } = running();
    const server = await buildApp(dashboardConfig(platform, READ_ONLY_DASHBOARD), { logger: false });
    const base = await server.listen({ host: '127.0.0.1', port: 0 });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = watchErrors(page);
    try {
      await openDashboard(page, base);
      const caseId = await platform.postFuelCase();
      const item = page.locator(`#feed li[data-subject="${caseId}"]`);
      await item.waitFor({ timeout: 60_000 });
      expect(await item.getByRole('button').count()).toBe(0);
      expect(await page.locator('#feed-counts').textContent()).toContain(
        'کلید این داشبورد اجازه تأیید ندارد',
      );
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      await server.close();
    }
  }, 120_000);

  it('fits a phone: one column, no horizontal scroll, still Persian and live', async () => {
    const { platform, browser } = running();
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    const errors = watchErrors(phone);
    await openDashboard(phone, platform.urlOf('dashboard'));
    expect(await phone.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    expect(await unnamedControls(phone)).toEqual([]);
    await shot(phone, 'dashboard-fa-390x844-phone.png');
    expect(errors).toEqual([]);
  }, 120_000);
});
