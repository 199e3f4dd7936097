import { describe, expect, it } from 'vitest';
import {
  assignmentStatus,
  countByStatus,
  rollUp,
  type AssignmentFacts,
  type ReportFact,
  type StatusResult,
} from './status-engine.ts';

const opts = { atRiskMargin: 20, reportDueDays: 5 };

function facts(over: Partial<AssignmentFacts> = {}): AssignmentFacts {
  return {
    startDate: '2025-01-01',
    originalDeadline: '2025-06-30',
    extensions: [],
    completedOn: null,
    isContinuous: false,
    reportingFrequency: 'monthly',
    reports: [],
    ...over,
  };
}

function report(
  period: string,
  submittedOn: string | null,
  progress: number,
  status: ReportFact['status'] = 'accepted',
): ReportFact {
  const end =
    { '2025-03': '2025-03-31', '2025-04': '2025-04-30', '2025-05': '2025-05-31', '2025-06': '2025-06-30' }[
      period
    ] ?? '2025-06-30';
  return { period, periodEnd: end, dueOn: '2099-01-01', submittedOn, progress, status };
}

describe('assignmentStatus — dated work', () => {
  it('is not started before the start date, even with a deadline passed later', () => {
    const r = assignmentStatus(facts(), '2024-12-31', opts);
    expect(r).toMatchObject({ status: 'not_started', atRisk: false, progress: 0, deadlineUsed: 'original' });
  });

  it('is not started without progress or report, in progress once a report is counted', () => {
    expect(assignmentStatus(facts(), '2025-02-01', opts).status).toBe('not_started');
    const f = facts({ reports: [report('2025-03', '2025-04-03', 0)] });
    expect(assignmentStatus(f, '2025-04-03', opts).status).toBe('in_progress');
    expect(assignmentStatus(f, '2025-04-02', opts).status).toBe('not_started');
  });

  it('ignores drafts, pending approval and returned reports', () => {
    const f = facts({
      reports: [
        report('2025-03', '2025-04-01', 50, 'returned'),
        report('2025-04', '2025-05-01', 60, 'pending_approval'),
        report('2025-05', null, 70, 'draft'),
      ],
    });
    expect(assignmentStatus(f, '2025-05-15', { atRiskMargin: 100 })).toMatchObject({
      status: 'not_started',
      progress: 0,
    });
  });

  it('takes progress from the latest counted report as of the date', () => {
    const f = facts({
      reports: [report('2025-03', '2025-04-02', 30), report('2025-04', '2025-05-02', 55, 'accepted')],
    });
    expect(assignmentStatus(f, '2025-04-15', opts).progress).toBe(30);
    expect(assignmentStatus(f, '2025-05-02', opts).progress).toBe(55);
  });

  it('takes progress from the latest ACCEPTED report; a later one awaiting review does not override it', () => {
    // issue 8: an empty report for a later period is submitted, then 45 % for the earlier one is accepted
    const f = facts({
      originalDeadline: '2026-12-31',
      reports: [
        { ...report('2025-04', '2025-05-02', 0, 'submitted'), period: '2026-10', periodEnd: '2026-10-31' },
        { ...report('2025-03', '2025-04-02', 45), period: '2026-09', periodEnd: '2026-09-30' },
      ],
    });
    const r = assignmentStatus(f, '2025-06-01', opts);
    expect(r).toMatchObject({ status: 'in_progress', progress: 45 });
    // only submitted: reporting has started (in progress) but no accepted progress yet
    const pending = facts({ reports: [report('2025-03', '2025-04-02', 60, 'submitted')] });
    expect(assignmentStatus(pending, '2025-04-10', opts)).toMatchObject({
      status: 'in_progress',
      progress: 0,
    });
  });

  it('treats the deadline day as still in progress, the day after as overdue', () => {
    const f = facts({ reports: [report('2025-05', '2025-06-01', 90)] });
    expect(assignmentStatus(f, '2025-06-30', opts).status).toBe('in_progress');
    expect(assignmentStatus(f, '2025-07-01', opts)).toMatchObject({
      status: 'overdue',
      atRisk: false,
      effectiveDeadline: '2025-06-30',
    });
    expect(assignmentStatus(facts(), '2025-07-01', opts).status).toBe('overdue');
  });

  it('counts completion on the deadline day as on time, after it as late', () => {
    expect(assignmentStatus(facts({ completedOn: '2025-06-30' }), '2025-12-31', opts)).toMatchObject({
      status: 'done_on_time',
      progress: 100,
    });
    expect(assignmentStatus(facts({ completedOn: '2025-07-01' }), '2025-12-31', opts)).toMatchObject({
      status: 'done_late',
      progress: 100,
    });
    // completion after asOf is not yet known
    expect(assignmentStatus(facts({ completedOn: '2025-07-01' }), '2025-06-30', opts).status).toBe(
      'not_started',
    );
    expect(assignmentStatus(facts({ completedOn: '2025-07-01' }), '2025-07-01', opts).status).toBe(
      'done_late',
    );
  });

  it('uses an approved extension from its effective date, and says so', () => {
    const f = facts({
      extensions: [{ newDeadline: '2025-09-30', effectiveOn: '2025-06-20' }],
      completedOn: '2025-08-15',
    });
    expect(assignmentStatus(f, '2025-06-19', opts)).toMatchObject({
      deadlineUsed: 'original',
      effectiveDeadline: '2025-06-30',
    });
    expect(assignmentStatus(f, '2025-07-15', opts)).toMatchObject({
      status: 'not_started',
      deadlineUsed: 'extended',
      effectiveDeadline: '2025-09-30',
    });
    expect(assignmentStatus(f, '2025-12-31', opts)).toMatchObject({
      status: 'done_on_time',
      deadlineUsed: 'extended',
    });
  });

  it('does not use an extension granted after the as-of date', () => {
    const f = facts({ extensions: [{ newDeadline: '2025-09-30', effectiveOn: '2025-07-10' }] });
    expect(assignmentStatus(f, '2025-07-05', opts)).toMatchObject({
      status: 'overdue',
      deadlineUsed: 'original',
    });
    expect(assignmentStatus(f, '2025-07-10', opts)).toMatchObject({
      status: 'not_started',
      deadlineUsed: 'extended',
    });
    // later completion judged against the extension in force on the completion review date
    expect(assignmentStatus({ ...f, completedOn: '2025-08-01' }, '2025-08-01', opts).status).toBe(
      'done_on_time',
    );
  });

  it('uses the latest of several approved extensions', () => {
    const f = facts({
      extensions: [
        { newDeadline: '2025-08-31', effectiveOn: '2025-06-15' },
        { newDeadline: '2025-10-31', effectiveOn: '2025-08-20' },
      ],
    });
    expect(assignmentStatus(f, '2025-08-01', opts).effectiveDeadline).toBe('2025-08-31');
    expect(assignmentStatus(f, '2025-09-01', opts).effectiveDeadline).toBe('2025-10-31');
  });

  it('flags at risk when elapsed time runs ahead of progress by more than the margin', () => {
    // 2025-01-01..2025-12-31; on 2025-07-02 elapsed = 50%
    const base = facts({ originalDeadline: '2025-12-31' });
    const at = (progress: number, margin = 20) =>
      assignmentStatus({ ...base, reports: [report('2025-06', '2025-07-01', progress)] }, '2025-07-02', {
        atRiskMargin: margin,
      });
    expect(at(29).atRisk).toBe(true);
    expect(at(30).atRisk).toBe(false); // 50 − 30 = 20, not more than the margin
    expect(at(29, 25).atRisk).toBe(false);
    expect(assignmentStatus(base, '2025-07-02', opts)).toMatchObject({ status: 'not_started', atRisk: true });
    expect(assignmentStatus(base, '2025-01-10', opts).atRisk).toBe(false);
  });

  it('never flags done or overdue work at risk', () => {
    expect(assignmentStatus(facts({ completedOn: '2025-06-01' }), '2025-06-10', opts).atRisk).toBe(false);
    expect(assignmentStatus(facts(), '2025-07-10', opts).atRisk).toBe(false);
  });
});

