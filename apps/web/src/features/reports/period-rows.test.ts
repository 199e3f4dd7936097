import { describe, expect, it } from 'vitest';
import { defaultPeriod, shownPeriods, startingProgress } from './period-rows.ts';

const p = (period: string, over: Partial<{ reportId: string; status: string; missing: boolean }> = {}) => ({
  period,
  reportId: over.reportId ?? null,
  status: over.status ?? null,
  missing: over.missing ?? false,
});

describe('periods shown on an assignment page (issue 8, bug 4)', () => {
  it('never hides a period that has a report or whose report is missing', () => {
    const periods = [
      p('2026-12'),
      ...Array.from({ length: 10 }, (_, i) => p(`2026-0${i}`, { missing: true })),
      p('2025-01', { reportId: 'r1', status: 'accepted' }),
      p('2024-12', { status: 'draft', reportId: 'r0' }),
      p('2024-11'),
    ];
    const { shown, hidden } = shownPeriods(periods, false);
    expect(shown.map((x) => x.period)).toContain('2025-01');
    expect(shown.map((x) => x.period)).toContain('2024-12');
    expect(shown.filter((x) => x.missing)).toHaveLength(10);
    expect(hidden).toBe(1);
    expect(shownPeriods(periods, true).hidden).toBe(0);
  });
});

describe('the report form opens on the oldest period not yet reported', () => {
  it('picks the oldest missing, returned or draft period, else the latest; a period asked for wins', () => {
    const periods = [
      p('2026-11'),
      p('2026-10', { missing: true }),
      p('2026-09', { status: 'returned', missing: true }),
      p('2026-08', { status: 'accepted' }),
    ];
    expect(defaultPeriod(periods, null)?.period).toBe('2026-09');
    expect(defaultPeriod(periods, '2026-11')?.period).toBe('2026-11');
    expect(defaultPeriod(periods, 'nonsense')?.period).toBe('2026-09');
    expect(defaultPeriod([p('2026-11'), p('2026-10', { status: 'submitted' })], null)?.period).toBe(
      '2026-11',
    );
  });
});

describe('a new report starts from the latest sent report of an earlier period', () => {
  it('does not pre-fill an old period with a later figure', () => {
    const reports = [
      { periodEnd: '2025-12-31', progress: 100, status: 'submitted' },
      { periodEnd: '2025-06-30', progress: 40, status: 'accepted' },
      { periodEnd: '2025-07-31', progress: 55, status: 'returned' },
    ];
    expect(startingProgress(reports, '2025-08-01')).toBe(40);
    expect(startingProgress(reports, '2026-01-01')).toBe(100);
    expect(startingProgress(reports, '2025-01-01')).toBe(0);
  });
});
