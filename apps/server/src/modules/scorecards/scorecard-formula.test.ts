import { describe, expect, it } from 'vitest';
import { compositeScore, formulaProblems, rank, scoreChange } from './scorecard-formula.ts';

const formula = [
  { key: 'tasks_on_time', weight: 3 },
  { key: 'reporting', weight: 1 },
  { key: 'kpi_achievement', weight: 1 },
];

describe('scorecard formula', () => {
  it('weights the components', () => {
    const r = compositeScore(formula, [
      { key: 'tasks_on_time', value: 80 },
      { key: 'reporting', value: 100 },
      { key: 'kpi_achievement', value: 50 },
    ]);
    expect(r.score).toBe(78); // (240 + 100 + 50) / 5
    expect(r.components.map((c) => c.contribution)).toEqual([48, 20, 10]);
  });

  it('a component without a value does not count; the other weights are rescaled', () => {
    const r = compositeScore(formula, [
      { key: 'tasks_on_time', value: 80 },
      { key: 'reporting', value: null },
      { key: 'kpi_achievement', value: 40 },
    ]);
    expect(r.score).toBe(70); // (240 + 40) / 4
    expect(r.components[1]).toEqual({ key: 'reporting', weight: 1, value: null, contribution: 0 });
  });

  it('no value at all gives no score; values are clamped to 0..100', () => {
    expect(compositeScore(formula, []).score).toBeNull();
    expect(compositeScore(formula, [{ key: 'reporting', value: 140 }]).score).toBe(100);
  });

  it('the same formula and values give the same score (reproducible)', () => {
    const values = [
      { key: 'tasks_on_time', value: 66.666 },
      { key: 'kpi_achievement', value: 12.5 },
    ];
    expect(compositeScore(formula, values)).toEqual(compositeScore([...formula], [...values]));
  });

  it('refuses unknown or duplicate components and formulas without weight', () => {
    const known = ['tasks_on_time', 'reporting'];
    expect(formulaProblems([{ key: 'tasks_on_time', weight: 1 }], known)).toEqual([]);
    expect(formulaProblems([{ key: 'x', weight: 1 }], known)).toEqual([
      { key: 'x', problem: 'unknown_component' },
    ]);
    expect(formulaProblems([{ key: 'reporting', weight: 0 }], known)).toEqual([
      { key: '', problem: 'no_weight' },
    ]);
    expect(
      formulaProblems(
        [
          { key: 'reporting', weight: 1 },
          { key: 'reporting', weight: -1 },
        ],
        known,
      ).map((p) => p.problem),
    ).toEqual(['duplicate_component', 'bad_weight']);
  });

  it('ranks with shared ranks for ties and unscored units last', () => {
    const rows = [
      { code: 'b', score: 70 },
      { code: 'a', score: 90 },
      { code: 'n', score: null },
      { code: 'c', score: 70 },
      { code: 'd', score: 10 },
    ];
    const ranked = rank(rows, (x, y) => x.code.localeCompare(y.code));
    expect(ranked.map((r) => [r.code, r.rank])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 2],
      ['d', 4],
      ['n', null],
    ]);
  });

  it('change is against the previous period', () => {
    expect(scoreChange(72.5, 70)).toBe(2.5);
    expect(scoreChange(72.5, null)).toBeNull();
    expect(scoreChange(null, 70)).toBeNull();
  });
});
