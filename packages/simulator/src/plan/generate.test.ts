import {
  addCaseNoteBodySchema,
  canTransitionCase,
  canTransitionLot,
  caseListQuerySchema,
  caseTransitionBodySchema,
  completeResolutionBodySchema,
  createMeetingBodySchema,
  createResolutionBodySchema,
  createWorkgroupBodySchema,
  deployOfficerBodySchema,
  dwellStatsQuerySchema,
  executionUnitListQuerySchema,
  extendAbandonmentBodySchema,
  feedPageQuerySchema,
  feedParamsSchema,
  lotListQuerySchema,
  lotTransitionBodySchema,
  oversightOverviewQuerySchema,
  recordArrivalBodySchema,
  registerCaseBodySchema,
  registerExecutionUnitBodySchema,
  registerLotBodySchema,
  reportProgressBodySchema,
  resolutionListQuerySchema,
  transitListQuerySchema,
} from '@enforcement/contracts';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { type SimulatorPrincipal, simulatorPrincipals } from '../principals.ts';
import { generatePlan } from './generate.ts';
import { DAY, resolveRequest } from './templates.ts';
import type { PlannedRequest, PlanOptions } from './types.ts';

const STEPS = 5000;

function first(seed: number, count = STEPS, options: PlanOptions = {}): PlannedRequest[] {
  const requests: PlannedRequest[] = [];
  for (const request of generatePlan(seed, options)) {
    requests.push(request);
    if (requests.length === count) break;
  }
  return requests;
}

/** What identifies a request on the wire, before ids and instants are filled in. */
const wire = (r: PlannedRequest) => ({ method: r.method, path: r.path, body: r.body, key: r.idempotencyKey });

/** The request schema of every route the simulator uses: a route without one here fails the test. */
const bodySchemas: Record<string, z.ZodType> = {
  'POST /v1/cases': registerCaseBodySchema,
  'POST /v1/cases/:id/transitions': caseTransitionBodySchema,
  'POST /v1/cases/:id/notes': addCaseNoteBodySchema,
  'POST /v1/units': registerExecutionUnitBodySchema,
  'POST /v1/units/:id/deployments': deployOfficerBodySchema,
  'POST /v1/lots': registerLotBodySchema,
  'POST /v1/lots/:id/transitions': lotTransitionBodySchema,
  'POST /v1/lots/:id/abandonment-extension': extendAbandonmentBodySchema,
  'POST /v1/transits/:id/arrival': recordArrivalBodySchema,
  'POST /v1/workgroups': createWorkgroupBodySchema,
  'POST /v1/workgroups/:id/meetings': createMeetingBodySchema,
  'POST /v1/meetings/:id/resolutions': createResolutionBodySchema,
  'POST /v1/resolutions/:id/progress': reportProgressBodySchema,
  'POST /v1/resolutions/:id/completion': completeResolutionBodySchema,
};

const querySchemas: Record<string, z.ZodType | null> = {
  'GET /v1/cases': caseListQuerySchema,
  'GET /v1/cases/:id': null,
  'GET /v1/lots': lotListQuerySchema,
  'GET /v1/lots/:id': null,
  'GET /v1/transits': transitListQuerySchema,
  'GET /v1/stats/dwell': dwellStatsQuerySchema,
  'GET /v1/units': executionUnitListQuerySchema,
  'GET /v1/feeds/:audience': feedPageQuerySchema,
  'GET /v1/resolutions': resolutionListQuerySchema,
  'GET /v1/stats/overview': oversightOverviewQuerySchema,
};

const T0 = Date.parse('2025-10-05T08:30:00.000Z');

/** Resolved as if every request were sent at its planned time and each entity's id were its handle. */
function resolved(request: PlannedRequest) {
  return resolveRequest(request, { now: T0 + request.at, idOf: (handle) => handle });
}

const plan = first(7);

