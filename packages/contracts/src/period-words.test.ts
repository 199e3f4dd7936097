import { describe, expect, it } from 'vitest';
import { periodInWords } from './period-words.ts';

describe('periods in words', () => {
  it.each([
    ['2026-10', 'tháng 10/2026', 'October 2026'],
    ['2026-01', 'tháng 1/2026', 'January 2026'],
    ['2026-Q3', 'quý 3/2026', 'Q3 2026'],
    ['2026-H1', '6 tháng đầu năm 2026', 'first half of 2026'],
    ['2026-H2', '6 tháng cuối năm 2026', 'second half of 2026'],
    ['2026', 'năm 2026', '2026'],
    ['not-a-period', 'not-a-period', 'not-a-period'],
  ])('%s', (key, vi, en) => {
    expect(periodInWords('vi', key)).toBe(vi);
    expect(periodInWords('en', key)).toBe(en);
  });
});
