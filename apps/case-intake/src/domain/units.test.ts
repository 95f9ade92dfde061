import { describe, expect, it } from 'vitest';
import { currentOfficers, deployOfficer, type ExecutionUnit, releaseOfficer } from './units.ts';

const now = new Date('2025-10-05T08:00:00.000Z');

function aUnit(): ExecutionUnit {
  return {
    id: 'unit-1',
    version: 1,
    kind: 'tazirat',
    province: 'khuzestan',
    name: 'واحد اجرای احکام تعزیرات اهواز',
    registeredAt: new Date('2025-01-01T00:00:00.000Z'),
    deployments: [
      d('dep-serving', new Date('2025-09-01T00:00:00.000Z'), null, null),
      d('dep-future', new Date('2025-11-01T00:00:00.000Z'), null, null),
      d('dep-ended', new Date('2025-01-01T00:00:00.000Z'), new Date('2025-06-01T00:00:00.000Z'), null),
      d('dep-released', new Date('2025-01-01T00:00:00.000Z'), null, new Date('2025-03-01T00:00:00.000Z')),
    ],
  };
}

function d(deploymentId: string, startsAt: Date, endsAt: Date | null, releasedAt: Date | null) {
  return {
    deploymentId,
    officerId: `officer-${deploymentId}`,
    officerName: 'سرباز',
    startsAt,
    endsAt,
    releasedAt,
  };
}

describe('execution unit rosters', () => {
  it('counts as current only officers who started, are not released and whose planned end has not passed', () => {
    expect(currentOfficers(aUnit(), now).map((x) => x.deploymentId)).toEqual(['dep-serving']);
  });

  it('refuses a deployment ending before it starts', () => {
    const result = deployOfficer(aUnit(), {
      deploymentId: 'dep-new',
      officerId: 'p-1',
      officerName: 'رضا',
      startsAt: now,
      endsAt: new Date('2025-01-01T00:00:00.000Z'),
    });
    expect(!result.ok && result.refusal).toEqual({
      kind: 'invalid_step',
      field: 'body.endsAt',
      message: 'must be after startsAt',
    });
  });

  it('refuses to deploy an officer who already holds an open deployment at the unit', () => {
    const result = deployOfficer(aUnit(), {
      deploymentId: 'dep-new',
      officerId: 'officer-dep-serving',
      officerName: 'رضا',
      startsAt: now,
      endsAt: null,
    });
    expect(!result.ok && result.refusal.kind).toBe('invalid_step');
  });

  it('releases a serving officer and counts those still serving', () => {
    const unit = aUnit();
    const serving = unit.deployments[0];
    if (!serving) throw new Error('fixture');
    const result = releaseOfficer(unit, serving, now, now);
    expect(result.ok && result.value.remainingOfficers).toBe(0);
    expect(result.ok && result.value.released.releasedAt).toEqual(now);
  });

  it('refuses to release a deployment twice', () => {
    const unit = aUnit();
    const released = unit.deployments[3];
    if (!released) throw new Error('fixture');
    expect(releaseOfficer(unit, released, now, now).ok).toBe(false);
  });
});
