import { describe, expect, it } from 'vitest';
import { addDays, parsePeriod, periodOf, periodsWithin, previousPeriod } from './periods.ts';

describe('DHIS2 period codes', () => {
  it('reads months, quarters, six-month periods and years', () => {
    expect(parsePeriod('202507')).toEqual({
      code: '202507',
      type: 'monthly',
      year: 2025,
      start: '2025-07-01',
      end: '2025-07-31',
    });
    expect(parsePeriod('202402')).toMatchObject({ end: '2024-02-29' });
    expect(parsePeriod('2025Q3')).toMatchObject({
      type: 'quarterly',
      start: '2025-07-01',
      end: '2025-09-30',
    });
    expect(parsePeriod('2025S1')).toMatchObject({
      type: 'six_monthly',
      start: '2025-01-01',
      end: '2025-06-30',
    });
    expect(parsePeriod('2025S2')).toMatchObject({ start: '2025-07-01', end: '2025-12-31' });
    expect(parsePeriod('2025')).toMatchObject({ type: 'yearly', start: '2025-01-01', end: '2025-12-31' });
  });

  it('refuses what is not a period code, or out of 2000–2100', () => {
    for (const bad of [
      '202513',
      '202500',
      '2025Q5',
      '2025S3',
      '2025-07',
      '25',
      '1999',
      '2101Q1',
      '2025W1',
      '',
      'abc',
    ])
      expect(parsePeriod(bad), bad).toBeNull();
  });

  it('finds the period of a date, the previous period and the periods inside one', () => {
    expect(periodOf('quarterly', '2025-07-01')).toBe('2025Q3');
    expect(periodOf('six_monthly', '2025-06-30')).toBe('2025S1');
    expect(previousPeriod('202501')).toBe('202412');
    expect(previousPeriod('2025Q1')).toBe('2024Q4');
    expect(previousPeriod('2025S2')).toBe('2025S1');
    expect(previousPeriod('200001')).toBeNull();
    expect(periodsWithin('2025Q3', 'monthly')).toEqual(['202507', '202508', '202509']);
    expect(periodsWithin('2025', 'quarterly')).toEqual(['2025Q1', '2025Q2', '2025Q3', '2025Q4']);
    expect(periodsWithin('202507', 'quarterly')).toEqual([]);
    expect(addDays('2025-07-31', 15)).toBe('2025-08-15');
  });
});
