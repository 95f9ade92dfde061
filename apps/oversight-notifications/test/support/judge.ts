import type { AnyEvent } from '@enforcement/contracts';
import { factsFrom, unitFactsFromCase } from '../../src/domain/event-facts.ts';
import { type Facts, type FactUpdate, mergeFacts, noFacts } from '../../src/domain/facts.ts';
import type { Obligation } from '../../src/domain/obligation.ts';
import { obligationsOf } from '../../src/domain/obligations-of.ts';
import { defaultRulesConfig, type RulesConfig } from '../../src/domain/rules-config.ts';

function updateOf(event: AnyEvent): FactUpdate {
  switch (event.type) {
    case 'case.registered':
      return factsFrom.caseRegistered(event);
    case 'case.verdict_issued':
      return factsFrom.verdictIssued(event);
    case 'case.execution_started':
      return factsFrom.executionStarted(event);
    case 'case.assets_seized':
      return factsFrom.assetsSeized(event);
    case 'case.closed':
      return factsFrom.caseClosed(event);
    case 'unit.officer_deployed':
      return factsFrom.officerDeployed(event);
    case 'unit.officer_released':
      return factsFrom.officerReleased(event);
    case 'goods.lot_registered':
      return factsFrom.lotRegistered(event);
    case 'goods.status_changed':
      return factsFrom.lotStatusChanged(event);
    case 'goods.transit_opened':
      return factsFrom.transitOpened(event);
    case 'goods.transit_closed':
      return factsFrom.transitClosed(event);
    case 'goods.transit_discrepancy':
      return factsFrom.transitDiscrepancy(event);
    default:
      throw new Error(`not consumed: ${event.type}`);
  }
}

/** The obligations a sequence of events implies, folded in the given order as the handlers would. */
export function judge(events: readonly AnyEvent[], rules: RulesConfig = defaultRulesConfig): Obligation[] {
  const facts = new Map<string, Facts>();
  const apply = (update: FactUpdate) =>
    facts.set(update.subjectKey, mergeFacts(facts.get(update.subjectKey) ?? noFacts, update));
  for (const event of events) {
    const update = updateOf(event);
    apply(update);
    if (update.subjectKey.startsWith('case:')) {
      const unit = unitFactsFromCase(update.subjectKey.slice(5), facts.get(update.subjectKey) ?? noFacts);
      if (unit !== null) apply(unit);
    }
  }
  return [...facts].flatMap(([key, known]) => obligationsOf(key, known, rules));
}

/** The one obligation of a rule among those judged, or undefined. */
export function ruleOf(obligations: readonly Obligation[], ruleId: string): Obligation | undefined {
  return obligations.find((obligation) => obligation.ruleId === ruleId);
}
