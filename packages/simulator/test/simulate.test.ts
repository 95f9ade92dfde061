import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ServiceName } from '@enforcement/contracts';
import { hashApiKey } from '@enforcement/service-kit';
import { eventually, type ServiceProcess, startServiceProcess, type TestScope } from '@enforcement/testkit';
import { useTestScope } from '@enforcement/testkit/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allScopesOf,
  generatePlan,
  type PlannedRequest,
  runPlan,
  type SimulatorPrincipal,
  type SimulatorPrincipalName,
  simulatorPrincipalNames,
  simulatorPrincipals,
} from '../src/index.ts';

/*
 * The three services run as their own processes from their `main.ts`, as operators and `npm start`
 * run them: real MongoDB databases (one each) and one broker, so events flow from case intake and
 * customs goods to oversight, whose sweep runs every second here.
 */

const require = createRequire(import.meta.url);
const mainOf = (workspace: string) =>
  join(dirname(require.resolve(`${workspace}/package.json`)), 'src', 'main.ts');

const rawKey = (name: string) => `sim-test-${name}-0123456789abcdef`;
const keys = Object.fromEntries(simulatorPrincipalNames.map((name) => [name, rawKey(name)])) as Record<
  SimulatorPrincipalName,
  string
>;
const keyRecords = Object.entries(simulatorPrincipals).map(
  ([name, principal]: [string, SimulatorPrincipal]) => ({
    keyId: name,
    sha256: hashApiKey(rawKey(name)),
    agency: principal.agency,
    ...(principal.province === undefined ? {} : { province: principal.province }),
    scopes: allScopesOf(principal),
  }),
);

const SEED = 11;
const DURATION_S = 10;
const planOptions = {
  rate: 8,
  stepDelayMs: [300, 900],
  deadlineInMs: [1500, 4000],
  mix: { case: 40, lot: 25, meeting: 6, read: 25, invalid: 3 },
} as const;

let scope: TestScope;
const services: ServiceProcess[] = [];
const targets = {} as Record<ServiceName, string>;
const databases = ['case_intake', 'customs_goods', 'oversight'];

beforeAll(async () => {
  scope = await useTestScope('simulator');
  const shared = {
    MONGO_URL: scope.mongoUrl,
    AMQP_URL: scope.amqpUrl,
    API_KEYS: JSON.stringify(keyRecords),
    PORT: '0',
    HOST: '127.0.0.1',
    RATE_LIMIT_MAX: '100000',
  };
  const definitions: [ServiceName, string, Record<string, string>][] = [
    ['case-intake', '@enforcement/case-intake', { MONGO_DB: `${scope.dbName}_case_intake` }],
    [
      'customs-goods',
      '@enforcement/customs-goods',
      { MONGO_DB: `${scope.dbName}_customs_goods`, CASE_EVENTS_QUEUE: scope.name('case-events') },
    ],
    [
      'oversight-notifications',
      '@enforcement/oversight-notifications',
      {
        MONGO_DB: `${scope.dbName}_oversight`,
        WATCHED_EVENTS_QUEUE: scope.name('watched-events'),
        SWEEP_INTERVAL_S: '1',
        STATS_MAX_AGE_S: '0',
      },
    ],
  ];
  await Promise.all(
    definitions.map(async ([service, workspace, env]) => {
      const process = startServiceProcess(mainOf(workspace), { ...shared, ...env });
      services.push(process);
      const address = await process.listening();
      expect(await process.readiness(address)).toBe(200);
      targets[service] = address;
    }),
  );
}, 120_000);

afterAll(async () => {
  await Promise.all(services.map((service) => service.stop()));
  const client = await scope.mongoClient();
  for (const database of databases) await client.db(`${scope.dbName}_${database}`).dropDatabase();
  await scope.cleanup();
}, 60_000);

function planned(count: number): PlannedRequest[] {
  const requests: PlannedRequest[] = [];
  for (const request of generatePlan(SEED, planOptions)) {
    if (requests.push(request) === count) break;
  }
  return requests;
}

describe('npm run simulate against the three services', () => {
  it('gets every request accepted but the deliberately invalid ones, and a fuel case reaches the oversight feed', async () => {
    const fuelCase = planned((DURATION_S * planOptions.rate) / 2).find(
      (request) =>
        request.route === 'POST /v1/cases' && (request.body as { category: string }).category === 'fuel',
    );
    expect(fuelCase, 'the plan registers a fuel case in its first half').toBeDefined();
    const province = (fuelCase?.body as { province: string } | undefined)?.province;

    const summary = await runPlan(generatePlan(SEED, planOptions), {
      targets,
      keys,
      duration: DURATION_S,
      concurrency: 8,
      settleMs: 3000,
    });

    expect(summary.failures).toEqual([]);
    expect(summary.requests).toMatchObject({ failed: 0, skipped: 0, rateLimited: 0 });
    expect(summary.requests.ok).toBeGreaterThan(40);
    const refused = summary.routes.reduce(
      (sum, route) =>
        sum +
        Object.entries(route.byStatus).reduce(
          (n, [status, count]) => n + (status.startsWith('2') ? 0 : count),
          0,
        ),
      0,
    );
    expect(refused).toBe(summary.requests.refusedAsPlanned);
    expect(summary.notifications).not.toHaveProperty('error');

    // The fuel case was registered at case intake; oversight heard of it and raised its alert at once.
    const feed = await eventually(
      async () => {
        const response = await fetch(
          `${targets['oversight-notifications']}/v1/feeds/governorate:${province}?rule=fuel_case_registered`,
          { headers: { authorization: `Bearer ${keys['sim-governorate']}` } },
        );
        return (await response.json()) as { items: { ruleId: string; severity: string; province: string }[] };
      },
      (page) => page.items.length > 0,
      { attempts: 40, intervalMs: 250 },
    );
    expect(feed.items[0]).toMatchObject({ ruleId: 'fuel_case_registered', severity: 'high', province });
  }, 90_000);
});
