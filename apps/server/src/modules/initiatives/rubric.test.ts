import { describe, expect, it } from 'vitest';
import {
  aggregate,
  allScored,
  checkCriteria,
  checkScores,
  scoreRefusal,
  weightedScore,
  type Rubric,
} from './rubric.ts';

const rubric: Rubric = {
  scaleMax: 5,
  criteria: [
    { code: 'novelty', weight: 25, name: 'Tính mới', nameEn: 'Novelty' },
    { code: 'feasibility', weight: 25, name: 'Khả thi', nameEn: 'Feasibility' },
    { code: 'impact', weight: 50, name: 'Tác động', nameEn: 'Impact' },
  ],
};

describe('the initiative rubric', () => {
  it('weights each criterion and scales to 0..100', () => {
    expect(weightedScore(rubric, { novelty: 5, feasibility: 5, impact: 5 })).toBe(100);
    expect(weightedScore(rubric, { novelty: 0, feasibility: 0, impact: 0 })).toBe(0);
    // (25·4 + 25·2 + 50·3) / (100·5) = 300/500
    expect(weightedScore(rubric, { novelty: 4, feasibility: 2, impact: 3 })).toBe(60);
    // the heavier criterion moves the score more
    expect(weightedScore(rubric, { novelty: 0, feasibility: 0, impact: 5 })).toBe(50);
    expect(weightedScore(rubric, { novelty: 5, feasibility: 0, impact: 0 })).toBe(25);
  });

  it('aggregates with the spread: mean, population std dev, min, max, per criterion', () => {
    const a = aggregate(rubric, [
      { novelty: 5, feasibility: 5, impact: 5 }, // 100
      { novelty: 0, feasibility: 0, impact: 5 }, // 50
      { novelty: 4, feasibility: 2, impact: 3 }, // 60
    ])!;
    expect(a.n).toBe(3);
    expect(a.mean).toBe(70);
    expect(a.min).toBe(50);
    expect(a.max).toBe(100);
    // sqrt(((30)² + (20)² + (10)²) / 3) = sqrt(466.67) = 21.6
    expect(a.stdDev).toBe(21.6);
    expect(a.byCriterion).toEqual({ novelty: 3, feasibility: 2.3, impact: 4.3 });
    expect(aggregate(rubric, [{ novelty: 3, feasibility: 3, impact: 3 }])!.stdDev).toBe(0);
    expect(aggregate(rubric, [])).toBeNull();
  });

  it('refuses missing, unknown and out-of-range scores', () => {
    expect(checkScores(rubric, { novelty: 1, feasibility: 2, impact: 3 })).toEqual([]);
    expect(checkScores(rubric, { novelty: 1, feasibility: 2 })).toEqual([
      { path: 'scores.impact', key: 'rubric_score_missing' },
    ]);
    expect(checkScores(rubric, { novelty: 6, feasibility: -1, impact: 2.5, x: 1 })).toEqual([
      { path: 'scores.novelty', key: 'rubric_score_range', max: 5 },
      { path: 'scores.feasibility', key: 'rubric_score_range', max: 5 },
      { path: 'scores.impact', key: 'rubric_score_range', max: 5 },
      { path: 'scores.x', key: 'rubric_score_unknown' },
    ]);
  });

  it('checks a new version’s criteria', () => {
    expect(checkCriteria(rubric.criteria)).toEqual([]);
    expect(checkCriteria([])).toEqual(['criteria']);
    expect(
      checkCriteria([
        { code: 'a', weight: 0, name: 'A', nameEn: 'A' },
        { code: 'a', weight: 2, name: 'A', nameEn: 'A' },
      ]),
    ).toEqual(['criteria.0.weight', 'criteria.1.code']);
  });

  it('reveals scores only when every non-conflicted expert has scored', () => {
    expect(allScored([])).toBe(false);
    expect(allScored([{ conflict: 'declared', scored: false }])).toBe(false);
    expect(
      allScored([
        { conflict: 'none', scored: true },
        { conflict: 'undeclared', scored: false },
      ]),
    ).toBe(false);
    expect(
      allScored([
        { conflict: 'none', scored: true },
        { conflict: 'declared', scored: false },
      ]),
    ).toBe(true);
  });

  it('lets only an assigned expert who declared no conflict score', () => {
    expect(scoreRefusal(undefined)).toBe('expert_not_assigned');
    expect(scoreRefusal({ conflict: 'declared', scored: false })).toBe('expert_conflict_declared');
    expect(scoreRefusal({ conflict: 'undeclared', scored: false })).toBe('expert_conflict_undeclared');
    expect(scoreRefusal({ conflict: 'none', scored: true })).toBeNull();
  });
});
