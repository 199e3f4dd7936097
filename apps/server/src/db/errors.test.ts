import { describe, expect, it } from 'vitest';
import { isConnectionError, isDataException } from './errors.ts';

describe('isConnectionError (a 503, not a 500)', () => {
  it('recognises a database that is away', () => {
    for (const code of [
      '57P01',
      '57P02',
      '57P03',
      '08000',
      '08003',
      '08006',
      '08P01',
      'ECONNREFUSED',
      'ECONNRESET',
    ])
      expect(isConnectionError(Object.assign(new Error('x'), { code })), code).toBe(true);
    expect(isConnectionError(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isConnectionError(new Error('timeout exceeded when trying to connect'))).toBe(true);
  });

  it('leaves the request’s own errors alone', () => {
    expect(isConnectionError(Object.assign(new Error('x'), { code: '23505' }))).toBe(false);
    expect(isConnectionError(Object.assign(new Error('x'), { code: '22007' }))).toBe(false);
    expect(isDataException(Object.assign(new Error('x'), { code: '22007' }))).toBe(true);
    expect(isConnectionError(new Error('syntax error at or near'))).toBe(false);
    expect(isConnectionError(null)).toBe(false);
  });
});
