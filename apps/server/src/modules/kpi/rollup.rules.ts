import type { Aggregation } from '@pilotage/contracts';
import { evaluate, type Expr } from './expression.ts';
import type { Partial } from './rollup.repository.ts';

/**
 * How partial aggregates become a unit's figure (pure). sum and last add up; average is the mean of every
 * value (total / count); min and max take the extreme; none is not aggregated. An indicator is evaluated on
 * the aggregated elements, so a ratio is the ratio of the sums, never the mean of the children's ratios.
 */
export interface Combined {
  value: number | null;
  former: Set<string>;
}

export function combine(parts: readonly Partial[], aggregation: Aggregation): Combined {
  const former = new Set<string>();
  let s = 0;
  let n = 0;
  let mn: number | null = null;
  let mx: number | null = null;
  for (const p of parts) {
    if (p.n === 0) continue;
    if (p.former) former.add(p.former);
    s += p.s ?? 0;
    n += p.n;
    if (p.mn !== null) mn = mn === null ? p.mn : Math.min(mn, p.mn);
    if (p.mx !== null) mx = mx === null ? p.mx : Math.max(mx, p.mx);
  }
  if (n === 0) return { value: null, former };
  switch (aggregation) {
    case 'sum':
    case 'last':
      return { value: s, former };
    case 'average':
      return { value: s / n, former };
    case 'min':
      return { value: mn, former };
    case 'max':
      return { value: mx, former };
    case 'none':
      return { value: null, former };
  }
}

export interface IndicatorFigure {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  former: string[];
}

const round = (v: number | null, decimals: number) =>
  v === null ? null : Math.round(v * 10 ** decimals) / 10 ** decimals;

/** value = numerator / denominator × factor over one unit's aggregated element values. */
export function indicatorFigure(
  ind: { numerator: Expr; denominator: Expr; factor: number; decimals: number },
  values: ReadonlyMap<string, number | null>,
  former: ReadonlySet<string>,
): IndicatorFigure {
  const numerator = evaluate(ind.numerator, values);
  const denominator = evaluate(ind.denominator, values);
  const value =
    numerator === null || denominator === null || denominator === 0
      ? null
      : (numerator / denominator) * ind.factor;
  return {
    value: round(value, ind.decimals),
    numerator: round(numerator, 6),
    denominator: round(denominator, 6),
    former: [...former].sort(),
  };
}
