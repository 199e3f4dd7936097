import { describe, expect, it } from 'vitest';
import { asOfParam, withAsOf } from './as-of.ts';

describe('asOf carried on links (issue 8, bug 3)', () => {
  it('adds asOf to a path, with or without a query, and leaves it alone for today', () => {
    expect(withAsOf('/assignments/a1', '2025-06-30')).toBe('/assignments/a1?asOf=2025-06-30');
    expect(withAsOf('/assignments/a1/report?period=2025-06', '2025-06-30')).toBe(
      '/assignments/a1/report?period=2025-06&asOf=2025-06-30',
    );
    expect(withAsOf('/tasks?programmeId=p&asOf=2024-01-01', '2025-06-30')).toBe(
      '/tasks?programmeId=p&asOf=2025-06-30',
    );
    expect(withAsOf('/tasks/t1', undefined)).toBe('/tasks/t1');
  });
  it('reads only an ISO date from the URL', () => {
    expect(asOfParam('2025-06-30')).toBe('2025-06-30');
    expect(asOfParam('30/06/2025')).toBeUndefined();
    expect(asOfParam(null)).toBeUndefined();
  });
});
