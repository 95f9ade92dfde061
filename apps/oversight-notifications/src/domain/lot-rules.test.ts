import { describe, expect, it } from 'vitest';
import { lotRegistered, lotStatusChanged } from '../../test/support/events.ts';
import { judge, ruleOf } from '../../test/support/judge.ts';

const ARRIVED = '2025-01-01T00:00:00.000Z';
const HELD = '2025-01-02T00:00:00.000Z';
const held = lotStatusChanged('l1', 'arrived', 'held', HELD, HELD);

describe('goods abandoned (متروکه)', () => {
  it('falls due 90 days after first held; the 60-day extension widens only the dereliction point', () => {
    expect(ruleOf(judge([lotRegistered('l1', ARRIVED), held]), 'goods_abandoned')).toMatchObject({
      state: 'open',
      audiences: ['customs:khuzestan'],
      dueAt: new Date('2025-04-02T00:00:00.000Z'),
      derelictAt: new Date(new Date(HELD).getTime() + 2 * 150 * 86_400_000),
    });
  });

  it('is met by clearance or by declaring the lot abandoned', () => {
    const declared = lotStatusChanged('l1', 'held', 'abandoned', '2025-04-05T00:00:00.000Z', HELD);
    expect(ruleOf(judge([held, declared]), 'goods_abandoned')?.state).toBe('met');
    expect(ruleOf(judge([declared, held]), 'goods_abandoned')?.state).toBe('met');
  });

  it('is not opened for a lot only registered, never held', () => {
    expect(ruleOf(judge([lotRegistered('l1', ARRIVED)]), 'goods_abandoned')).toBeUndefined();
  });
});

describe('goods dwell (رسوب)', () => {
  it('falls due after 180 days and brings inspection in after a year', () => {
    expect(ruleOf(judge([held]), 'goods_dwell')).toMatchObject({
      dueAt: new Date('2025-07-01T00:00:00.000Z'),
      inspectionJoinsAt: new Date('2026-01-02T00:00:00.000Z'),
      audiences: ['customs:khuzestan', 'governorate:khuzestan'],
    });
  });

  it('gives perishable goods 7 days, at high severity', () => {
    const dwell = ruleOf(
      judge([
        lotRegistered('l1', ARRIVED, 'perishable'),
        lotStatusChanged('l1', 'arrived', 'held', HELD, HELD, 'perishable'),
      ]),
      'goods_dwell',
    );
    expect(dwell).toMatchObject({ dueAt: new Date('2025-01-09T00:00:00.000Z'), severity: 'high' });
  });

  it('is met only when the lot reaches a terminal state', () => {
    const cleared = lotStatusChanged('l1', 'pending_clearance', 'cleared', '2025-02-01T00:00:00.000Z', HELD);
    const exited = lotStatusChanged('l1', 'cleared', 'exited', '2025-02-02T00:00:00.000Z', HELD);
    expect(ruleOf(judge([held, cleared]), 'goods_dwell')?.state).toBe('open');
    expect(ruleOf(judge([exited, held, cleared]), 'goods_dwell')?.state).toBe('met');
  });
});

describe('goods not handed over, and handed-over goods not disposed', () => {
  const confiscated = lotStatusChanged('l1', 'held', 'confiscated', '2025-03-01T00:00:00.000Z', HELD);
  const transferred = lotStatusChanged(
    'l1',
    'confiscated',
    'transferred_to_property_org',
    '2025-03-20T00:00:00.000Z',
    HELD,
  );
  const auctioned = lotStatusChanged(
    'l1',
    'transferred_to_property_org',
    'auctioned',
    '2025-05-01T00:00:00.000Z',
    HELD,
  );

  it('opens a 60-day hand-over obligation on confiscation, to customs, property_org and the prosecutor', () => {
    expect(ruleOf(judge([confiscated]), 'goods_not_handed_over')).toMatchObject({
      state: 'open',
      dueAt: new Date('2025-04-30T00:00:00.000Z'),
      audiences: ['customs:khuzestan', 'property_org:khuzestan', 'prosecutor:khuzestan'],
    });
  });

  it('meets the hand-over on transfer and opens the 90-day disposal obligation of property_org', () => {
    const judged = judge([confiscated, transferred]);
    expect(ruleOf(judged, 'goods_not_handed_over')?.state).toBe('met');
    expect(ruleOf(judged, 'handed_over_not_disposed')).toMatchObject({
      state: 'open',
      responsibleAgency: 'property_org',
      dueAt: new Date('2025-06-18T00:00:00.000Z'),
    });
  });

  it('meets the disposal on auction, even when the auction is heard of before the transfer', () => {
    expect(ruleOf(judge([auctioned, transferred, confiscated]), 'handed_over_not_disposed')?.state).toBe(
      'met',
    );
  });
});
