import { describe, expect, it } from 'vitest';
import { normalizeDigits, normalizePersian, searchKey } from '../src/index.ts';

describe('normalizeDigits', () => {
  it('turns Persian and Arabic-Indic digits into ASCII and keeps everything else', () => {
    expect(normalizeDigits('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
    expect(normalizeDigits('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
    expect(normalizeDigits('پرونده ۱۴۰۴/٥٥')).toBe('پرونده 1404/55');
    expect(normalizeDigits('abc 123')).toBe('abc 123');
  });
});

describe('normalizePersian', () => {
  it('writes Arabic yeh and kaf as Persian ی and ک', () => {
    expect(normalizePersian('علي')).toBe('علی');
    expect(normalizePersian('كالا')).toBe('کالا');
    expect(normalizePersian('مصطفى')).toBe('مصطفی');
    expect(normalizePersian('كد ۱۲۳')).toBe('کد 123');
  });

  it('leaves text that is already Persian unchanged', () => {
    const text = 'گمرک بندر امام خمینی';
    expect(normalizePersian(text)).toBe(text);
  });
});

describe('searchKey', () => {
  it('matches Arabic and Persian spellings and digits alike', () => {
    expect(searchKey('شركت نفت ۱۲')).toBe(searchKey('شرکت نفت 12'));
    expect(searchKey('علي')).toBe('علی');
  });

  it('treats the zero-width non-joiner as a word break and collapses whitespace', () => {
    expect(searchKey('کتاب\u200cها')).toBe('کتاب ها');
    expect(searchKey('  کتاب   ها\n')).toBe('کتاب ها');
  });

  it('drops diacritics, hamza marks, tatweel and invisible marks', () => {
    expect(searchKey('أحمد')).toBe('احمد');
    expect(searchKey('مُحَمَّد')).toBe('محمد');
    expect(searchKey('آبادان')).toBe('ابادان');
    expect(searchKey('خرمـــشهر')).toBe('خرمشهر');
    expect(searchKey('\u200fتهران\u200d')).toBe('تهران');
    expect(searchKey('مؤسسه')).toBe('موسسه');
    expect(searchKey('ﻙ')).toBe('ک');
  });

  it('lower-cases Latin letters', () => {
    expect(searchKey('Bandar IMAM')).toBe('bandar imam');
  });
});
