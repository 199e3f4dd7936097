/**
 * The scorecard formula (pure): a unit's composite score for a period from its components' values.
 *
 * - A formula VERSION is a list of components `{ key, weight }` (weights ≥ 0, at least one > 0). Versions are
 *   never changed once stored: steering staff editing weights creates the next version, and every score
 *   result stores the version it used and its components' values, so an old ranking is reproduced exactly.
 * - A component's value is 0..100 (higher is better) or null when the unit has nothing to judge it on
 *   (no task due, no indicator with a target). A null component does not count: the other components'
 *   weights are rescaled to sum to 1. No component with a value → no score (null), ranked last.
 * - score = Σ weightᵢ · valueᵢ / Σ weightᵢ over the components with a value, rounded to 2 decimals.
 * - Ranking: by score descending; equal scores share a rank (1, 2, 2, 4); no score comes last, unranked.
 * - change: score − score of the previous period's result for the same unit (null if either is missing).
 */
export interface FormulaComponent {
  key: string;
  weight: number;
}

export interface ComponentValue {
  key: string;
  value: number | null;
}

export interface ScoredComponent {
  key: string;
  weight: number;
  value: number | null;
  /** Points this component adds to the score (its rescaled weight × value). */
  contribution: number;
}

export interface CompositeScore {
  score: number | null;
  components: ScoredComponent[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Problems with a proposed formula (empty when valid): keys of message. */
export function formulaProblems(
  components: readonly FormulaComponent[],
  knownKeys: readonly string[],
): { key: string; problem: 'unknown_component' | 'duplicate_component' | 'bad_weight' | 'no_weight' }[] {
  const out: ReturnType<typeof formulaProblems> = [];
  const seen = new Set<string>();
  for (const c of components) {
    if (!knownKeys.includes(c.key)) out.push({ key: c.key, problem: 'unknown_component' });
    if (seen.has(c.key)) out.push({ key: c.key, problem: 'duplicate_component' });
    seen.add(c.key);
    if (!Number.isFinite(c.weight) || c.weight < 0) out.push({ key: c.key, problem: 'bad_weight' });
  }
  if (!components.some((c) => c.weight > 0)) out.push({ key: '', problem: 'no_weight' });
  return out;
}

export function compositeScore(
  formula: readonly FormulaComponent[],
  values: readonly ComponentValue[],
): CompositeScore {
  const valueOf = new Map(values.map((v) => [v.key, v.value]));
  const clamp = (v: number) => Math.min(100, Math.max(0, v));
  const present = formula.filter((c) => {
    const v = valueOf.get(c.key);
    return c.weight > 0 && v !== null && v !== undefined && Number.isFinite(v);
  });
  const totalWeight = present.reduce((s, c) => s + c.weight, 0);
  const components = formula.map((c) => {
    const raw = valueOf.get(c.key);
    const value = raw === undefined || raw === null || !Number.isFinite(raw) ? null : round2(clamp(raw));
    const counts = totalWeight > 0 && value !== null && c.weight > 0;
    return {
      key: c.key,
      weight: c.weight,
      value,
      contribution: counts ? round2((c.weight / totalWeight) * value) : 0,
    };
  });
  if (totalWeight === 0) return { score: null, components };
  const score = present.reduce((s, c) => s + c.weight * clamp(valueOf.get(c.key)!), 0) / totalWeight;
  return { score: round2(score), components };
}

export interface Rankable {
  score: number | null;
}

/** Ranks by score descending, ties sharing a rank (competition ranking); null scores are unranked, last. */
export function rank<T extends Rankable>(
  rows: readonly T[],
  tieBreak: (a: T, b: T) => number,
): (T & { rank: number | null })[] {
  const sorted = [...rows].sort((a, b) => {
    if (a.score === null || b.score === null) {
      if (a.score === b.score) return tieBreak(a, b);
      return a.score === null ? 1 : -1;
    }
    return b.score - a.score || tieBreak(a, b);
  });
  let lastScore: number | null = null;
  let lastRank = 0;
  return sorted.map((row, i) => {
    if (row.score === null) return { ...row, rank: null };
    if (row.score !== lastScore) {
      lastRank = i + 1;
      lastScore = row.score;
    }
    return { ...row, rank: lastRank };
  });
}

/** Score change since the previous period (null when either is missing). */
export function scoreChange(current: number | null, previous: number | null | undefined): number | null {
  if (current === null || previous === null || previous === undefined) return null;
  return round2(current - previous);
}
