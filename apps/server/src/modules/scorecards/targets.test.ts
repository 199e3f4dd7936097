import { describe, expect, it } from 'vitest';
import { targetOn, targetSeries, trajectoryFor } from './targets.ts';

const fiveG = [
  { date: '2025-12-31', value: 90 },
  { date: '2025-06-30', value: 26 },
];

describe('targets and trajectories', () => {
  it('interpolates between points by days, in any input order', () => {
    expect(targetOn(fiveG, '2025-06-30')).toBe(26);
    expect(targetOn(fiveG, '2025-12-31')).toBe(90);
    // 2025-09-30 is 92 of 184 days along: 26 + 64 × 92/184 = 58
    expect(targetOn(fiveG, '2025-09-30')).toBeCloseTo(58, 6);
  });

  it('has no target before the first point and keeps the last one after', () => {
    expect(targetOn(fiveG, '2025-06-29')).toBeNull();
    expect(targetOn(fiveG, '2026-03-31')).toBe(90);
    expect(targetOn([], '2025-01-01')).toBeNull();
  });

  it('a unit with its own points uses them, the others the national ones', () => {
    const points = [
      { unitId: null, date: '2025-12-31', value: 90 },
      { unitId: 'hn', date: '2025-12-31', value: 95 },
    ];
    expect(trajectoryFor(points, 'hn').map((p) => p.value)).toEqual([95]);
    expect(trajectoryFor(points, 'hue').map((p) => p.value)).toEqual([90]);
  });

  it('gives a series for a chart', () => {
    expect(targetSeries(fiveG, ['2025-05-31', '2025-06-30', '2025-12-31'])).toEqual([null, 26, 90]);
  });
});
