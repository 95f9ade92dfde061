import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DETERMINATION_POLICY,
  determinationDeadline,
  isOverdueForDetermination,
} from './determination.ts';

const registeredAt = new Date('2025-09-21T08:00:00.000Z');

describe('determination deadline', () => {
  it('gives goods and currency cases 90 days by default', () => {
    expect(determinationDeadline(registeredAt, 'goods', DEFAULT_DETERMINATION_POLICY).toISOString()).toBe(
      '2025-12-20T08:00:00.000Z',
    );
    expect(determinationDeadline(registeredAt, 'currency', DEFAULT_DETERMINATION_POLICY).toISOString()).toBe(
      '2025-12-20T08:00:00.000Z',
    );
  });

  it('gives fuel cases the shorter fuel deadline', () => {
    expect(determinationDeadline(registeredAt, 'fuel', DEFAULT_DETERMINATION_POLICY).toISOString()).toBe(
      '2025-10-21T08:00:00.000Z',
    );
  });

  it('follows the configured policy', () => {
    expect(determinationDeadline(registeredAt, 'goods', { days: 10, fuelDays: 5 }).toISOString()).toBe(
      '2025-10-01T08:00:00.000Z',
    );
  });

  it('counts an open case as overdue only after its deadline', () => {
    const determinationDueAt = new Date('2025-12-20T08:00:00.000Z');
    const open = { status: 'in_execution' as const, determinationDueAt };
    expect(isOverdueForDetermination(open, new Date('2025-12-20T08:00:00.000Z'))).toBe(false);
    expect(isOverdueForDetermination(open, new Date('2025-12-20T08:00:00.001Z'))).toBe(true);
  });

  it('never counts a closed case as overdue', () => {
    const closed = { status: 'closed' as const, determinationDueAt: new Date('2020-01-01T00:00:00.000Z') };
    expect(isOverdueForDetermination(closed, new Date('2025-12-20T08:00:00.000Z'))).toBe(false);
  });
});
