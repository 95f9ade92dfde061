import type { HandlingAuthority, ProvinceCode, ServiceName } from '@enforcement/contracts';
import type { SimulatorPrincipalName } from '../principals.ts';
import type { Random } from '../random.ts';
import type { BodyTemplate, IdField } from './types.ts';
import type { SimOffice } from './vocabulary.ts';

/**
 * One step of a story as the story writes it; the plan adds its position, time, idempotency key and
 * dependencies. A story is a generator of steps: it is advanced only when its previous step is
 * placed, so what it asks of the context happens in plan order.
 */
export interface StepSpec {
  /** Time after the story's previous step (after the story's start, for the first step), ms. */
  delayMs: number;
  service: ServiceName;
  principal: SimulatorPrincipalName;
  method: 'GET' | 'POST';
  route: string;
  path: string;
  body?: BodyTemplate;
  creates?: { handle: string; field: IdField };
  refusal?: { statuses: readonly number[]; why: string };
  step: string;
  /**
   * Steps of one chain run in order, each only after the previous one succeeded; the default chain
   * is `main`. `null`: only the entities the step refers to must exist.
   */
  chain?: string | null;
}

export type Story = Generator<StepSpec, void, undefined>;

/** Plan settings after defaults, as stories read them. */
export interface StorySettings {
  stepDelayMs: readonly [number, number];
  deadlineInMs: readonly [number, number];
  provinces: readonly ProvinceCode[];
  provinceWeights: Readonly<Partial<Record<ProvinceCode, number>>>;
  offices: readonly SimOffice[];
}

/** What stories share: settings, randomness of their own, and the entities several stories use. */
export interface StoryContext {
  readonly seed: number;
  readonly settings: StorySettings;
  /** A generator for one named story, independent of everything else drawn in the plan. */
  random(label: string): Random;
  /** A fresh number of a counter (case numbers, lot numbers...), from 1. */
  next(counter: string): number;
  /** Starts another story `afterMs` from now (e.g. the lot holding a case's goods). */
  start(name: string, story: Story, afterMs?: number): void;
  /** The handle of the execution unit of a province and authority; its registration is started the first time. */
  unit(province: ProvinceCode, kind: HandlingAuthority): string;
  /** The handle of a provincial workgroup chaired by `chair`; it is set up the first time. */
  workgroup(province: ProvinceCode, chair: 'prosecutor' | 'governorate'): string;
  /** A handle of an entity of that kind created earlier in the plan, for reads; none yet: undefined. */
  earlier(kind: 'case' | 'lot', rng: Random): string | undefined;
  /** Records a created entity so reads can find it. */
  created(kind: 'case' | 'lot', handle: string): void;
}

/** A delay between two steps of a story, in the plan's compressed time. */
export function stepDelay(ctx: StoryContext, rng: Random, factor = 1): number {
  const [min, max] = ctx.settings.stepDelayMs;
  return Math.round(rng.between(min, max) * factor);
}

/** How far ahead a deadline meant to fall inside the run is set. */
export function deadlineIn(ctx: StoryContext, rng: Random): number {
  const [min, max] = ctx.settings.deadlineInMs;
  return Math.round(rng.between(min, max));
}

/** A province, border and coastal ones more often. */
export function pickProvince(ctx: StoryContext, rng: Random): ProvinceCode {
  const weights = Object.fromEntries(
    ctx.settings.provinces.map((code) => [code, ctx.settings.provinceWeights[code] ?? 1]),
  ) as Record<ProvinceCode, number>;
  return rng.weighted(weights);
}

/** An office, busy ports more often; optionally in one province or anywhere but one office. */
export function pickOffice(
  ctx: StoryContext,
  rng: Random,
  filter: (office: SimOffice) => boolean = () => true,
): SimOffice | undefined {
  const candidates = ctx.settings.offices.filter(filter);
  if (candidates.length === 0) return undefined;
  const weights = Object.fromEntries(candidates.map((office) => [office.id, office.weight]));
  const id = rng.weighted(weights);
  return candidates.find((office) => office.id === id);
}
