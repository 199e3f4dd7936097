import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../events/index.ts';
import { notificationsFor } from './notification.mapping.ts';

const report = {
  reportId: 'r1',
  assignmentId: 'a1',
  period: '2025-06',
  unitId: 'commune',
  unitName: 'Phường Ba Đình',
  assignedByUnitId: 'province',
  taskCode: 'NV-1',
  taskTitle: 'Kết nối',
  progress: 40,
};
const map = (event: DomainEvent, dedupeKey: string | null = null) =>
  notificationsFor({ id: 'e1', event, dedupeKey });

describe('event → notifications (pure)', () => {
  it('sends report outcomes to the right unit, about the report, keyed by event', () => {
    expect(map({ type: 'report.submitted', ...report })).toEqual([
      expect.objectContaining({
        kind: 'report_submitted',
        unitId: 'province',
        subjectType: 'report',
        subjectId: 'r1',
        assignmentId: 'a1',
        period: '2025-06',
        dedupeKey: 'e1:report_submitted:province',
        eventId: 'e1',
      }),
    ]);
    expect(map({ type: 'report.approval_requested', ...report })[0]).toMatchObject({
      kind: 'report_pending_approval',
      unitId: 'commune',
    });
    expect(map({ type: 'report.returned', ...report, reason: 'Thiếu' })[0]).toMatchObject({
      kind: 'report_returned',
      unitId: 'commune',
      params: expect.objectContaining({ reason: 'Thiếu', taskCode: 'NV-1' }),
    });
    expect(map({ type: 'report.accepted', ...report })[0]!.kind).toBe('report_accepted');
  });

  it('one "new task" per created assignment; extensions to the assigning, then the assigned unit', () => {
    const batch = {
      taskId: 't1',
      taskCode: 'NV-1',
      taskTitle: 'Kết nối',
      assignedByUnitId: 'province',
      deadline: null,
      assignments: [
        { id: 'a1', unitId: 'c1' },
        { id: 'a2', unitId: 'c2' },
      ],
    };
    const created = map({ type: 'assignment.cascaded', parentAssignmentId: 'p', ...batch });
    expect(created.map((n) => [n.kind, n.unitId, n.subjectId, n.params.deadline])).toEqual([
      ['assignment_new', 'c1', 'a1', '—'],
      ['assignment_new', 'c2', 'a2', '—'],
    ]);
    expect(new Set(created.map((n) => n.dedupeKey)).size).toBe(2);
    const ext = {
      extensionId: 'x1',
      assignmentId: 'a1',
      unitId: 'c1',
      unitName: 'Xã',
      assignedByUnitId: 'province',
      taskCode: 'NV-1',
      taskTitle: 'Kết nối',
    };
    expect(
      map({ type: 'extension.requested', ...ext, requestedDeadline: '2025-09-30', reason: 'Mưa lũ' })[0],
    ).toMatchObject({ kind: 'extension_requested', unitId: 'province', subjectType: 'assignment' });
    expect(
      map({ type: 'extension.decided', ...ext, approved: false, deadline: '2025-06-30' })[0],
    ).toMatchObject({ kind: 'extension_rejected', unitId: 'c1' });
    expect(
      map({
        type: 'commitment.signed',
        commitmentId: 'c',
        unitId: 'c1',
        assignmentIds: ['a1'],
        dueOn: '2025-12-31',
      }),
    ).toEqual([]);
  });

  it('a reminder keeps the key of the fact it names, so no run raises it twice', () => {
    const [n] = map(
      {
        type: 'reminder.overdue',
        assignmentId: 'a1',
        unitId: 'c1',
        period: null,
        params: { deadline: '2025-06-30', days: 3 },
      },
      'overdue:a1:2025-06-30',
    );
    expect(n).toMatchObject({ kind: 'overdue', unitId: 'c1', dedupeKey: 'overdue:a1:2025-06-30' });
  });

  it('a grouped "report missing" is about the unit; a group of one still links to its assignment', () => {
    const grouped = (ids: string[]) =>
      map(
        {
          type: 'reminder.report_missing',
          unitId: 'c1',
          period: '2025-06',
          assignmentIds: ids,
          params: { count: ids.length },
        },
        'report_missing:c1:2025-06',
      )[0];
    expect(grouped(['a1', 'a2'])).toMatchObject({
      kind: 'report_missing',
      unitId: 'c1',
      subjectType: 'org_unit',
      subjectId: 'c1',
      assignmentId: null,
      period: '2025-06',
      dedupeKey: 'report_missing:c1:2025-06',
    });
    expect(grouped(['a1'])).toMatchObject({ assignmentId: 'a1' });
  });
});
