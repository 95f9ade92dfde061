import { buildObligation, provincial } from './build-obligation.ts';
import { type Facts, factKey, textFact, timesUnder } from './facts.ts';
import type { Obligation } from './obligation.ts';
import type { RulesConfig } from './rules-config.ts';

function latest(times: readonly Date[]): Date | undefined {
  return times.reduce<Date | undefined>(
    (last, at) => (last === undefined || at > last ? at : last),
    undefined,
  );
}

/**
 * Unit without officers: an execution unit with cases in execution and no deployed trained officer.
 * Unlike the other rules it can open again (officers leave), so it answers the current episode:
 * opened when the last of its causes happened, met when officers came or the cases left execution.
 */
export function unitObligations(unitId: string, facts: Facts, rules: RulesConfig): Obligation[] {
  const province = textFact(facts, 'province');
  const kind = textFact(facts, 'unitKind');
  const started = timesUnder(facts, 'executing');
  if (province === undefined || (kind !== 'prosecutor' && kind !== 'tazirat') || started.length === 0)
    return [];
  const at = (name: string) => facts.times[name] ?? new Date(0);
  const finished = new Set(timesUnder(facts, 'finished'));
  const active = started.filter((caseKey) => !finished.has(caseKey));
  const released = new Set(timesUnder(facts, 'released'));
  const deployed = timesUnder(facts, 'deployed').filter((deployment) => !released.has(deployment));
  const causes = [
    ...active.map((caseKey) => at(factKey('executing', caseKey))),
    ...[...released].map((deployment) => at(factKey('released', deployment))),
  ];
  const openedAt = latest(causes) ?? new Date(0);
  const endings = [
    ...deployed.map((deployment) => at(factKey('deployed', deployment))),
    ...[...finished].map((caseKey) => at(factKey('finished', caseKey))),
  ];
  const unmet = active.length > 0 && deployed.length === 0;
  return [
    buildObligation(
      {
        ruleId: 'unit_without_officers',
        subject: { kind: 'execution_unit', id: unitId },
        province,
        responsibleAgency: 'police',
        audiences: [provincial(kind, province), provincial('police', province)],
        severity: 'high',
        openedAt,
        periodMs: 0,
        details: { unitKind: kind, casesInExecution: String(active.length) },
        metAt: unmet ? undefined : (latest(endings) ?? openedAt),
        metBy: deployed.length > 0 ? 'obligation_met' : 'subject_closed',
      },
      rules,
    ),
  ];
}
