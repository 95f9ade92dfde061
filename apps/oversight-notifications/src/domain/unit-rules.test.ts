import { describe, expect, it } from 'vitest';
import {
  assetsSeized,
  caseClosed,
  executionStarted,
  officerDeployed,
  officerReleased,
} from '../../test/support/events.ts';
import { judge, ruleOf } from '../../test/support/judge.ts';

const unitRule = (events: Parameters<typeof judge>[0]) => ruleOf(judge(events), 'unit_without_officers');

describe('unit without officers', () => {
  it('opens at once when a case enters execution at a unit with no deployed officer', () => {
    expect(unitRule([executionStarted('c1', 'u1', '2025-05-01T00:00:00.000Z')])).toMatchObject({
      state: 'open',
      subjectKey: 'execution_unit:u1',
      dueAt: new Date('2025-05-01T00:00:00.000Z'),
      audiences: ['prosecutor:khuzestan', 'police:khuzestan'],
      derelictAt: null,
    });
  });

  it('is met when an officer is deployed, whichever came first', () => {
    const deployed = officerDeployed('u1', 'd1', '2025-05-02T00:00:00.000Z');
    const started = executionStarted('c1', 'u1', '2025-05-01T00:00:00.000Z');
    expect(unitRule([started, deployed])).toMatchObject({ state: 'met', metBy: 'obligation_met' });
    expect(unitRule([deployed, started])?.state).toBe('met');
  });

  it('opens again when the last officer is released while cases are in execution', () => {
    const obligation = unitRule([
      officerDeployed('u1', 'd1', '2025-05-01T00:00:00.000Z'),
      executionStarted('c1', 'u1', '2025-05-02T00:00:00.000Z'),
      officerReleased('u1', 'd1', '2025-05-10T00:00:00.000Z'),
    ]);
    expect(obligation).toMatchObject({ state: 'open', openedAt: new Date('2025-05-10T00:00:00.000Z') });
  });

  it('is met when its cases leave execution by seizure or closing, even if the close came first', () => {
    expect(
      unitRule([
        executionStarted('c1', 'u1', '2025-05-01T00:00:00.000Z'),
        assetsSeized('c1', 'u1', '2025-05-03T00:00:00.000Z'),
      ]),
    ).toMatchObject({ state: 'met', metBy: 'subject_closed' });
    expect(
      unitRule([
        caseClosed('c1', '2025-05-03T00:00:00.000Z'),
        executionStarted('c1', 'u1', '2025-05-01T00:00:00.000Z'),
      ])?.state,
    ).toBe('met');
  });

  it('says nothing about a unit that never had a case in execution', () => {
    expect(unitRule([officerReleased('u1', 'd1', '2025-05-10T00:00:00.000Z')])).toBeUndefined();
  });
});
