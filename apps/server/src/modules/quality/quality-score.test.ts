import { describe, expect, it } from 'vitest';
import { FORMULA_VERSION, gradeOf, registerSharedScore, scoreOf, unitScore } from './quality-score.ts';

const reg = { connectedToPlatform: true, consumerUnits: 3, sharedApis: 1 };

describe('quality score formula', () => {
  it('scores each criterion as the share of its checks that passed, shared from the register', () => {
    const s = scoreOf(
      [
        { criterion: 'correct', pass: true },
        { criterion: 'correct', pass: false },
        { criterion: 'sufficient', pass: true },
        { criterion: 'clean', pass: false },
      ],
      reg,
    );
    expect(s.criteria).toEqual({
      correct: 50,
      sufficient: 100,
      clean: 0,
      living: null,
      unified: null,
      shared: 84,
    });
    expect(s.score).toBe(58.5); // (50 + 100 + 0 + 84) / 4
    expect(s.grade).toBe('C');
    expect(s.formulaVersion).toBe(FORMULA_VERSION);
  });

  it('averages register and checks for shared; register caps consumers at 5', () => {
    expect(registerSharedScore({ connectedToPlatform: false, consumerUnits: 9, sharedApis: 0 })).toBe(40);
    const s = scoreOf([{ criterion: 'shared', pass: false }], reg);
    expect(s.criteria.shared).toBe(42);
  });

  it('grades A only when all six criteria are scored and none is below 50', () => {
    const full = { correct: 100, sufficient: 100, clean: 100, living: 100, unified: 100, shared: 100 };
    expect(gradeOf(100, full)).toBe('A');
    expect(gradeOf(90, { ...full, living: null })).toBe('B');
    expect(gradeOf(85, { ...full, clean: 40 })).toBe('B');
    expect(gradeOf(59.9, full)).toBe('C');
  });

  it('unit score is the mean of its databases', () => {
    expect(
      unitScore([
        { score: 90, grade: 'A' },
        { score: 70, grade: 'B' },
      ]),
    ).toEqual({ score: 80, grade: 'B' });
    expect(
      unitScore([
        { score: 90, grade: 'A' },
        { score: 84, grade: 'A' },
      ]),
    ).toEqual({ score: 87, grade: 'A' });
    expect(unitScore([])).toBeNull();
  });
});
