import { caseObligations } from './case-rules.ts';
import type { Facts } from './facts.ts';
import { lotObligations } from './lot-rules.ts';
import type { Obligation } from './obligation.ts';
import type { RulesConfig } from './rules-config.ts';
import { transitObligations } from './transit-rules.ts';
import { unitObligations } from './unit-rules.ts';

/** Every obligation the facts of one subject imply, open or met, by the rules of its kind. */
export function obligationsOf(subjectKey: string, facts: Facts, rules: RulesConfig): Obligation[] {
  const split = subjectKey.indexOf(':');
  const kind = subjectKey.slice(0, split);
  const id = subjectKey.slice(split + 1);
  switch (kind) {
    case 'case':
      return caseObligations(id, facts, rules);
    case 'execution_unit':
      return unitObligations(id, facts, rules);
    case 'lot':
      return lotObligations(id, facts, rules);
    case 'transit':
      return transitObligations(id, facts, rules);
    default:
      return [];
  }
}
