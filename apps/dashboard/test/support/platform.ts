import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DemoPrincipal, type RunningStack, startStack } from '@enforcement/stack';
import {
  aFuelCaseRegistration,
  aLotRegistration,
  registerCaseBodyOf,
  type TestScope,
} from '@enforcement/testkit';
import { useTestScope } from '@enforcement/testkit/vitest';
import { expect } from 'vitest';

/**
 * The real platform for the browser test, as `npm start` runs it: packages/stack's three services and
 * its dashboard server as processes (the dashboard on the stack's HQ key, whose national feed gets
 * new fuel cases), on a database and vhost of the test's own, with the keys the test acts with.
 */

const POLICE = 'dashboard-test-police';
const CUSTOMS = 'dashboard-test-customs';

/** The HQ's view without the right to acknowledge. */
export const READ_ONLY_DASHBOARD = 'dashboard-test-read-only';

const principals: Record<string, DemoPrincipal> = {
  [READ_ONLY_DASHBOARD]: {
    agency: 'anti_smuggling_hq',
    scopes: ['notifications:read', 'stats:read', 'lots:read', 'cases:read'],
    purpose: 'dashboard test: a key that may not acknowledge',
  },
  [POLICE]: { agency: 'police', province: 'khuzestan', scopes: ['cases:write'], purpose: 'dashboard test' },
  [CUSTOMS]: {
    agency: 'customs',
    province: 'khuzestan',
    scopes: ['lots:write', 'lots:read'],
    purpose: 'dashboard test',
  },
};

/** Reports are recomputed on every request, so a reload shows what was just posted. */
const FRESH_REPORTS = { STATS_MAX_AGE_S: '0', DWELL_REPORT_MAX_AGE_S: '0', CASE_STATS_MAX_AGE_S: '0' };

export interface Platform {
  /** Base URL of a service or of the dashboard (`dashboard`). */
  urlOf(service: string): string;
  keyOf(keyId: string): string;
  log(): string;
  /** Posts a Khuzestan fuel case as the police; returns its id. */
  postFuelCase(): Promise<string>;
  /** Registers a lot at `officeId` worth `valueRials` and warehouses it `daysAgo` days ago. */
  holdLot(officeId: string, valueRials: string, daysAgo: number): Promise<string>;
  stop(): Promise<void>;
}

async function call(url: string, key: string, body: unknown, expected: number) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBe(expected);
  return (await response.json()) as { id: string };
}

export async function startPlatform(): Promise<Platform> {
  const scope: TestScope = await useTestScope('dashboard-browser');
  const dataDir = await mkdtemp(join(tmpdir(), 'dashboard-browser-'));
  let log = '';
  let stack: RunningStack | undefined;
  try {
    stack = await startStack({
      dataDir,
      portBase: 0,
      dbPrefix: `${scope.dbName.replace(/[^a-z0-9_]/g, '_')}_`,
      extraToolPrincipals: principals,
      out: (line) => {
        log += `${line}\n`;
      },
      color: false,
      env: { ...process.env, MONGO_URL: scope.mongoUrl, AMQP_URL: scope.amqpUrl },
      serviceVariables: FRESH_REPORTS,
    });
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    await scope.cleanup();
    throw new Error(`the stack did not start: ${String(error)}\n${log.slice(-4000)}`);
  }
  const running = stack;
  const urlOf = (name: string) => {
    const url = running.services.find((service) => service.name === name)?.url;
    if (url === undefined) throw new Error(`${name} is not running`);
    return url;
  };
  const keyOf = (keyId: string) => {
    const key = running.keys.tools[keyId];
    if (key === undefined) throw new Error(`no key ${keyId}`);
    return key;
  };
  return {
    urlOf,
    keyOf,
    log: () => log,
    async postFuelCase() {
      const fuel = aFuelCaseRegistration({
        province: 'khuzestan',
        handlingAuthority: 'prosecutor',
        discoveringAgency: 'police',
      });
      const body = registerCaseBodyOf(fuel, 'اسکله غیررسمی خورموسی');
      return (await call(`${urlOf('case-intake')}/v1/cases`, keyOf(POLICE), body, 201)).id;
    },
    async holdLot(officeId, valueRials, daysAgo) {
      const { lotId: _id, province: _province, ...lot } = aLotRegistration();
      const arrivedAt = new Date(Date.now() - (daysAgo + 1) * 86_400_000).toISOString();
      const base = `${urlOf('customs-goods')}/v1/lots`;
      const { id } = await call(base, keyOf(CUSTOMS), { ...lot, officeId, valueRials, arrivedAt }, 201);
      const heldAt = new Date(Date.now() - daysAgo * 86_400_000).toISOString();
      await call(`${base}/${id}/transitions`, keyOf(CUSTOMS), { to: 'held', at: heldAt }, 200);
      return id;
    },
    async stop() {
      await running.stop();
      await rm(dataDir, { recursive: true, force: true });
      await scope.cleanup();
    },
  };
}
