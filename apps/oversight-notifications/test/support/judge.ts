import type { AnyEvent } from '@enforcement/contracts';
import { factUpdateOf, unitFactsFromCase } from '../../src/domain/event-facts.ts';
import { type Facts, type FactUpdate, mergeFacts, noFacts } from '../../src/domain/facts.ts';
import type { Obligation } from '../../src/domain/obligation.ts';
import { obligationsOf } from '../../src/domain/obligations-of.ts';
import { defaultRulesConfig, type RulesConfig } from '../../src/domain/rules-config.ts';

function updateOf(event: AnyEvent): FactUpdate {
  const update = factUpdateOf(event);
  if (update === null) throw new Error(`not consumed: ${event.type}`);
  return update;
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
