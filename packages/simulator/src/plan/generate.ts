import { type ProvinceCode, provinceCodeSchema, provinceCodes } from '@enforcement/contracts';
import { Random } from '../random.ts';
import { caseStory, mistypedCaseStory } from './case-story.ts';
import { lotStory } from './lot-story.ts';
import { meetingStory, workgroupStory } from './meeting-story.ts';
import { readStory } from './read-story.ts';
import { ReadyQueue } from './ready-queue.ts';
import type { StepSpec, Story, StoryContext, StorySettings } from './story.ts';
import { handlesOf } from './templates.ts';
import type { Plan, PlannedRequest, PlanOptions, StoryKind } from './types.ts';
import { unitStory } from './unit-story.ts';
import { offices, provinceWeights } from './vocabulary.ts';

/** How often each story kind is started; a case or lot story sends about five requests, a read one. */
export const defaultMix: Readonly<Record<StoryKind, number>> = {
  case: 30,
  lot: 25,
  meeting: 4,
  read: 80,
  invalid: 1,
};

export const DEFAULT_RATE = 20;

/** Reads pick among this many of the latest cases and lots. */
const RECENT = 500;

interface ResolvedOptions {
  rate: number;
  settings: StorySettings;
  mix: Record<StoryKind, number>;
}

function range(name: string, value: readonly [number, number]): readonly [number, number] {
  const [min, max] = value;
  if (!Number.isFinite(min) || !Number.isFinite(max) || min < 0 || max < min) {
    throw new RangeError(`${name} must be [min, max] with 0 <= min <= max (got [${min}, ${max}])`);
  }
  return [min, max];
}

function resolveOptions(options: PlanOptions): ResolvedOptions {
  const rate = options.rate ?? DEFAULT_RATE;
  if (!Number.isFinite(rate) || rate <= 0)
    throw new RangeError(`rate must be a positive number (got ${rate})`);
  const provinces = (options.provinces ?? provinceCodes).map((code) => {
    const parsed = provinceCodeSchema.safeParse(code);
    if (!parsed.success) throw new RangeError(`provinces: ${code} is not a province code`);
    return parsed.data;
  });
  if (provinces.length === 0) throw new RangeError('provinces must name at least one province');
  const allowed = new Set<ProvinceCode>(provinces);
  const mix = { ...defaultMix, ...options.mix };
  for (const [kind, weight] of Object.entries(mix)) {
    if (!Number.isFinite(weight) || weight < 0) throw new RangeError(`mix.${kind} must be a weight >= 0`);
  }
  const settings: StorySettings = {
    stepDelayMs: range('stepDelayMs', options.stepDelayMs ?? [1500, 6000]),
    deadlineInMs: range('deadlineInMs', options.deadlineInMs ?? [5000, 30_000]),
    provinces,
    provinceWeights,
    offices: offices.filter((office) => allowed.has(office.province)),
  };
  // Without an office in the chosen provinces, there is nowhere to hold a lot.
  if (settings.offices.length === 0) mix.lot = 0;
  if (!Object.values(mix).some((weight) => weight > 0)) throw new RangeError('mix has no story to start');
  return { rate, settings, mix };
}

/**
 * The plan of a run: a deterministic, endless sequence of timed requests, generated lazily as it is
 * iterated. Pure: the same seed and options give the same requests (method, path, body, idempotency
 * key, dependencies) on every iteration and every machine; nothing is sent and no clock is read.
 *
 * Requests are spaced `1000 / rate` ms apart. Each slot goes to the next due step of a story already
 * under way (a case's next lifecycle step, a lot's next move) or, when none is due, to the first step
 * of a new story, so the rate is exact and stories keep their compressed delays.
 */
export function generatePlan(seed: number, options: PlanOptions = {}): Plan {
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw new RangeError(`seed must be an integer >= 0 (got ${seed})`);
  const resolved = resolveOptions(options);
  return {
    seed,
    rate: resolved.rate,
    [Symbol.iterator]: () => planRequests(seed, resolved),
  };
}

interface Pending {
  name: string;
  story: Story;
  spec: StepSpec;
  /** The last request of each of the story's chains. */
  chains: Map<string, number>;
}

