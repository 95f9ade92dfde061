import type { AgencyCode } from '@enforcement/contracts';
import { buildObligation, provincial, timeOf } from './build-obligation.ts';
import { type Facts, textFact } from './facts.ts';
import type { Obligation } from './obligation.ts';
import type { RulesConfig } from './rules-config.ts';
import { DAY_MS, earliest } from './time.ts';

function authorityOf(facts: Facts): AgencyCode | undefined {
  const authority = textFact(facts, 'authority');
  return authority === 'prosecutor' || authority === 'tazirat' ? authority : undefined;
}

/**
 * The case rules: determination within N days of registration (fuel sooner), the immediate fuel-case
 * alert, and execution stalled without asset seizure after a conviction with a fine.
 */
export function caseObligations(caseId: string, facts: Facts, rules: RulesConfig): Obligation[] {
  const province = textFact(facts, 'province');
  const authority = authorityOf(facts);
  const category = textFact(facts, 'category');
  if (province === undefined || authority === undefined) return [];
  const subject = { kind: 'case' as const, id: caseId };
  const handler = provincial(authority, province);
  const closed = timeOf(facts, 'closed');
  const registered = timeOf(facts, 'registered');
  const obligations: Obligation[] = [];
  if (registered !== undefined && category !== undefined) {
    const fuel = category === 'fuel';
    const days = fuel ? rules.fuelCaseDeterminationDays : rules.caseDeterminationDays;
    const common = { subject, province, responsibleAgency: authority, openedAt: registered };
    obligations.push(
      buildObligation(
        {
          ...common,
          ruleId: 'case_determination_sla',
          audiences: [handler],
          severity: fuel ? 'high' : 'warning',
          periodMs: days * DAY_MS,
          details: { category, days: String(days) },
          metAt: closed,
        },
        rules,
      ),
    );
    if (fuel) {
      obligations.push(
        buildObligation(
          {
            ...common,
            ruleId: 'fuel_case_registered',
            audiences: [handler, provincial('governorate', province), 'anti_smuggling_hq'],
            severity: 'high',
            periodMs: 0,
            details: { category },
            // An alert, not a task: it stands while the case is open.
            metAt: closed,
            metBy: 'subject_closed',
          },
          rules,
        ),
      );
    }
  }
  const verdict = timeOf(facts, 'verdict');
  const fine = textFact(facts, 'fineRials');
  if (
    verdict !== undefined &&
    textFact(facts, 'outcome') === 'convicted' &&
    fine !== undefined &&
    fine !== '0'
  ) {
    obligations.push(
      buildObligation(
        {
          ruleId: 'execution_stalled_no_seizure',
          subject,
          province,
          responsibleAgency: authority,
          audiences: [handler, 'inspection'],
          severity: 'high',
          openedAt: verdict,
          periodMs: rules.executionStalledDays * DAY_MS,
          details: { fineRials: fine, days: String(rules.executionStalledDays) },
          metAt: earliest(timeOf(facts, 'assetsSeized'), closed),
        },
        rules,
      ),
    );
  }
  return obligations;
}
