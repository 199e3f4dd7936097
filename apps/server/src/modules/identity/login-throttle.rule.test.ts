import { describe, expect, it } from 'vitest';
import { delayAfter } from './login-throttle.rule.ts';

describe('delayAfter', () => {
  it('is free below the allowance, then doubles up to the window', () => {
    expect([1, 4, 5, 6, 7, 8, 20].map((f) => delayAfter(f, 5, 15))).toEqual([0, 0, 30, 60, 120, 240, 900]);
  });
});
