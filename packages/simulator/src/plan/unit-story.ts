import type { HandlingAuthority, ProvinceCode } from '@enforcement/contracts';
import { type Story, type StoryContext, stepDelay } from './story.ts';
import { DAY, time } from './templates.ts';
import { personName } from './values.ts';
import { capitals } from './vocabulary.ts';

/** Share of execution units the police staff with a trained officer; the others raise "unit without officers". */
const STAFFED = 0.8;

/**
 * A verdict-execution unit of a prosecution office or of Ta'zirat, registered by its organisation the
 * first time a case of its province needs it, then (mostly) staffed by the police with an officer.
 */
export function* unitStory(
  ctx: StoryContext,
  handle: string,
  province: ProvinceCode,
  kind: HandlingAuthority,
): Story {
  const rng = ctx.random(handle);
  const city = capitals[province];
  yield {
    delayMs: 0,
    service: 'case-intake',
    principal: kind === 'prosecutor' ? 'sim-prosecutor' : 'sim-tazirat',
    method: 'POST',
    route: 'POST /v1/units',
    path: '/v1/units',
    body: {
      kind,
      province,
      name:
        kind === 'prosecutor'
          ? `واحد اجرای احکام دادسرای عمومی و انقلاب ${city}`
          : `واحد اجرای احکام تعزیرات حکومتی ${city}`,
    },
    creates: { handle, field: 'id' },
    step: `register ${kind} execution unit in ${province}`,
  };
  if (!rng.chance(STAFFED)) return;
  yield {
    delayMs: stepDelay(ctx, rng, 0.5),
    service: 'case-intake',
    principal: 'sim-police',
    method: 'POST',
    route: 'POST /v1/units/:id/deployments',
    path: `/v1/units/{${handle}}/deployments`,
    body: {
      officerId: `P${rng.digits(8)}`,
      officerName: personName(rng),
      startsAt: time(-rng.int(5, 90) * DAY),
      endsAt: rng.chance(0.5) ? null : time(rng.int(90, 365) * DAY),
    },
    step: 'deploy a trained police officer',
  };
}
