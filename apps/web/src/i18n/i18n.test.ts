import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { formatDate, formatDateTime, translate } from './translate.ts';
import { vi } from './vi.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  it('have the same keys and placeholders in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const [key, text] of Object.entries(vi)) {
      expect(placeholders(en[key as keyof typeof vi]), key).toEqual(placeholders(text));
      expect(en[key as keyof typeof vi].trim(), key).not.toBe('');
    }
  });

  it('interpolates and formats numbers per language', () => {
    expect(translate('vi', 'org.childCount', { count: 3321 })).toBe('3.321 đơn vị trực thuộc');
    expect(translate('en', 'org.childCount', { count: 3321 })).toBe('3,321 units under it');
    expect(translate('en', 'home.title', { name: 'Lan' })).toBe('Welcome, Lan');
  });

  it('formats dates in Vietnam time, day first', () => {
    expect(formatDateTime('vi', '2026-11-22T17:08:37Z')).toBe('23/11/2026 00:08:37');
    expect(formatDateTime('en', '2026-11-22T17:08:37Z')).toBe('23/11/2026 00:08:37');
    expect(formatDate('vi', '2025-03-01')).toBe('1 tháng 3, 2025');
    expect(formatDate('en', '2025-03-01')).toBe('1 March 2025');
  });
});

describe('dictionaries are complete (issue 8)', () => {
  it('no empty value in either language, no key left as its own text', () => {
    for (const dict of [vi, en] as Record<string, string>[])
      for (const [key, text] of Object.entries(dict)) {
        expect(text.trim(), key).not.toBe('');
        expect(text, key).not.toBe(key);
      }
  });

  it('English values carry no Vietnamese and Vietnamese values no period codes', () => {
    const vietnamese = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;
    // names kept in Vietnamese on purpose (the language switch shows "Tiếng Việt" in both languages)
    const allowed = new Set(['lang.vi']);
    for (const [key, text] of Object.entries(en))
      if (!allowed.has(key)) expect(vietnamese.test(text), `${key}: ${text}`).toBe(false);
    for (const [key, text] of Object.entries({ ...vi, ...en }))
      expect(/\b\d{4}-(0[1-9]|1[0-2]|Q[1-4]|H[12])\b/.test(text), `${key}: ${text}`).toBe(false);
  });
});
