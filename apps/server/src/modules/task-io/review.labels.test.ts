import { describe, expect, it } from 'vitest';
import { percent, reviewLabels } from './review.labels.ts';
import { sheetName } from './review.xlsx.ts';

describe('review document labels', () => {
  it('write shares and dates as each language does: 62,3 % and 30/06/2025 in Vietnamese', () => {
    expect(percent(623, 1000, 'vi')).toBe('62,3 %');
    expect(percent(623, 1000, 'en')).toBe('62.3%');
    expect(percent(1, 4, 'vi')).toBe('25 %');
    expect(percent(0, 0, 'vi')).toBe('0 %');
    expect(reviewLabels('vi').date('2025-06-30')).toBe('30/06/2025');
    expect(reviewLabels('en').date('2025-06-30')).toBe('2025-06-30');
    expect(reviewLabels('vi').percent(2, 3)).toBe('66,7 %');
  });

  it('name every sheet in full, within Excel’s 31 characters, in both languages', () => {
    for (const lang of ['vi', 'en'] as const) {
      const l = reviewLabels(lang);
      const names = [
        l.sheetOverview,
        l.sheetByUnit,
        l.sheetDone,
        l.sheetNotDone,
        l.sheetWhy,
        l.sheetOverdue,
        l.sheetMissing,
        l.sheetDifficulties,
      ];
      for (const n of names) expect(sheetName(n), n).toBe(n);
      expect(new Set(names).size).toBe(names.length);
    }
    expect(() => sheetName('VII. Units that did not report for the last period')).toThrow();
  });
});
