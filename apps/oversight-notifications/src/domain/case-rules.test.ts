import { describe, expect, it } from 'vitest';
import { assetsSeized, caseClosed, caseRegistered, verdictIssued } from '../../test/support/events.ts';
import { judge, ruleOf } from '../../test/support/judge.ts';
import { rulesConfigSchema } from './rules-config.ts';

const REG = '2025-01-01T08:00:00.000Z';

describe('case determination SLA', () => {
  it('opens at registration, due 90 days later, dereliction at twice the period', () => {
    const sla = ruleOf(judge([caseRegistered('c1', REG)]), 'case_determination_sla');
    expect(sla).toMatchObject({
      state: 'open',
      subjectKey: 'case:c1',
      responsibleAgency: 'prosecutor',
      audiences: ['prosecutor:khuzestan'],
      dueAt: new Date('2025-04-01T08:00:00.000Z'),
      derelictAt: new Date('2025-06-30T08:00:00.000Z'),
    });
  });

  it('gives a fuel case 30 days, as configured', () => {
    const rules = rulesConfigSchema.parse({ fuelCaseDeterminationDays: 20 });
    const sla = ruleOf(judge([caseRegistered('c1', REG, 'fuel')], rules), 'case_determination_sla');
    expect(sla?.dueAt).toEqual(new Date('2025-01-21T08:00:00.000Z'));
  });

  it('is met when the case closes', () => {
    const sla = ruleOf(
      judge([caseRegistered('c1', REG), caseClosed('c1', '2025-02-01T00:00:00.000Z')]),
      'case_determination_sla',
    );
    expect(sla).toMatchObject({
      state: 'met',
      metBy: 'obligation_met',
      metAt: new Date('2025-02-01T00:00:00.000Z'),
    });
  });

  it('judges a close that arrived before the registration as met, never leaving it open', () => {
    const sla = ruleOf(
      judge([caseClosed('c1', '2025-02-01T00:00:00.000Z'), caseRegistered('c1', REG)]),
      'case_determination_sla',
    );
    expect(sla?.state).toBe('met');
  });

  it('opens nothing from a close alone', () => {
    expect(judge([caseClosed('c1', '2025-02-01T00:00:00.000Z')])).toEqual([]);
  });

  it('says the same after a duplicate delivery', () => {
    const once = judge([caseRegistered('c1', REG)]);
    const event = caseRegistered('c1', REG);
    expect(judge([event, event])).toEqual(once);
  });
});

describe('fuel case registered', () => {
  it('raises at once, high priority, to the prosecutor, the governorate and the anti-smuggling HQ', () => {
    const fuel = ruleOf(judge([caseRegistered('c1', REG, 'fuel')]), 'fuel_case_registered');
    expect(fuel).toMatchObject({
      state: 'open',
      severity: 'high',
      dueAt: new Date(REG),
      derelictAt: null,
      audiences: ['prosecutor:khuzestan', 'governorate:khuzestan', 'anti_smuggling_hq'],
    });
  });

  it('is not raised for a goods case', () => {
    expect(ruleOf(judge([caseRegistered('c1', REG)]), 'fuel_case_registered')).toBeUndefined();
  });

  it('resolves as subject closed when the case closes', () => {
    const fuel = ruleOf(
      judge([caseRegistered('c1', REG, 'fuel'), caseClosed('c1', '2025-01-02T00:00:00.000Z')]),
      'fuel_case_registered',
    );
    expect(fuel).toMatchObject({ state: 'met', metBy: 'subject_closed' });
  });
});

describe('execution stalled, no asset seizure', () => {
  const VERDICT = '2025-03-01T00:00:00.000Z';

  it('opens 30 days after a conviction with a fine, with inspection in the audience', () => {
    const stalled = ruleOf(judge([verdictIssued('c1', VERDICT)]), 'execution_stalled_no_seizure');
    expect(stalled).toMatchObject({
      state: 'open',
      dueAt: new Date('2025-03-31T00:00:00.000Z'),
      audiences: ['prosecutor:khuzestan', 'inspection'],
    });
  });

  it('is not opened by an acquittal', () => {
    expect(
      ruleOf(judge([verdictIssued('c1', VERDICT, '0')]), 'execution_stalled_no_seizure'),
    ).toBeUndefined();
  });

  it('is met by the seizure of assets, even when the seizure was heard of first', () => {
    const inOrder = judge([
      verdictIssued('c1', VERDICT),
      assetsSeized('c1', 'u1', '2025-03-10T00:00:00.000Z'),
    ]);
    const reversed = judge([
      assetsSeized('c1', 'u1', '2025-03-10T00:00:00.000Z'),
      verdictIssued('c1', VERDICT),
    ]);
    expect(ruleOf(inOrder, 'execution_stalled_no_seizure')?.state).toBe('met');
    expect(ruleOf(reversed, 'execution_stalled_no_seizure')?.state).toBe('met');
  });

  it('is met by the case closing', () => {
    const closed = judge([verdictIssued('c1', VERDICT), caseClosed('c1', '2025-03-05T00:00:00.000Z')]);
    expect(ruleOf(closed, 'execution_stalled_no_seizure')?.state).toBe('met');
  });
});
