import { type AnyEvent, provinceCodes } from '@enforcement/contracts';
import { factUpdateOf } from '../src/domain/event-facts.ts';
import { type Facts, mergeFacts, noFacts } from '../src/domain/facts.ts';
import type { Obligation } from '../src/domain/obligation.ts';
import { obligationsOf } from '../src/domain/obligations-of.ts';
import { defaultRulesConfig } from '../src/domain/rules-config.ts';
import {
  caseRegistered,
  executionStarted,
  lotRegistered,
  lotStatusChanged,
  transitDiscrepancy,
  transitOpened,
  verdictIssued,
} from '../test/support/events.ts';

const T0 = '2025-01-01T00:00:00.000Z';
const HELD = '2025-01-02T00:00:00.000Z';

/** The facts a run of events leaves on their (single) subject. */
function factsOf(events: readonly AnyEvent[]): { subjectKey: string; facts: Facts } {
  let facts = noFacts;
  let subjectKey = '';
  for (const event of events) {
    const update = factUpdateOf(event);
    if (update === null) continue;
    subjectKey = update.subjectKey;
    facts = mergeFacts(facts, update);
  }
  return { subjectKey, facts };
}

/**
 * One open obligation of every rule the consumed events open, as the service's own rules derive
 * them: case determination (goods and fuel), fuel alert, execution stalled, goods abandoned, dwell
 * (general and perishable), transit overdue and quantity mismatch, unit without officers.
 */
export function obligationTemplates(): Obligation[] {
  const subjects = [
    factsOf([caseRegistered('tpl-case', T0)]),
    factsOf([caseRegistered('tpl-fuel', T0, 'fuel')]),
    factsOf([caseRegistered('tpl-verdict', T0), verdictIssued('tpl-verdict', T0)]),
    factsOf([lotRegistered('tpl-lot', T0), lotStatusChanged('tpl-lot', 'arrived', 'held', HELD, HELD)]),
    factsOf([
      lotRegistered('tpl-perishable', T0, 'perishable'),
      lotStatusChanged('tpl-perishable', 'arrived', 'held', HELD, HELD, 'perishable'),
    ]),
    factsOf([transitOpened('tpl-transit', T0)]),
    factsOf([transitOpened('tpl-mismatch', T0), transitDiscrepancy('tpl-mismatch', T0)]),
  ];
  const unit = factsOf([executionStarted('tpl-unit-case', 'tpl-unit', T0)]);
  const units = obligationsOf('execution_unit:tpl-unit', unitFactsOf(unit.facts), defaultRulesConfig);
  return [
    ...subjects.flatMap(({ subjectKey, facts }) => obligationsOf(subjectKey, facts, defaultRulesConfig)),
    ...units,
  ].filter((o) => o.state === 'open');
}

/** The unit's own facts while one case is in execution there (what judge derives from the case). */
function unitFactsOf(caseFacts: Facts): Facts {
  const started = caseFacts.times.executionStarted ?? new Date(T0);
  return {
    attributes: { province: 'khuzestan', unitKind: 'prosecutor' },
    times: { 'executing|tpl-unit-case': started },
  };
}

const shift = (at: Date | null, ms: number) => (at === null ? null : new Date(at.getTime() + ms));

/**
 * The template about another subject (`<kind>:<id>`) in another province, due at `dueAt`: every time
 * moves by the same amount, so periods and dereliction points stay the rule's.
 */
export function obligationLike(
  template: Obligation,
  id: string,
  provinceIndex: number,
  dueAt: Date,
): Obligation {
  const province = provinceCodes[provinceIndex % provinceCodes.length] ?? 'khuzestan';
  const ms = dueAt.getTime() - template.dueAt.getTime();
  return {
    ...template,
    subjectKey: `${template.subject.kind}:${id}`,
    subject: { kind: template.subject.kind, id },
    province: template.province === null ? null : province,
    audiences: [
      ...new Set(template.audiences.map((audience) => audience.replace(':khuzestan', `:${province}`))),
    ],
    openedAt: new Date(template.openedAt.getTime() + ms),
    dueAt,
    derelictAt: shift(template.derelictAt, ms),
    inspectionJoinsAt: shift(template.inspectionJoinsAt, ms),
  };
}
