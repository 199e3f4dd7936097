import { describe, expect, it } from 'vitest';
import { compare, evaluate, ExpressionError, parseExpression, referencedCodes } from './expression.ts';

const vals = (o: Record<string, number | null>) => new Map(Object.entries(o));

describe('DHIS2 expressions', () => {
  it('parses references, numbers, precedence and parentheses', () => {
    const e = parseExpression('#{ONLINE} * 100 / (#{TOTAL} - #{EXCLUDED.abcDEF12345})');
    expect(referencedCodes(e)).toEqual(['ONLINE', 'TOTAL', 'EXCLUDED']);
    expect(evaluate(e, vals({ ONLINE: 30, TOTAL: 80, EXCLUDED: 20 }))).toBe(50);
    expect(evaluate(parseExpression('1 + 2 * 3'), vals({}))).toBe(7);
    expect(evaluate(parseExpression('-(#{A}) + 1.5e1'), vals({ A: 5 }))).toBe(10);
  });

  it('is null when every reference is missing, counts a single missing one as 0, null on division by 0', () => {
    const e = parseExpression('#{A} + #{B}');
    expect(evaluate(e, vals({}))).toBeNull();
    expect(evaluate(e, vals({ A: 2 }))).toBe(2);
    expect(evaluate(parseExpression('#{A} / #{B}'), vals({ A: 2, B: 0 }))).toBeNull();
  });

  it('gives the position of a syntax error', () => {
    for (const [src, at] of [
      ['#{A} +', 6],
      ['#{A', 0],
      ['#{A} $ 2', 5],
      ['(1 + 2', 6],
      ['1 2', 2],
      ['#{}', 0],
      ['#{A B}', 0],
    ] as const) {
      try {
        parseExpression(src);
        expect.unreachable(src);
      } catch (e) {
        expect(e, src).toBeInstanceOf(ExpressionError);
        expect((e as ExpressionError).position, src).toBe(at);
      }
    }
    expect(() => parseExpression('('.repeat(200) + '1' + ')'.repeat(200))).toThrow(ExpressionError);
    expect(() => parseExpression('1+'.repeat(1001) + '1')).toThrow(ExpressionError);
  });

  it('compares the sides of a validation rule', () => {
    expect(compare(3, '<=', 3)).toBe(true);
    expect(compare(4, '<=', 3)).toBe(false);
    expect(compare(0.1 + 0.2, '==', 0.3)).toBe(true);
    expect(compare(null, '<', 3)).toBeNull();
  });
});
