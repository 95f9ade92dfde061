import { describe, expect, it } from 'vitest';
import { notificationFor } from './notification.ts';
import type { Resolution } from './resolution.ts';
import {
  repeatedOverdueKey,
  repeatedOverdueNotice,
  resolutionObligation,
  thresholdReachedAt,
} from './resolution-rules.ts';
import { defaultRulesConfig } from './rules-config.ts';
import { wordingOf } from './wording.ts';

const resolution: Resolution = {
  id: 'r-1',
  version: 1,
  workgroup: {
    id: 'wg-1',
    name: 'کارگروه نظارت بر اجرای احکام',
    chairAgency: 'prosecutor',
    seats: ['prosecutor', 'customs'],
  },
  meeting: { id: 'm-4', number: 4, heldAt: new Date('2025-03-01T00:00:00.000Z') },
  text: 'تعیین تکلیف کالاهای رسوبی بندر امام خمینی',
  assigneeAgency: 'customs',
  province: 'khuzestan',
  // 1 Farvardin 1404.
  dueAt: new Date('2025-03-21T00:00:00.000Z'),
  createdAt: new Date('2025-03-02T00:00:00.000Z'),
  createdBy: { agency: 'prosecutor', province: 'khuzestan', principalId: 'key-1' },
  state: 'open',
  progress: [],
  completion: null,
};

describe('the resolution_overdue obligation', () => {
  it('is due at the due date, to the assignee and the chair of the province, with no dereliction point', () => {
    expect(resolutionObligation(resolution)).toMatchObject({
      ruleId: 'resolution_overdue',
      subjectKey: 'resolution:r-1',
      subject: { kind: 'resolution', id: 'r-1' },
      province: 'khuzestan',
      responsibleAgency: 'customs',
      audiences: ['customs:khuzestan', 'prosecutor:khuzestan'],
      severity: 'warning',
      openedAt: resolution.createdAt,
      dueAt: resolution.dueAt,
      derelictAt: null,
      state: 'open',
    });
  });

  it('goes to the agencies nationally for a national workgroup, once when the chair is the assignee', () => {
    const own = { ...resolution, province: null, assigneeAgency: 'prosecutor' as const };
    expect(resolutionObligation(own).audiences).toEqual(['prosecutor']);
  });

  it('is met when the chair completes the resolution', () => {
    const completedAt = new Date('2025-04-01T00:00:00.000Z');
    const completed: Resolution = {
      ...resolution,
      state: 'completed',
      completion: { ...resolution.createdBy, completedAt, late: true, note: null },
    };
    expect(resolutionObligation(completed)).toMatchObject({
      state: 'met',
      metAt: completedAt,
      metBy: 'obligation_met',
    });
  });

  it('is worded with the workgroup, the meeting and the text, and a Solar Hijri due date', () => {
    const words = wordingOf(resolutionObligation(resolution));
    expect(words.title).toEqual({ fa: 'تأخیر در انجام مصوبه کارگروه', en: 'Workgroup resolution overdue' });
    expect(words.text.fa).toContain('جلسه ۴ کارگروه نظارت بر اجرای احکام');
    expect(words.text.fa).toContain('۱ فروردین ۱۴۰۴');
    expect(words.text.en).toContain('meeting 4');
    expect(words.text.en).toContain('due 2025-03-21');
  });

  it('quotes only the start of a long resolution', () => {
    const long = { ...resolution, text: 'ا'.repeat(500) };
    const n = notificationFor(
      resolutionObligation(long),
      { id: 'n', seq: 1 },
      long.dueAt,
      defaultRulesConfig,
    );
    expect(n.text.fa.length).toBeLessThan(300);
  });
});

describe('repeated overdue resolutions of one agency', () => {
  const tally = {
    agency: 'customs' as const,
    province: 'khuzestan' as const,
    dueAts: [new Date('2025-05-01T00:00:00.000Z'), new Date('2025-04-01T00:00:00.000Z')],
  };

  it('reach the threshold at the due date of the resolution that made the count', () => {
    expect(thresholdReachedAt(tally, defaultRulesConfig)).toEqual(new Date('2025-05-01T00:00:00.000Z'));
    expect(thresholdReachedAt({ ...tally, dueAts: tally.dueAts.slice(1) }, defaultRulesConfig)).toBeNull();
    const three = { ...defaultRulesConfig, overdueResolutionsForDereliction: 3 };
    expect(thresholdReachedAt(tally, three)).toBeNull();
  });

  it('raise one critical notice to inspection about the agency office, naming it in Persian and English', () => {
    const now = new Date('2025-05-02T00:00:00.000Z');
    const notice = repeatedOverdueNotice(tally, { id: 'n-1', seq: 7 }, now, defaultRulesConfig);
    expect(notice).toMatchObject({
      id: 'n-1',
      seq: 7,
      ruleId: 'suspected_dereliction',
      subjectKey: 'resolution_overdue|agency:customs:khuzestan',
      subject: { kind: 'agency', id: 'customs:khuzestan' },
      province: 'khuzestan',
      responsibleAgency: 'customs',
      severity: 'critical',
      audiences: ['inspection'],
      dueAt: new Date('2025-05-01T00:00:00.000Z'),
      raisedAt: now,
      escalateAt: null,
      state: 'open',
    });
    expect(notice?.title).toEqual({
      fa: 'ظن ترک فعل: گمرک',
      en: 'Suspected dereliction of duty: Customs administration',
    });
    expect(notice?.text.fa).toContain('گمرک استان خوزستان ۲ مصوبه');
    expect(notice?.text.en).toContain(
      'Customs administration (Khuzestan) has 2 workgroup resolutions overdue',
    );
  });

  it('are keyed per agency office, nationally without a province', () => {
    expect(repeatedOverdueKey('customs', null)).toEqual({
      ruleId: 'suspected_dereliction',
      subjectKey: 'resolution_overdue|agency:customs',
    });
    expect(
      repeatedOverdueNotice({ ...tally, dueAts: [] }, { id: 'n', seq: 1 }, new Date(), defaultRulesConfig),
    ).toBeNull();
  });
});
