import { describe, expect, it } from 'vitest';
import { dateOfJulianDay, julianDay, lunarToSolar, tetDate } from './lunar-calendar.ts';

describe('Vietnamese lunar calendar', () => {
  it('round-trips Julian day numbers', () => {
    expect(julianDay(2000, 1, 1)).toBe(2451545);
    for (const d of ['1999-12-31', '2024-02-29', '2025-01-29', '2100-12-31'])
      expect(dateOfJulianDay(julianDay(+d.slice(0, 4), +d.slice(5, 7), +d.slice(8, 10)))).toBe(d);
  });

  it('finds Tết as announced in Vietnam, 2020–2035', () => {
    const tet: Record<number, string> = {
      2020: '2020-01-25',
      2021: '2021-02-12',
      2022: '2022-02-01',
      2023: '2023-01-22',
      2024: '2024-02-10',
      2025: '2025-01-29',
      2026: '2026-02-17',
      2027: '2027-02-06',
      2028: '2028-01-26',
      2029: '2029-02-13',
      2033: '2033-01-31',
      2035: '2035-02-08',
    };
    for (const [y, d] of Object.entries(tet)) expect(tetDate(Number(y)), y).toBe(d);
  });

  it('uses the Vietnamese meridian (UTC+7): Tết 1985 and 2007 differ from the Chinese New Year', () => {
    expect(tetDate(1985)).toBe('1985-01-21'); // China: 20 Feb 1985
    expect(tetDate(2007)).toBe('2007-02-17'); // China: 18 Feb 2007
    // the new moon of 2 Feb 2030 falls at 23:07 in Hà Nội, 00:07 on 3 Feb in Beijing
    expect(tetDate(2030)).toBe('2030-02-02'); // China: 3 Feb 2030
  });

  it('places the Hùng Kings day (10/3 lunar), across leap years', () => {
    expect(lunarToSolar(2023, 3, 10)).toBe('2023-04-29'); // 2023 had a leap 2nd month
    expect(lunarToSolar(2024, 3, 10)).toBe('2024-04-18');
    expect(lunarToSolar(2025, 3, 10)).toBe('2025-04-07');
    expect(lunarToSolar(2026, 3, 10)).toBe('2026-04-26');
  });
});
