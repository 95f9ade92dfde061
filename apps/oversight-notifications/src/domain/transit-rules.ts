import { buildObligation, provincial, timeOf } from './build-obligation.ts';
import { type Facts, textFact } from './facts.ts';
import type { Obligation } from './obligation.ts';
import type { RulesConfig } from './rules-config.ts';
import { HOUR_MS } from './time.ts';

/**
 * The transit rules: a lot that left for another province must arrive within N hours, and an arrival
 * whose quantity differs from the exit's is raised at once (no event "meets" a mismatch; it stays
 * open until withdrawn, which the workgroup features will do).
 */
export function transitObligations(transitId: string, facts: Facts, rules: RulesConfig): Obligation[] {
  const origin = textFact(facts, 'originProvince');
  const destination = textFact(facts, 'destinationProvince');
  if (origin === undefined || destination === undefined) return [];
  const subject = { kind: 'transit' as const, id: transitId };
  const watchers = [
    provincial('governorate', origin),
    provincial('governorate', destination),
    provincial('customs', origin),
    provincial('customs', destination),
  ];
  const details = { origin, destination, lotId: textFact(facts, 'lotId') ?? '' };
  const obligations: Obligation[] = [];
  const exited = timeOf(facts, 'exited');
  if (exited !== undefined && origin !== destination) {
    obligations.push(
      buildObligation(
        {
          ruleId: 'transit_overdue',
          subject,
          province: origin,
          responsibleAgency: 'customs',
          audiences: watchers,
          severity: 'warning',
          openedAt: exited,
          periodMs: rules.transitOverdueHours * HOUR_MS,
          details: { ...details, hours: String(rules.transitOverdueHours) },
          metAt: timeOf(facts, 'arrived'),
        },
        rules,
      ),
    );
  }
  const mismatch = timeOf(facts, 'discrepancy');
  if (mismatch !== undefined) {
    obligations.push(
      buildObligation(
        {
          ruleId: 'transit_quantity_mismatch',
          subject,
          province: destination,
          responsibleAgency: 'customs',
          audiences: [...watchers, 'inspection'],
          severity: 'high',
          openedAt: mismatch,
          periodMs: 0,
          details: { ...details, difference: textFact(facts, 'difference') ?? '' },
          metAt: undefined,
        },
        rules,
      ),
    );
  }
  return obligations;
}
