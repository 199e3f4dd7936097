import { describe, expect, it } from 'vitest';
import type { AssignmentFacts } from '../tasks/index.ts';
import { planReminders, type ReminderAssignment } from './reminders.rules.ts';

const a: ReminderAssignment = {
  id: 'a1',
  unitId: 'commune',
  unitName: 'Phường Ba Đình',
  parentUnitId: 'province',
  taskCode: 'NV-1',
  taskTitle: 'Báo cáo trực tiếp',
  programmeStart: '2025-01-01',
  programmeEnd: '2026-12-31',
  escalationDays: 7,
  reportDueDays: 5,
};
const facts = (over: Partial<AssignmentFacts> = {}): AssignmentFacts => ({
  startDate: '2025-01-01',
  originalDeadline: '2025-06-30',
  extensions: [],
  completedOn: null,
  isContinuous: false,
  reportingFrequency: 'monthly',
  reports: [
    {
      period: '2025-05',
      periodEnd: '2025-05-31',
      dueOn: '2025-06-05',
      submittedOn: '2025-06-02',
      progress: 50,
      status: 'submitted',
    },
  ],
  ...over,
});
const kinds = (asOf: string, f = facts()) => planReminders(a, f, asOf).map((n) => `${n.kind}@${n.unitId}`);

describe('reminder rules', () => {
  it('warns 7 days and 1 day ahead, then overdue, then escalates to the parent after N days', () => {
    expect(kinds('2025-06-22')).toEqual([]);
    expect(kinds('2025-06-23')).toEqual(['due_in_7_days@commune']);
    expect(kinds('2025-06-28')).toEqual(['due_in_7_days@commune']);
    expect(kinds('2025-06-29')).toEqual(['due_in_1_day@commune']);
    expect(kinds('2025-06-30')).toEqual(['due_in_1_day@commune']);
    expect(kinds('2025-07-01')).toEqual(['overdue@commune']);
    expect(kinds('2025-07-05')).toEqual(['overdue@commune']); // June report due today: not missing yet
    expect(kinds('2025-07-06')).toEqual(['overdue@commune', 'report_missing@commune']);
    expect(kinds('2025-07-07')).toEqual(['overdue@commune', 'escalation@province', 'report_missing@commune']);
  });

  it('keys reminders per deadline, so an extension re-arms them, and stays quiet once completed', () => {
    const extended = facts({ extensions: [{ newDeadline: '2025-07-31', effectiveOn: '2025-06-25' }] });
    const [n] = planReminders(a, extended, '2025-07-25');
    expect(n).toMatchObject({ kind: 'due_in_7_days', dedupeKey: 'due_in_7_days:a1:2025-07-31' });
    expect(kinds('2025-07-10', facts({ completedOn: '2025-06-20' }))).toEqual([]);
  });

  it('flags the latest period whose due date passed without a counted report', () => {
    const continuous = facts({ isContinuous: true, originalDeadline: null });
    expect(kinds('2025-07-05', continuous)).toEqual([]); // June due on 07-05: not missing yet
    const missing = planReminders(a, continuous, '2025-07-06');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({
      kind: 'report_missing',
      period: '2025-06',
      dedupeKey: 'report_missing:a1:2025-06',
    });
    const sent = facts({
      isContinuous: true,
      originalDeadline: null,
      reports: [
        {
          period: '2025-06',
          periodEnd: '2025-06-30',
          dueOn: '2025-07-05',
          submittedOn: '2025-07-04',
          progress: 0,
          status: 'accepted',
        },
      ],
    });
    expect(kinds('2025-07-06', sent)).toEqual([]);
  });

  it('does nothing before the start', () => {
    expect(kinds('2024-12-31', facts({ originalDeadline: '2025-01-03' }))).toEqual([]);
  });
});
