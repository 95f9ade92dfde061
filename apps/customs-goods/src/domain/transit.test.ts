import { describe, expect, it } from 'vitest';
import type { Transit } from './lot.ts';
import { discrepancyOf, isOverdue, recordArrival } from './transit.ts';

const transit: Transit = {
  transitId: 't-1',
  state: 'open',
  origin: { officeId: 'khz_shalamcheh', province: 'khuzestan' },
  destination: { officeId: 'bsh_bushehr', province: 'bushehr' },
  quantityAtExit: { amount: 18_500.5, unit: 'kg' },
  quantityAtArrival: null,
  exitedAt: new Date('2025-10-01T00:00:00Z'),
  expectedArrivalAt: new Date('2025-10-04T00:00:00Z'),
  arrivedAt: null,
  discrepancy: null,
};
const NOW = new Date('2025-10-05T00:00:00Z');

describe('transits', () => {
  it('closes without a discrepancy when the quantity received is the quantity sent', () => {
    const arrival = recordArrival(
      transit,
      { quantity: { amount: 18_500.5, unit: 'kg' }, arrivedAt: undefined },
      NOW,
    );
    expect(arrival.ok && arrival.value).toMatchObject({ state: 'closed', discrepancy: null, arrivedAt: NOW });
  });

  it('names a shortage or an excess and its size', () => {
    expect(discrepancyOf({ amount: 100, unit: 'kg' }, { amount: 97.5, unit: 'kg' })).toEqual({
      direction: 'shortage',
      difference: { amount: 2.5, unit: 'kg' },
    });
    expect(discrepancyOf({ amount: 0.1 + 0.2, unit: 'kg' }, { amount: 0.3, unit: 'kg' })).toBeNull();
    expect(discrepancyOf({ amount: 10, unit: 'piece' }, { amount: 12, unit: 'piece' })?.direction).toBe(
      'excess',
    );
  });

  it('refuses a second arrival and an arrival in another unit', () => {
    const closed = { ...transit, state: 'closed' as const };
    expect(recordArrival(closed, { quantity: { amount: 1, unit: 'kg' }, arrivedAt: undefined }, NOW).ok).toBe(
      false,
    );
    const tonnes = recordArrival(
      transit,
      { quantity: { amount: 18.5, unit: 'tonne' }, arrivedAt: undefined },
      NOW,
    );
    expect(!tonnes.ok && tonnes.refusal).toMatchObject({ field: 'body.quantity.unit' });
  });

  it('is overdue only while open past the expected arrival', () => {
    expect(isOverdue(transit, NOW)).toBe(true);
    expect(isOverdue(transit, new Date('2025-10-03T00:00:00Z'))).toBe(false);
  });
});
