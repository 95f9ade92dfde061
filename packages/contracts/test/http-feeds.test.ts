import { describe, expect, it } from 'vitest';
import { feedAudienceSchema, feedPageQuerySchema, feedStreamQuerySchema } from '../src/index.ts';

describe('feed audiences', () => {
  it('takes an agency code, or an agency and a province', () => {
    for (const audience of [
      'inspection',
      'anti_smuggling_hq',
      'prosecutor:khuzestan',
      'customs:sistan_baluchestan',
    ])
      expect(feedAudienceSchema.parse(audience)).toBe(audience);
  });

  it('refuses unknown agencies and provinces, and anything more', () => {
    for (const audience of [
      'pirates',
      'customs:atlantis',
      'customs:',
      ':khuzestan',
      'customs:khuzestan:x',
      'Customs',
    ])
      expect(feedAudienceSchema.safeParse(audience).success, audience).toBe(false);
  });
});

describe('feed queries', () => {
  it('reads comma-separated filters and defaults the page size', () => {
    expect(feedPageQuerySchema.parse({ severity: 'high, critical', province: 'khuzestan' })).toEqual({
      severity: ['high', 'critical'],
      province: ['khuzestan'],
      limit: 50,
    });
    expect(feedStreamQuerySchema.parse({ rule: 'goods_dwell,transit_overdue' })).toEqual({
      rule: ['goods_dwell', 'transit_overdue'],
    });
  });

  it('points at the offending item of a list', () => {
    const result = feedPageQuerySchema.safeParse({ severity: 'high,urgent' });
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['severity', 1]]);
    expect(feedPageQuerySchema.safeParse({ state: 'closed' }).success).toBe(false);
    expect(feedPageQuerySchema.safeParse({ limit: '201' }).success).toBe(false);
  });
});
