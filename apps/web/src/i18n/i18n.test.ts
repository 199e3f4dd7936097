import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { translate } from './translate.ts';
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
});
