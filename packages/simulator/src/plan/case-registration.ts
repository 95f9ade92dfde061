import type { CaseCategory, HandlingAuthority, ProvinceCode } from '@enforcement/contracts';
import type { Random } from '../random.ts';
import type { StoryContext } from './story.ts';
import { DAY, HOUR, time } from './templates.ts';
import type { BodyTemplate, TemplateValue } from './types.ts';
import { appraisedValue, company, mistypedNationalId, person, quantityOf, rials } from './values.ts';
import {
  capitals,
  currencies,
  discoveryPlaces,
  fuelFinds,
  goodsByLotCategory,
  persianDigits,
} from './vocabulary.ts';

/* What an agency system reports when it registers a find: parties, seized items, where and when. */

/** Rials as agency systems send them: digit strings, or JSON integers where those are exact. */
function rialsAsSent(rng: Random, amount: bigint): string | number {
  return amount <= BigInt(Number.MAX_SAFE_INTEGER) && rng.chance(0.3) ? Number(amount) : rials(amount);
}

/** What was found, and its estimated total in rials. */
export function seizedItems(rng: Random, category: CaseCategory): { items: TemplateValue[]; total: bigint } {
  let total = 0n;
  if (category === 'currency') {
    const items = Array.from({ length: rng.int(1, 2) }, () => {
      const currency = rng.pick(currencies);
      const amount = rng.int(currency.amount[0], currency.amount[1]);
      const value = BigInt(amount) * BigInt(currency.rialsPerUnit);
      total += value;
      return {
        kind: 'currency',
        currencyCode: rng.chance(0.1) ? currency.code.toLowerCase() : currency.code,
        amount: rng.chance(0.5) ? `${amount}.00` : String(amount),
        estimatedValueRials: rialsAsSent(rng, value),
      };
    });
    return { items, total };
  }
  const kinds =
    category === 'fuel'
      ? [rng.pick(fuelFinds)]
      : Array.from({ length: rng.int(1, 3) }, () =>
          rng.pick([...goodsByLotCategory.general, ...goodsByLotCategory.vehicle]),
        );
  const items = kinds.map((kind) => {
    const amount = quantityOf(rng, kind);
    const value = appraisedValue(kind, amount);
    total += value;
    return {
      kind: 'goods',
      description: kind.description,
      hsCode: rng.chance(0.85) ? kind.hsCode : null,
      quantity: { amount, unit: kind.unit },
      estimatedValueRials: rialsAsSent(rng, value),
    };
  });
  return { items, total };
}

/** The registration an agency system sends for a find. */
export function registration(
  rng: Random,
  input: {
    category: CaseCategory;
    agency: 'police' | 'customs';
    reference: string;
    province: ProvinceCode;
    authority: HandlingAuthority;
    items: readonly TemplateValue[];
    discoveredDaysAgo: number;
    mistyped?: boolean;
  },
): BodyTemplate {
  const suspect = person(rng, 'suspect');
  const parties: TemplateValue[] = [
    input.mistyped ? { ...suspect, nationalId: mistypedNationalId(rng) } : suspect,
  ];
  if (rng.chance(0.4)) parties.push(person(rng, 'carrier'));
  if (rng.chance(0.25)) parties.push(company(rng));
  return {
    category: input.category,
    discoveringAgency: input.agency,
    discoveryReference: input.reference,
    province: input.province,
    handlingAuthority: input.authority,
    parties,
    seizedItems: input.items,
    discoveredAt: time(-input.discoveredDaysAgo * DAY - rng.int(0, 12) * HOUR),
    discoveryPlace: `${rng.pick(discoveryPlaces)} ${capitals[input.province]}`,
  };
}

/** A discovery reference as the agency writes it: unique per seed and case, Persian digits half the time. */
export function referenceOf(ctx: StoryContext, rng: Random, n: number, prefix = ''): string {
  const text = `1404/${prefix}${ctx.seed}/${n}`;
  return rng.chance(0.5) ? persianDigits(text) : text;
}