describe('assignmentStatus — continuous work', () => {
  const cont = (reports: ReportFact[], start = '2025-01-01') =>
    facts({
      isContinuous: true,
      originalDeadline: null,
      reportingFrequency: 'monthly',
      reports,
      startDate: start,
    });

  it('judges the latest period whose report is due', () => {
    // on 2025-07-04 the June report is not yet due (due 07-05): May is judged
    const f = cont([report('2025-05', '2025-06-03', 40)]);
    expect(assignmentStatus(f, '2025-07-04', opts)).toMatchObject({
      status: 'done_on_time',
      judgedPeriod: '2025-05',
      deadlineUsed: 'none',
      atRisk: false,
    });
    expect(assignmentStatus(f, '2025-07-05', opts)).toMatchObject({
      status: 'overdue',
      judgedPeriod: '2025-06',
    });
  });

  it('is on time when submitted by the due date, late when after it', () => {
    expect(assignmentStatus(cont([report('2025-06', '2025-07-05', 50)]), '2025-07-10', opts).status).toBe(
      'done_on_time',
    );
    expect(assignmentStatus(cont([report('2025-06', '2025-07-06', 50)]), '2025-07-10', opts).status).toBe(
      'done_late',
    );
    // late submission not yet made as of the date → overdue
    expect(assignmentStatus(cont([report('2025-06', '2025-07-20', 50)]), '2025-07-10', opts).status).toBe(
      'overdue',
    );
  });

  it('is overdue when the period report is missing', () => {
    expect(assignmentStatus(cont([]), '2025-08-06', opts)).toMatchObject({
      status: 'overdue',
      judgedPeriod: '2025-07',
    });
  });

  it('falls back to started / not started when no period is due yet', () => {
    expect(assignmentStatus(cont([], '2025-06-10'), '2025-07-01', opts)).toMatchObject({
      status: 'not_started',
      judgedPeriod: null,
    });
    expect(
      assignmentStatus(cont([report('2025-06', '2025-06-20', 10)], '2025-06-10'), '2025-07-01', opts).status,
    ).toBe('in_progress');
    expect(assignmentStatus(cont([], '2025-06-10'), '2025-05-01', opts).status).toBe('not_started');
  });

  it('uses the frequency of the assignment', () => {
    const f = { ...cont([]), reportingFrequency: 'quarterly' as const };
    expect(assignmentStatus(f, '2025-07-05', opts)).toMatchObject({
      status: 'overdue',
      judgedPeriod: '2025-Q2',
    });
    expect(assignmentStatus(f, '2025-07-04', opts)).toMatchObject({ judgedPeriod: '2025-Q1' });
  });
});

