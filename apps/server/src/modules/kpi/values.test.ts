import { describe, expect, it } from 'vitest';
import { parseValue } from './values.ts';

describe('value types', () => {
  it('keeps numbers canonical and refuses what is not one', () => {
    expect(parseValue('number', '39,51')).toEqual({ value: '39.51', num: 39.51 });
    expect(parseValue('number', 12)).toEqual({ value: '12', num: 12 });
    expect(parseValue('number', ' 007 ')).toEqual({ value: '7', num: 7 });
    expect(parseValue('number', 'abc')).toBeNull();
    expect(parseValue('number', '1e400')).toBeNull();
    expect(parseValue('number', true)).toBeNull();
    expect(parseValue('integer', '3.5')).toBeNull();
    expect(parseValue('integer', '-4')).toEqual({ value: '-4', num: -4 });
    expect(parseValue('percentage', '100.5')).toBeNull();
    expect(parseValue('percentage', '26')).toEqual({ value: '26', num: 26 });
  });

  it('reads yes/no and text', () => {
    expect(parseValue('yes_no', true)).toEqual({ value: 'true', num: 1 });
    expect(parseValue('yes_no', 'false')).toEqual({ value: 'false', num: 0 });
    expect(parseValue('yes_no', 'maybe')).toBeNull();
    expect(parseValue('text', '  ghi chú ')).toEqual({ value: 'ghi chú', num: null });
    expect(parseValue('text', '   ')).toBeNull();
  });
});
