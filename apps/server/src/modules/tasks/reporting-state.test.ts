import { describe, expect, it } from 'vitest';
import {
  periodsDueBetween,
  reportingPeriods,
  reportingSummary,
  type ReportingInput,
  type ReportingReport,
} from './reporting-state.ts';

const report = (
  period: string,
  status: ReportingReport['status'],
  submittedOn: string | null,
  progress = 10,
): ReportingReport => ({
  id: `00000000-0000-7000-8000-${period.replace('-', '').padStart(12, '0')}`,
  period,
  status,
  progress,
  submittedOn,
  submittedAt: submittedOn ? new Date(`${submittedOn}T03:00:00Z`) : null,
});

const input = (over: Partial<ReportingInput> = {}): ReportingInput => ({
  startDate: '2026-01-01',
  completedOn: null,
  frequency: 'monthly',
  reportDueDays: 5,
  reports: [],
  ...over,
});

describe('reporting periods of an assignment (issue 8, bug 4)', () => {
  it('stops at the completion period: no later period is listed or missing', () => {
    const periods = reportingPeriods(
      input({ completedOn: '2026-03-20', reports: [report('2026-03', 'accepted', '2026-03-21', 100)] }),
      '2026-12-01',
    );
    expect(periods.map((p) => p.period)).toEqual(['2026-03', '2026-02', '2026-01']);
    expect(periods.filter((p) => p.missing).map((p) => p.period)).toEqual(['2026-02', '2026-01']);
  });

  it('lists a period that has a report even after completion, never one after the date', () => {
    const periods = reportingPeriods(input({ reports: [report('2026-05', 'draft', null)] }), '2026-03-01');
    expect(periods.map((p) => p.period)).toEqual(['2026-03', '2026-02', '2026-01']);
    const later = reportingPeriods(input({ reports: [report('2026-05', 'draft', null)] }), '2026-06-01');
    expect(later.map((p) => p.period)).toContain('2026-05');
    const done = input({ completedOn: '2026-02-10', reports: [report('2026-04', 'accepted', '2026-05-02')] });
    expect(reportingPeriods(done, '2026-06-01').map((p) => p.period)).toEqual([
      '2026-04',
      '2026-02',
      '2026-01',
    ]);
  });

  it('is missing once due and not received as of the date (a later submission does not count yet)', () => {
    const i = input({ reports: [report('2026-01', 'submitted', '2026-03-10')] });
    expect(reportingPeriods(i, '2026-03-01').find((p) => p.period === '2026-01')?.missing).toBe(true);
    expect(reportingPeriods(i, '2026-03-10').find((p) => p.period === '2026-01')?.missing).toBe(false);
  });
});

describe('what the unit has to do (issue 8: my assignments, bug 1, bug 6)', () => {
  it('counts missing periods, the oldest, returned reports, the next due and the report awaiting review', () => {
    const s = reportingSummary(
      input({
        reports: [
          report('2026-02', 'returned', '2026-03-02'),
          report('2026-03', 'accepted', '2026-04-02', 45),
          report('2026-04', 'submitted', '2026-05-03', 0),
        ],
      }),
      '2026-06-01',
    );
    expect(s).toMatchObject({
      missingCount: 2, // 2026-01 (due 02-05) and 2026-02 (returned); 2026-05 is due 06-05
      oldestMissing: { period: '2026-01', dueOn: '2026-02-05' },
      nextDue: { period: '2026-05', dueOn: '2026-06-05' },
      returnedCount: 1,
      oldestReturned: { period: '2026-02' },
      awaitingReview: { period: '2026-04', progress: 0 },
    });
  });

  it('a report waiting for the unit lead is not missing for the unit itself, and unknown to others', () => {
    const i = input({ reports: [report('2026-01', 'pending_approval', null)] });
    expect(reportingSummary(i, '2026-03-10')).toMatchObject({
      missingCount: 2,
      oldestMissing: { period: '2026-01' },
      awaitingApproval: null,
    });
    expect(reportingSummary({ ...i, internal: true }, '2026-03-10')).toMatchObject({
      missingCount: 1,
      oldestMissing: { period: '2026-02' },
      awaitingApproval: { period: '2026-01' },
    });
  });

  it('has nothing due before the start nor after completion', () => {
    expect(reportingSummary(input(), '2025-12-01')).toMatchObject({ missingCount: 0, nextDue: null });
    const done = input({ completedOn: '2026-01-20', reports: [report('2026-01', 'accepted', '2026-01-21')] });
    expect(reportingSummary(done, '2026-06-01')).toMatchObject({ missingCount: 0, nextDue: null });
    // completed before its period's report was due: nothing falls due any more
    expect(reportingSummary({ ...done, reports: [] }, '2026-01-25')).toMatchObject({ nextDue: null });
  });

  it('gives the periods whose report falls due in a window', () => {
    expect(periodsDueBetween('monthly', 5, '2026-06-01', '2026-06-14')).toEqual(['2026-05']);
    expect(periodsDueBetween('monthly', 5, '2026-06-06', '2026-06-14')).toEqual([]);
    expect(periodsDueBetween('quarterly', 10, '2026-07-01', '2026-07-31')).toEqual(['2026-Q2']);
    expect(periodsDueBetween('monthly', 5, '2026-06-01', '2026-07-31')).toEqual(['2026-05', '2026-06']);
  });
});