describe('rollUp and countByStatus', () => {
  const r = (status: StatusResult['status'], progress = 0, atRisk = false): StatusResult => ({
    status,
    atRisk,
    progress,
    deadlineUsed: 'original',
    effectiveDeadline: '2025-06-30',
    judgedPeriod: null,
  });

  it('rolls up per the rule', () => {
    expect(rollUp([]).status).toBe('not_started');
    expect(rollUp([r('done_on_time', 100), r('done_on_time', 100)]).status).toBe('done_on_time');
    expect(rollUp([r('done_on_time', 100), r('done_late', 100)]).status).toBe('done_late');
    expect(rollUp([r('done_on_time', 100), r('overdue', 50), r('in_progress')]).status).toBe('overdue');
    expect(rollUp([r('done_on_time', 100), r('not_started')]).status).toBe('in_progress');
    expect(rollUp([r('not_started'), r('not_started')]).status).toBe('not_started');
    expect(rollUp([r('done_late', 100), r('in_progress', 50)]).progress).toBe(75);
  });

  it('carries the at-risk flag only for unfinished, not overdue work', () => {
    expect(rollUp([r('in_progress', 10, true), r('done_on_time', 100)]).atRisk).toBe(true);
    expect(rollUp([r('in_progress', 10, true), r('overdue')]).atRisk).toBe(false);
  });

  it('counts every status key', () => {
    expect(countByStatus([r('overdue'), r('overdue'), r('done_late')])).toEqual({
      done_on_time: 0,
      done_late: 1,
      in_progress: 0,
      overdue: 2,
      not_started: 0,
    });
  });
});
