import { describe, expect, it } from 'vitest';
import { caseRegistered, transitOpened } from '../../test/support/events.ts';
import { judge, ruleOf } from '../../test/support/judge.ts';
import { isInAudience } from './audiences.ts';
import { reconcile } from './reconcile.ts';
import { rulesConfigSchema } from './rules-config.ts';
import { datesOf, derelictionWording, repeatedOverdueWording, wordingOf } from './wording.ts';

describe('bilingual wording', () => {
  it('writes the due date of the Persian text in the Solar Hijri calendar', () => {
    // 2025-04-01 is 12 Farvardin 1404.
    const sla = ruleOf(judge([caseRegistered('c1', '2025-01-01T08:00:00.000Z')]), 'case_determination_sla');
    if (sla === undefined) throw new Error('no obligation');
    const words = wordingOf(sla);
    expect(words.title.en).toBe('Case not determined in time');
    expect(words.text.fa).toContain('۱۴۰۴');
    expect(words.text.fa).toContain('فروردین');
    expect(words.text.en).toContain('90 days');
    expect(words.text.fa).toContain('ظرف ۹۰ روز');
    expect(datesOf(new Date('2025-03-21T00:00:00.000Z')).fa).toContain('۱ فروردین ۱۴۰۴');
  });

  it('has words for every rule the domain rules open', () => {
    for (const obligation of judge([
      caseRegistered('c1', '2025-01-01T08:00:00.000Z', 'fuel'),
      transitOpened('t1', '2025-01-01T00:00:00.000Z'),
    ])) {
      expect(wordingOf(obligation).title.fa.length).toBeGreaterThan(0);
    }
  });

  it('names the agency in a suspected-dereliction notice', () => {
    const sla = ruleOf(judge([caseRegistered('c1', '2025-01-01T08:00:00.000Z')]), 'case_determination_sla');
    if (sla === undefined) throw new Error('no obligation');
    const words = derelictionWording(sla, 'prosecutor');
    expect(words.title.fa).toBe('ظن ترک فعل: دادستانی');
    expect(words.text.en).toContain("Prosecutor's office has not met");
  });
});

describe('audiences', () => {
  const audiences = ['prosecutor:khuzestan', 'inspection'];

  it('admits the provincial office, the agency’s national keys and any key of a national audience', () => {
    expect(isInAudience({ agency: 'prosecutor', province: 'khuzestan' }, audiences)).toBe(true);
    expect(isInAudience({ agency: 'prosecutor' }, audiences)).toBe(true);
    expect(isInAudience({ agency: 'inspection', province: 'tehran' }, audiences)).toBe(true);
  });

  it('refuses another province’s office and agencies not named', () => {
    expect(isInAudience({ agency: 'prosecutor', province: 'bushehr' }, audiences)).toBe(false);
    expect(isInAudience({ agency: 'customs', province: 'khuzestan' }, audiences)).toBe(false);
  });
});

describe('reconciling a stored obligation with the facts', () => {
  const open = ruleOf(judge([caseRegistered('c1', '2025-01-01T08:00:00.000Z')]), 'case_determination_sla');
  if (open === undefined) throw new Error('no obligation');
  const met = {
    ...open,
    state: 'met' as const,
    metAt: new Date('2025-02-01T00:00:00.000Z'),
    metBy: 'obligation_met' as const,
  };

  it('inserts what is new, meets what the facts now meet, and leaves a met obligation met', () => {
    expect(reconcile(null, open)).toEqual({ kind: 'insert' });
    expect(reconcile(open, met)).toEqual({ kind: 'meet', metAt: met.metAt });
    expect(reconcile(met, open)).toEqual({ kind: 'none' });
    expect(reconcile(open, open)).toEqual({ kind: 'none' });
  });

  it('reopens only a new episode that began after the obligation was met', () => {
    expect(reconcile(met, { ...open, openedAt: new Date('2025-03-01T00:00:00.000Z') })).toEqual({
      kind: 'reopen',
    });
  });
});

describe('rules configuration', () => {
  it('names the offending field of a bad configuration', () => {
    const parsed = rulesConfigSchema.safeParse({ goodsDwellDays: 0, surprise: 1 });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.') || issue.code)).toEqual(
      expect.arrayContaining(['goodsDwellDays']),
    );
  });
});

describe('repeated overdue resolutions wording', () => {
  it('names a national office without a province and counts in Persian digits', () => {
    const words = repeatedOverdueWording('police', null, 3, new Date('2025-03-21T00:00:00.000Z'));
    expect(words.title.en).toBe('Suspected dereliction of duty: Police (FARAJA)');
    expect(words.text.fa).toBe('فراجا ۳ مصوبه کارگروه را از موعد گذشته انجام نداده است (از ۱ فروردین ۱۴۰۴)');
    expect(words.text.en).toBe(
      'Police (FARAJA) has 3 workgroup resolutions overdue at once (since 2025-03-21)',
    );
  });
});
