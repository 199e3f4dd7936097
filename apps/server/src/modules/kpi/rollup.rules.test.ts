import { describe, expect, it } from 'vitest';
import { parseExpression } from './expression.ts';
import { combine, indicatorFigure } from './rollup.rules.ts';

const part = (s: number, n: number, mn = s, mx = s, former: string | null = null) => ({
  unit_id: 'u',
  element_id: 'e',
  former,
  s,
  n,
  mn,
  mx,
});

describe('roll-up rules', () => {
  it('combines partial aggregates per aggregation type and flags former units', () => {
    const parts = [part(10, 2, 3, 7), part(20, 1, 20, 20, '02')];
    expect(combine(parts, 'sum')).toEqual({ value: 30, former: new Set(['02']) });
    expect(combine(parts, 'average').value).toBe(10);
    expect(combine(parts, 'min').value).toBe(3);
    expect(combine(parts, 'max').value).toBe(20);
    expect(combine(parts, 'none').value).toBeNull();
    expect(combine([], 'sum').value).toBeNull();
  });

  it('is the ratio of the sums, not the mean of the ratios', () => {
    // commune A: 1 of 10 online (10 %), commune B: 90 of 100 (90 %) → province 91 / 110 = 82.73 %, not 50 %
    const ind = {
      numerator: parseExpression('#{ON}'),
      denominator: parseExpression('#{ALL}'),
      factor: 100,
      decimals: 2,
    };
    const fig = indicatorFigure(
      ind,
      new Map([
        ['ON', 91],
        ['ALL', 110],
      ]),
      new Set(),
    );
    expect(fig).toEqual({ value: 82.73, numerator: 91, denominator: 110, former: [] });
    expect(
      indicatorFigure(
        ind,
        new Map([
          ['ON', 5],
          ['ALL', 0],
        ]),
        new Set(),
      ).value,
    ).toBeNull();
  });
});
