import { describe, expect, it } from 'vitest';
import { isOverreach, scopedFilter, statsLimitOf } from './stats-access.ts';

describe('who sees which scorecards', () => {
  it('limits a provincial key to its province, every agency of it', () => {
    expect(statsLimitOf({ agency: 'customs', province: 'khuzestan' })).toEqual({ province: 'khuzestan' });
  });

  it('lets national keys of inspection and the anti-smuggling HQ see everything', () => {
    expect(statsLimitOf({ agency: 'inspection' })).toEqual({});
    expect(statsLimitOf({ agency: 'anti_smuggling_hq' })).toEqual({});
  });

  it('limits a national key of another agency to its own agency', () => {
    expect(statsLimitOf({ agency: 'prosecutor' })).toEqual({ agency: 'prosecutor' });
  });

  it('forces the limit as a filter and keeps what the query narrows further', () => {
    expect(scopedFilter({ province: 'khuzestan' }, {})).toEqual({ province: 'khuzestan' });
    expect(scopedFilter({ province: 'khuzestan' }, { agency: 'tazirat' })).toEqual({
      province: 'khuzestan',
      agency: 'tazirat',
    });
    expect(scopedFilter({}, { province: 'bushehr' })).toEqual({ province: 'bushehr' });
  });

  it('names the field of a query asking beyond the limit', () => {
    const result = scopedFilter({ province: 'khuzestan' }, { province: 'bushehr' });
    expect(isOverreach(result) && result).toEqual({ field: 'province', limit: 'khuzestan' });
    expect(isOverreach(scopedFilter({ agency: 'police' }, { agency: 'customs' }))).toBe(true);
  });
});