function* planRequests(seed: number, options: ResolvedOptions): Generator<PlannedRequest, never, undefined> {
  const interval = 1000 / options.rate;
  const scheduler = Random.derive(seed, 'scheduler');
  const queue = new ReadyQueue<Pending>();
  const creators = new Map<string, number>();
  const counters = new Map<string, number>();
  const shared = new Set<string>();
  const recent: Record<'case' | 'lot', string[]> = { case: [], lot: [] };
  let now = 0;

  const advance = (name: string, story: Story, chains: Map<string, number>, from: number): void => {
    const next = story.next();
    if (!next.done) queue.push(from + next.value.delayMs, { name, story, spec: next.value, chains });
  };

  const ctx: StoryContext = {
    seed,
    settings: options.settings,
    random: (label) => Random.derive(seed, label),
    next: (counter) => {
      const n = (counters.get(counter) ?? 0) + 1;
      counters.set(counter, n);
      return n;
    },
    start: (name, story, afterMs = 0) => advance(name, story, new Map(), now + afterMs),
    unit: (province, kind) => {
      const handle = `unit-${province}-${kind}`;
      if (!shared.has(handle)) {
        shared.add(handle);
        ctx.start(handle, unitStory(ctx, handle, province, kind));
      }
      return handle;
    },
    workgroup: (province, chair) => {
      const handle = `workgroup-${province}-${chair}`;
      if (!shared.has(handle)) {
        shared.add(handle);
        ctx.start(handle, workgroupStory(handle, province, chair));
      }
      return handle;
    },
    earlier: (kind, rng) => (recent[kind].length === 0 ? undefined : rng.pick(recent[kind])),
    created: (kind, handle) => {
      const list = recent[kind];
      list.push(handle);
      if (list.length > RECENT) list.shift();
    },
  };

  const startStory = (): void => {
    const kind = scheduler.weighted(options.mix);
    const n = ctx.next(kind);
    const story = storyOf(kind, ctx, n);
    advance(`${kind}-${n}`, story, new Map(), now);
  };

  for (let seq = 0; ; seq += 1) {
    now = seq * interval;
    for (let attempts = 0; queue.peekTime() > now; attempts += 1) {
      if (attempts > 10_000) throw new Error('generatePlan: no story yields a request with these options');
      startStory();
    }
    const pending = queue.pop() as Pending;
    const request = placed(seed, seq, now, pending, creators);
    advance(pending.name, pending.story, pending.chains, now);
    yield request;
  }
}

function storyOf(kind: StoryKind, ctx: StoryContext, n: number): Story {
  switch (kind) {
    case 'case':
      return caseStory(ctx, n);
    case 'lot':
      return lotStory(ctx, n);
    case 'meeting':
      return meetingStory(ctx, n);
    case 'read':
      return readStory(ctx, n);
    case 'invalid':
      return mistypedCaseStory(ctx, n);
  }
}

/** A story's step at its place in the plan: position, time, idempotency key and what it waits for. */
function placed(
  seed: number,
  seq: number,
  at: number,
  pending: Pending,
  creators: Map<string, number>,
): PlannedRequest {
  const { spec, chains, name } = pending;
  const dependsOn = new Set<number>();
  for (const handle of handlesOf(spec)) {
    const creator = creators.get(handle);
    // A story refers only to entities whose creation is placed before it; anything else is a bug here.
    if (creator === undefined)
      throw new Error(`generatePlan: ${name} refers to ${handle} before it is created`);
    dependsOn.add(creator);
  }
  const chain = spec.chain === null ? undefined : (spec.chain ?? 'main');
  if (chain !== undefined) {
    const previous = chains.get(chain);
    if (previous !== undefined) dependsOn.add(previous);
    // A deliberately refused request ends nothing: later steps do not wait on it.
    if (spec.refusal === undefined) chains.set(chain, seq);
  }
  if (spec.creates !== undefined) creators.set(spec.creates.handle, seq);
  return {
    seq,
    at,
    service: spec.service,
    principal: spec.principal,
    method: spec.method,
    route: spec.route,
    path: spec.path,
    ...(spec.body === undefined ? {} : { body: spec.body }),
    ...(spec.method === 'POST' ? { idempotencyKey: `sim-${seed}-${seq}` } : {}),
    dependsOn: [...dependsOn].sort((a, b) => a - b),
    ...(spec.creates === undefined ? {} : { creates: spec.creates }),
    ...(spec.refusal === undefined ? {} : { refusal: spec.refusal }),
    story: name,
    step: spec.step,
  };
}
