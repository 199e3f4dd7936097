import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  dueOn,
  frequencyOfKey,
  nextPeriod,
  periodBounds,
  periodOf,
  periodsBetween,
  MAX_PERIODS,
} from './reporting-period.ts';
import { judgedPeriodOf } from './status-engine.ts';

describe('reporting periods', () => {
  it('keys a date per frequency', () => {
    expect(periodOf('2025-06-30', 'monthly')).toBe('2025-06');
    expect(periodOf('2025-06-30', 'quarterly')).toBe('2025-Q2');
    expect(periodOf('2025-07-01', 'quarterly')).toBe('2025-Q3');
    expect(periodOf('2025-06-30', 'semiannual')).toBe('2025-H1');
    expect(periodOf('2025-07-01', 'semiannual')).toBe('2025-H2');
    expect(periodOf('2025-12-31', 'annual')).toBe('2025');
  });

  it('gives bounds, including leap February', () => {
    expect(periodBounds('2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(periodBounds('2025-02')).toEqual({ start: '2025-02-01', end: '2025-02-28' });
    expect(periodBounds('2025-Q2')).toEqual({ start: '2025-04-01', end: '2025-06-30' });
    expect(periodBounds('2025-H2')).toEqual({ start: '2025-07-01', end: '2025-12-31' });
    expect(periodBounds('2026')).toEqual({ start: '2026-01-01', end: '2026-12-31' });
    expect(() => periodBounds('2025-13')).toThrow(RangeError);
    expect(() => periodBounds('June')).toThrow(RangeError);
  });

  it('computes due dates across month and year ends', () => {
    expect(dueOn('2025-06', 5)).toBe('2025-07-05');
    expect(dueOn('2025-12', 10)).toBe('2026-01-10');
    expect(dueOn('2025-Q1', 0)).toBe('2025-03-31');
    expect(dueOn('2025-06')).toBe('2025-07-05');
  });

  it('lists periods between two dates', () => {
    expect(periodsBetween('2025-01-09', '2025-04-01', 'monthly')).toEqual([
      '2025-01',
      '2025-02',
      '2025-03',
      '2025-04',
    ]);
    expect(periodsBetween('2025-01-09', '2026-12-31', 'semiannual')).toEqual([
      '2025-H1',
      '2025-H2',
      '2026-H1',
      '2026-H2',
    ]);
    expect(periodsBetween('2025-11-15', '2026-02-01', 'quarterly')).toEqual(['2025-Q4', '2026-Q1']);
    expect(periodsBetween('2025-05-01', '2025-04-01', 'monthly')).toEqual([]);
  });

  it('has day arithmetic and key helpers', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(daysBetween('2025-01-01', '2025-12-31')).toBe(364);
    expect(frequencyOfKey('2025-H1')).toBe('semiannual');
    expect(nextPeriod('2025-12')).toBe('2026-01');
    expect(nextPeriod('2025-Q4')).toBe('2026-Q1');
  });

  it('reads years 0–99 as themselves, so period loops end (issue 7: asOf=0001-01-01 pinned the CPU)', () => {
    expect(addDays('0001-01-01', -1)).toBe('0000-12-31');
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
    expect(periodBounds('0050-02').end).toBe('0050-02-28');
    expect(judgedPeriodOf('2025-01-01', 'monthly', '0001-01-01', 5)).toBeNull();
    expect(judgedPeriodOf('2025-01-01', 'annual', '0099-06-30', 5)).toBeNull();
  });

  it('bounds every loop over periods', () => {
    expect(() => periodsBetween('0001-01-01', '9999-12-31', 'monthly')).toThrow(RangeError);
    expect(periodsBetween('2000-01-01', '2100-12-31', 'monthly')).toHaveLength(1212);
    expect(MAX_PERIODS).toBeGreaterThan(1212);
  });
});
