import { describe, expect, it } from 'vitest';
import { givesUp, retryDelayMs } from './mail.backoff.ts';

const opts = { baseMs: 30_000, maxMs: 3_600_000 };

describe('e-mail retry back-off (pure)', () => {
  it('doubles per failed attempt from the base, capped, with at most 10 % jitter', () => {
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a, opts, 0))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(20, opts, 0)).toBe(3_600_000);
    expect(retryDelayMs(1, opts, 0.999)).toBeLessThanOrEqual(33_000);
    expect(retryDelayMs(1, opts, 0.5)).toBe(31_500);
  });

  it('gives up after the maximum number of attempts', () => {
    expect(givesUp(7, 8)).toBe(false);
    expect(givesUp(8, 8)).toBe(true);
  });
});