describe('generatePlan', () => {
  it('plans the same requests for the same seed: method, path, body, idempotency key, dependencies', () => {
    expect(first(7)).toEqual(plan);
    expect(first(7).map(wire)).toEqual(plan.map(wire));
  });

  it('plans other requests for another seed', () => {
    const other = first(8, 500).map(wire);
    expect(other).not.toEqual(plan.slice(0, 500).map(wire));
    expect(new Set(other.map((r) => r.key)).has(plan[10]?.idempotencyKey)).toBe(false);
  });

  it('spaces requests 1000/rate ms apart and numbers them from 0', () => {
    const fast = first(7, 100, { rate: 50 });
    fast.forEach((request, index) => {
      expect(request.seq).toBe(index);
      expect(request.at).toBeCloseTo(index * 20, 6);
    });
  });

  it('gives every POST its own idempotency key, derived from the seed and position, and no GET one', () => {
    const posts = plan.filter((r) => r.method === 'POST');
    expect(new Set(posts.map((r) => r.idempotencyKey)).size).toBe(posts.length);
    for (const post of posts) expect(post.idempotencyKey).toBe(`sim-7-${post.seq}`);
    expect(plan.filter((r) => r.method === 'GET' && r.idempotencyKey !== undefined)).toEqual([]);
  });

  it('makes requests depend only on earlier ones, and refer only to entities created earlier', () => {
    const created = new Map<string, number>();
    for (const request of plan) {
      for (const dependency of request.dependsOn) expect(dependency).toBeLessThan(request.seq);
      const text = `${request.path} ${JSON.stringify(request.body ?? {})}`;
      for (const [, inPath, inBody] of text.matchAll(/\{([^{}"]+)\}|"\$ref":"([^"]+)"/g)) {
        const handle = inPath ?? inBody ?? '';
        expect(created.has(handle), `${request.story} uses ${handle}`).toBe(true);
      }
      if (request.creates) created.set(request.creates.handle, request.seq);
    }
  });

  it('sends every body and query as the contracts define them (catches drift from the APIs)', () => {
    const routes = new Set<string>();
    for (const request of plan) {
      routes.add(request.route);
      const { path, body } = resolved(request);
      if (request.method === 'POST') {
        const schema = bodySchemas[request.route];
        expect(schema, `no request schema known for ${request.route}`).toBeDefined();
        const parsed = schema?.safeParse(body);
        if (request.refusal?.statuses.includes(400)) {
          expect(parsed?.success, `${request.step} should be refused`).toBe(false);
        } else {
          expect(parsed?.error, `${request.story}: ${request.step}`).toBeUndefined();
        }
      } else {
        expect(request.route in querySchemas, `no query schema known for ${request.route}`).toBe(true);
        const url = new URL(path, 'http://simulator.test');
        const parsed = querySchemas[request.route]?.safeParse(Object.fromEntries(url.searchParams));
        expect(parsed?.error, request.step).toBeUndefined();
        if (request.route === 'GET /v1/feeds/:audience') {
          expect(feedParamsSchema.safeParse({ audience: url.pathname.split('/')[3] }).success).toBe(true);
        }
      }
    }
    // The run exercises every route it knows.
    expect([...routes].sort()).toEqual([...Object.keys(bodySchemas), ...Object.keys(querySchemas)].sort());
  });

  it('uses only keys that have the scopes of the routes they call', () => {
    const needs: Record<string, string> = {
      'POST /v1/cases': 'cases:write',
      'POST /v1/cases/:id/transitions': 'cases:write',
      'POST /v1/cases/:id/notes': 'cases:write',
      'GET /v1/cases': 'cases:read',
      'GET /v1/cases/:id': 'cases:read',
      'POST /v1/units': 'units:write',
      'POST /v1/units/:id/deployments': 'units:write',
      'GET /v1/units': 'units:read',
      'POST /v1/lots': 'lots:write',
      'POST /v1/lots/:id/transitions': 'lots:write',
      'POST /v1/lots/:id/abandonment-extension': 'lots:write',
      'POST /v1/transits/:id/arrival': 'lots:write',
      'GET /v1/lots': 'lots:read',
      'GET /v1/lots/:id': 'lots:read',
      'GET /v1/transits': 'lots:read',
      'GET /v1/stats/dwell': 'lots:read',
      'POST /v1/workgroups': 'workgroups:manage',
      'POST /v1/workgroups/:id/meetings': 'workgroups:manage',
      'POST /v1/meetings/:id/resolutions': 'workgroups:manage',
      'POST /v1/resolutions/:id/completion': 'workgroups:manage',
      'POST /v1/resolutions/:id/progress': 'resolutions:report',
      'GET /v1/resolutions': 'workgroups:read',
      'GET /v1/feeds/:audience': 'notifications:read',
      'GET /v1/stats/overview': 'stats:read',
    };
    for (const request of plan) {
      const principal: SimulatorPrincipal = simulatorPrincipals[request.principal];
      const scopes = principal.scopes[request.service] ?? [];
      expect(scopes, `${request.principal} on ${request.route}`).toContain(needs[request.route]);
    }
  });

  it('moves cases and lots only along their lifecycles, with step times the services accept', () => {
    const cases = new Map<string, { status: string; discoveredAt: number; outcome?: string }>();
    const lots = new Map<
      string,
      { status: string; last: number; heldSince?: number; unit: string; officeId: string }
    >();
    const transits = new Map<string, string>();
    const meetings = new Map<string, number>();
    const skew = 5 * 60_000;
    for (const request of plan) {
      if (request.refusal !== undefined) continue;
      const now = T0 + request.at;
      const { path, body } = resolved(request);
      const b = body as Record<string, unknown>;
      const target = path.split('/')[3] ?? '';
      const instant = (value: unknown) => (typeof value === 'string' ? Date.parse(value) : now);
      switch (request.route) {
        case 'POST /v1/cases':
          expect(instant(b.discoveredAt)).toBeLessThanOrEqual(now + skew);
          cases.set(request.creates?.handle ?? '', {
            status: 'registered',
            discoveredAt: instant(b.discoveredAt),
          });
          break;
        case 'POST /v1/cases/:id/transitions': {
          const kase = cases.get(target);
          if (kase === undefined) throw new Error(`unknown case ${target}`);
          expect(
            canTransitionCase(kase.status as never, b.to as never),
            `${request.story}: ${kase.status} -> ${String(b.to)}`,
          ).toBe(true);
          const at = instant(b.assignedAt ?? b.issuedAt ?? b.startedAt ?? b.seizedAt ?? b.closedAt);
          expect(at).toBeGreaterThanOrEqual(kase.discoveredAt);
          expect(at).toBeLessThanOrEqual(now + skew);
          if (b.to === 'verdict_issued') {
            kase.outcome = String(b.outcome);
            if (b.outcome !== 'convicted') expect(b.fineRials).toBe('0');
          }
          if (b.to === 'in_execution') expect(kase.outcome).toBe('convicted');
          if (b.to === 'closed') {
            const reason = {
              registered: 'dismissed',
              under_investigation: 'dismissed',
              verdict_issued: kase.outcome === 'convicted' ? 'nothing_to_collect' : kase.outcome,
              in_execution: 'fine_paid_in_full',
              assets_seized: 'assets_seized',
            }[kase.status];
            expect(b.reason, request.story).toBe(reason);
          }
          kase.status = String(b.to);
          break;
        }
        case 'POST /v1/lots': {
          const quantity = b.quantity as { unit: string };
          expect(instant(b.arrivedAt)).toBeLessThanOrEqual(now + skew);
          lots.set(request.creates?.handle ?? '', {
            status: 'arrived',
            last: instant(b.arrivedAt),
            unit: quantity.unit,
            officeId: String(b.officeId),
          });
          break;
        }
        case 'POST /v1/lots/:id/transitions': {
          const lot = lots.get(target);
          if (lot === undefined) throw new Error(`unknown lot ${target}`);
          expect(
            canTransitionLot(lot.status as never, b.to as never),
            `${request.story}: ${lot.status} -> ${String(b.to)}`,
          ).toBe(true);
          const at = instant(b.at);
          expect(at, `${request.story}: ${String(b.to)} before the last change`).toBeGreaterThanOrEqual(
            lot.last,
          );
          expect(at).toBeLessThanOrEqual(now + skew);
          if (b.to === 'held') lot.heldSince ??= at;
          // Three Solar Hijri months are at most 93 days.
          if (b.to === 'abandoned') expect(at - (lot.heldSince ?? now)).toBeGreaterThanOrEqual(93 * DAY);
          const transit = b.transit as
            | { destinationOfficeId: string; quantity: { unit: string }; expectedArrivalAt: string }
            | undefined;
          if (transit !== undefined) {
            expect(transit.destinationOfficeId).not.toBe(lot.officeId);
            expect(transit.quantity.unit).toBe(lot.unit);
            expect(Date.parse(transit.expectedArrivalAt)).toBeGreaterThan(at);
            transits.set(request.creates?.handle ?? '', lot.unit);
          }
          lot.status = String(b.to);
          lot.last = at;
          break;
        }
        case 'POST /v1/transits/:id/arrival':
          expect((b.quantity as { unit: string }).unit).toBe(transits.get(target));
          break;
        case 'POST /v1/workgroups/:id/meetings':
          expect(instant(b.heldAt)).toBeLessThanOrEqual(now);
          meetings.set(request.creates?.handle ?? '', instant(b.heldAt));
          break;
        case 'POST /v1/meetings/:id/resolutions':
          expect(instant(b.dueAt)).toBeGreaterThan(meetings.get(target) ?? Number.POSITIVE_INFINITY);
          break;
      }
    }
    expect(cases.size).toBeGreaterThan(100);
    expect(lots.size).toBeGreaterThan(100);
  });

  it('mixes what the run is meant to show: fuel cases, acquittals, seizures and cases never seized', () => {
    const steps = plan.map((r) => r.step).join('\n');
    for (const expected of [
      'register a fuel case',
      'register a currency case',
      'verdict: acquitted',
      'seize assets',
      '(neverSeized)',
      'arrival, another quantity',
      '(abandoned)',
      'completed by the chair (late)',
      '(neverDone)',
      'a mistyped national ID',
    ]) {
      expect(steps).toContain(expected);
    }
    const provinces = new Set(
      plan.filter((r) => r.route === 'POST /v1/cases').map((r) => (r.body as { province: string }).province),
    );
    expect(provinces.size).toBeGreaterThan(20);
  });

  it('keeps to the provinces it is given', () => {
    const onlyKhuzestan = first(3, 1000, { provinces: ['khuzestan'] });
    for (const request of onlyKhuzestan.filter((r) => r.route === 'POST /v1/cases')) {
      expect((request.body as { province: string }).province).toBe('khuzestan');
    }
  });

  it('refuses options it cannot plan with, naming them', () => {
    expect(() => generatePlan(-1)).toThrow(/seed/);
    expect(() => generatePlan(1, { rate: 0 })).toThrow(/rate/);
    expect(() => generatePlan(1, { stepDelayMs: [5, 1] })).toThrow(/stepDelayMs/);
    expect(() => generatePlan(1, { provinces: ['atlantis'] })).toThrow(/atlantis/);
    expect(() => generatePlan(1, { mix: { case: 0, lot: 0, meeting: 0, read: 0, invalid: 0 } })).toThrow(
      /mix/,
    );
  });
});
