/**
 * The rubric rule of initiative evaluation, in one pure file (no I/O; tests: rubric.test.ts).
 *
 * - A rubric version is a list of criteria with positive integer weights; scores are integers 0..scaleMax.
 * - One expert's score = Σ weightᵢ·scoreᵢ / (Σ weightᵢ · scaleMax) × 100 (0..100, one decimal).
 * - The aggregate over the experts who scored: mean, population standard deviation, min, max, n, and the
 *   mean of each criterion (on its own scale).
 * - Blind scoring: no score of an initiative is revealed to anybody but its author until every assigned
 *   expert who did not declare a conflict has scored (and at least one has).
 */

export interface Criterion {
  code: string;
  weight: number;
  name: string;
  nameEn: string;
}

export interface Rubric {
  criteria: readonly Criterion[];
  scaleMax: number;
}

export type Scores = Record<string, number>;

export type ScoreProblem =
  | { path: string; key: 'rubric_score_missing' }
  | { path: string; key: 'rubric_score_unknown' }
  | { path: string; key: 'rubric_score_range'; max: number };

/** What is wrong with one expert's scores against the rubric (empty: valid). */
export function checkScores(rubric: Rubric, scores: Scores): ScoreProblem[] {
  const problems: ScoreProblem[] = [];
  const codes = new Set(rubric.criteria.map((c) => c.code));
  for (const c of rubric.criteria) {
    const s = scores[c.code];
    if (s === undefined) problems.push({ path: `scores.${c.code}`, key: 'rubric_score_missing' });
    else if (!Number.isInteger(s) || s < 0 || s > rubric.scaleMax)
      problems.push({ path: `scores.${c.code}`, key: 'rubric_score_range', max: rubric.scaleMax });
  }
  for (const code of Object.keys(scores))
    if (!codes.has(code)) problems.push({ path: `scores.${code}`, key: 'rubric_score_unknown' });
  return problems;
}

/** A rubric's criteria are valid: unique non-empty codes, integer weights ≥ 1. */
export function checkCriteria(criteria: readonly Criterion[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  criteria.forEach((c, i) => {
    if (seen.has(c.code)) problems.push(`criteria.${i}.code`);
    seen.add(c.code);
    if (!Number.isInteger(c.weight) || c.weight < 1) problems.push(`criteria.${i}.weight`);
  });
  if (criteria.length === 0) problems.push('criteria');
  return problems;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** One expert's weighted score on 0..100. */
export function weightedScore(rubric: Rubric, scores: Scores): number {
  const total = rubric.criteria.reduce((sum, c) => sum + c.weight, 0);
  const got = rubric.criteria.reduce((sum, c) => sum + c.weight * (scores[c.code] ?? 0), 0);
  return total === 0 ? 0 : round1((got / (total * rubric.scaleMax)) * 100);
}

export interface Aggregate {
  n: number;
  mean: number;
  stdDev: number;
  min: number;
  max: number;
  byCriterion: Record<string, number>;
}

/** The aggregate of the experts' scores (null when nobody scored). */
export function aggregate(rubric: Rubric, all: readonly Scores[]): Aggregate | null {
  if (all.length === 0) return null;
  const totals = all.map((s) => weightedScore(rubric, s));
  const mean = totals.reduce((a, b) => a + b, 0) / totals.length;
  const variance = totals.reduce((a, x) => a + (x - mean) ** 2, 0) / totals.length;
  const byCriterion: Record<string, number> = {};
  for (const c of rubric.criteria)
    byCriterion[c.code] = round1(all.reduce((a, s) => a + (s[c.code] ?? 0), 0) / all.length);
  return {
    n: totals.length,
    mean: round1(mean),
    stdDev: round1(Math.sqrt(variance)),
    min: Math.min(...totals),
    max: Math.max(...totals),
    byCriterion,
  };
}

export type Conflict = 'undeclared' | 'none' | 'declared';

export interface ExpertState {
  conflict: Conflict;
  scored: boolean;
}

/** The experts whose scores count: assigned and not conflicted. */
export const countingExperts = <T extends ExpertState>(experts: readonly T[]) =>
  experts.filter((e) => e.conflict !== 'declared');

/** Every counting expert has scored (and there is at least one). */
export function allScored(experts: readonly ExpertState[]): boolean {
  const counting = countingExperts(experts);
  return counting.length > 0 && counting.every((e) => e.scored);
}

/** Why an expert may not score now (null: may score). */
export function scoreRefusal(
  expert: ExpertState | undefined,
): 'expert_not_assigned' | 'expert_conflict_declared' | 'expert_conflict_undeclared' | null {
  if (!expert) return 'expert_not_assigned';
  if (expert.conflict === 'declared') return 'expert_conflict_declared';
  if (expert.conflict === 'undeclared') return 'expert_conflict_undeclared';
  return null;
}
