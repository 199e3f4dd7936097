import { describe, expect, it } from 'vitest';
import type { AssignmentFacts } from '../tasks/index.ts';
import { groupMissing, planReminders, type ReminderAssignment } from './reminders.rules.ts';

const a: ReminderAssignment = {
  id: 'a1',
  unitId: 'commune',
  unitName: 'Phường Ba Đình',
  assignedByUnitId: 'province',
  taskCode: 'NV-1',
  taskTitle: 'Báo cáo trực tiếp',
  escalationDays: 7,
};
const task = { programmeStart: '2025-01-01', programmeEnd: '2026-12-31', reportDueDays: 5 };
const plan = (f: AssignmentFacts, asOf: string) => {
  const p = planReminders(a, f, asOf, task);
  return [...p.deadline, ...(p.missing ? [{ kind: 'report_missing', unitId: a.unitId, ...p.missing }] : [])];
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
const kinds = (asOf: string, f = facts()) => plan(f, asOf).map((n) => `${n.kind}@${n.unitId}`);

describe('reminder rules', () => {
  it('warns 7 days and 1 day ahead, then overdue, then escalates to the assigning unit after N days', () => {
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
    const [n] = plan(extended, '2025-07-25');
    expect(n).toMatchObject({ kind: 'due_in_7_days', dedupeKey: 'due_in_7_days:a1:2025-07-31' });
    expect(kinds('2025-07-10', facts({ completedOn: '2025-06-20' }))).toEqual([]);
  });

  it('flags the latest period whose due date passed without a counted report', () => {
    const continuous = facts({ isContinuous: true, originalDeadline: null });
    expect(kinds('2025-07-05', continuous)).toEqual([]); // June due on 07-05: not missing yet
    const missing = plan(continuous, '2025-07-06');
    expect(missing).toEqual([
      { kind: 'report_missing', unitId: 'commune', period: '2025-06', dueOn: '2025-07-05' },
    ]);
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

  it('groups the missing reports of a unit and period: one reminder with the count and the list', () => {
    const item = (id: string, code: string, due: string) => ({
      assignmentId: id,
      taskCode: code,
      taskTitle: `T ${code}`,
      unitName: 'Phường Ba Đình',
      dueOn: due,
    });
    const codes = ['NV-7', 'NV-2', 'NV-5', 'NV-1', 'NV-3', 'NV-4'];
    const g = groupMissing(
      'commune',
      '2025-Q2',
      codes.map((c, i) => item(`a${i}`, c, i === 2 ? '2025-07-05' : '2025-07-10')),
    );
    expect(g!.dedupeKey).toBe('report_missing:commune:2025-Q2');
    expect(g!.assignmentIds).toEqual(['a3', 'a1', 'a4', 'a5', 'a2', 'a0']);
    expect(g!.params).toMatchObject({
      count: 6,
      periodKind: 'quarterly',
      dueOn: '2025-07-05',
      taskCodes: 'NV-1, NV-2, NV-3, NV-4, NV-5, …',
      assignmentIds: 'a3,a1,a4,a5,a2,a0',
    });
    // later, work assigned since is told about alone, under a key of its own; nothing new: nothing
    const all = [...codes.map((c, i) => item(`a${i}`, c, '2025-07-10')), item('a9', 'NV-9', '2025-07-10')];
    const later = groupMissing('commune', '2025-Q2', all, new Set(g!.assignmentIds));
    expect(later).toMatchObject({ assignmentIds: ['a9'], params: { count: 1, taskCodes: 'NV-9' } });
    expect(later!.dedupeKey).toMatch(/^report_missing:commune:2025-Q2:[0-9a-f]{16}$/);
    expect(groupMissing('commune', '2025-Q2', all, new Set([...g!.assignmentIds, 'a9']))).toBeNull();
  });

  it('does nothing before the start', () => {
    expect(kinds('2024-12-31', facts({ originalDeadline: '2025-01-03' }))).toEqual([]);
  });
});
