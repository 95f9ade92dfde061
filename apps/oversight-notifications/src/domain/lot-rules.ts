import type { LotStatus } from '@enforcement/contracts';
import { buildObligation, provincial, timeOf } from './build-obligation.ts';
import { type Facts, factKey, textFact } from './facts.ts';
import type { Obligation } from './obligation.ts';
import type { RulesConfig } from './rules-config.ts';
import { addMs, DAY_MS, earliest } from './time.ts';

/** When the lot first reached any of these statuses, as far as we heard. */
function reached(facts: Facts, statuses: readonly LotStatus[]): Date | undefined {
  return earliest(...statuses.map((status) => timeOf(facts, factKey('reached', status))));
}

/**
 * The goods rules: abandonment date passed while held, dwell (رسوب), abandoned or confiscated goods
 * not handed to property_org, and handed-over goods not disposed of. customs-goods publishes status
 * changes only, so every clock runs from `heldSince` or from when a status was first reached.
 */
export function lotObligations(lotId: string, facts: Facts, rules: RulesConfig): Obligation[] {
  const province = textFact(facts, 'province');
  const category = textFact(facts, 'category') ?? 'general';
  if (province === undefined) return [];
  const subject = { kind: 'lot' as const, id: lotId };
  const customs = provincial('customs', province);
  const propertyOrg = provincial('property_org', province);
  const prosecutor = provincial('prosecutor', province);
  const details = { category };
  const obligations: Obligation[] = [];
  const heldSince = timeOf(facts, 'heldSince') ?? reached(facts, ['held']);
  if (heldSince !== undefined) {
    obligations.push(
      buildObligation(
        {
          ruleId: 'goods_abandoned',
          subject,
          province,
          responsibleAgency: 'customs',
          audiences: [customs],
          severity: 'warning',
          openedAt: heldSince,
          periodMs: rules.goodsAbandonedDays * DAY_MS,
          graceMs: rules.goodsAbandonedExtensionDays * DAY_MS,
          details,
          metAt: reached(facts, ['pending_clearance', 'cleared', 'exited', 'abandoned', 'confiscated']),
        },
        rules,
      ),
    );
    const dwellDays = category === 'perishable' ? rules.perishableDwellDays : rules.goodsDwellDays;
    obligations.push(
      buildObligation(
        {
          ruleId: 'goods_dwell',
          subject,
          province,
          responsibleAgency: 'customs',
          audiences: [customs, provincial('governorate', province)],
          severity: category === 'perishable' ? 'high' : 'warning',
          openedAt: heldSince,
          periodMs: dwellDays * DAY_MS,
          inspectionJoinsAt: addMs(heldSince, rules.dwellInspectionDays * DAY_MS),
          details: { ...details, days: String(dwellDays) },
          metAt: reached(facts, ['exited', 'auctioned', 'destroyed', 'returned']),
        },
        rules,
      ),
    );
  }
  const awaitingHandover = reached(facts, ['abandoned', 'confiscated']);
  if (awaitingHandover !== undefined) {
    obligations.push(
      buildObligation(
        {
          ruleId: 'goods_not_handed_over',
          subject,
          province,
          responsibleAgency: 'customs',
          audiences: [customs, propertyOrg, prosecutor],
          severity: 'warning',
          openedAt: awaitingHandover,
          periodMs: rules.notHandedOverDays * DAY_MS,
          details,
          metAt: reached(facts, ['transferred_to_property_org']),
        },
        rules,
      ),
    );
  }
  const handedOver = reached(facts, ['transferred_to_property_org']);
  if (handedOver !== undefined) {
    obligations.push(
      buildObligation(
        {
          ruleId: 'handed_over_not_disposed',
          subject,
          province,
          responsibleAgency: 'property_org',
          audiences: [propertyOrg, prosecutor],
          severity: 'warning',
          openedAt: handedOver,
          periodMs: rules.notDisposedDays * DAY_MS,
          details,
          metAt: reached(facts, ['auctioned', 'destroyed', 'returned']),
        },
        rules,
      ),
    );
  }
  return obligations;
}
