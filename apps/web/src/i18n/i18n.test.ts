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
