import { describe, expect, it } from 'vitest';
import { transitClosed, transitDiscrepancy, transitOpened } from '../../test/support/events.ts';
import { judge, ruleOf } from '../../test/support/judge.ts';

const EXIT = '2025-06-01T00:00:00.000Z';

describe('transit overdue', () => {
  it('opens on an exit towards another province, due 72 hours later, to both governorates and customs', () => {
    expect(ruleOf(judge([transitOpened('t1', EXIT)]), 'transit_overdue')).toMatchObject({
      state: 'open',
      subject: { kind: 'transit', id: 't1' },
      dueAt: new Date('2025-06-04T00:00:00.000Z'),
      audiences: ['governorate:khuzestan', 'governorate:bushehr', 'customs:khuzestan', 'customs:bushehr'],
    });
  });

  it('is not opened within one province', () => {
    expect(ruleOf(judge([transitOpened('t1', EXIT, 'khuzestan')]), 'transit_overdue')).toBeUndefined();
  });

  it('is met by the arrival, also when the arrival is heard of first or twice', () => {
    const closed = transitClosed('t1', EXIT, '2025-06-02T00:00:00.000Z');
    expect(ruleOf(judge([transitOpened('t1', EXIT), closed]), 'transit_overdue')?.state).toBe('met');
    expect(ruleOf(judge([closed, closed, transitOpened('t1', EXIT)]), 'transit_overdue')?.state).toBe('met');
  });
});

describe('transit quantity mismatch', () => {
  it('raises at once, high severity, with inspection among the audiences and the difference in the details', () => {
    expect(
      ruleOf(judge([transitDiscrepancy('t1', '2025-06-02T00:00:00.000Z')]), 'transit_quantity_mismatch'),
    ).toMatchObject({
      state: 'open',
      severity: 'high',
      dueAt: new Date('2025-06-02T00:00:00.000Z'),
      details: { difference: 'shortage 10 piece' },
    });
    const audiences = ruleOf(judge([transitDiscrepancy('t1', EXIT)]), 'transit_quantity_mismatch')?.audiences;
    expect(audiences).toContain('inspection');
  });
});
