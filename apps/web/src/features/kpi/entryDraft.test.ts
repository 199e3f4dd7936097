import { describe, expect, it } from 'vitest';
import { valueProblem } from './entryDraft.ts';

describe('data entry validation as you type', () => {
  it('checks a value against its element type', () => {
    expect(valueProblem('integer', '12')).toBeNull();
    expect(valueProblem('integer', '12.5')).toBe('kpi.entry.err.integer');
    expect(valueProblem('number', '12.5')).toBeNull();
    expect(valueProblem('number', 'abc')).toBe('kpi.entry.err.number');
    expect(valueProblem('percentage', '101')).toBe('kpi.entry.err.percentage');
    expect(valueProblem('percentage', '99.5')).toBeNull();
    expect(valueProblem('yes_no', 'maybe')).toBe('kpi.entry.err.yesNo');
    expect(valueProblem('integer', '  ')).toBeNull();
  });
});
