import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../src/db/ids.ts';
import { inTransaction } from '../src/db/transaction.ts';
import { remindersRepository } from '../src/modules/notifications/reminders.repository.ts';
import { refreshStatuses } from '../src/modules/tasks/index.ts';
import { signedIn, unitByCode } from './factories.ts';
import { createTestEnv, type TestEnv } from './harness.ts';
import { saveReport, act } from './reports-helpers.ts';
import { assign, createProgramme, createTask } from './tasks-factories.ts';

/**
 * The reminder job selects its candidates in SQL (ADR 0008, "Reminders at national size"): deadlines from
 * the stored status where it covers the date, from the engine on the facts elsewhere — both give the same
 * reminders — and missing reports grouped per unit and period (issue 8 item 5).
 */
let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

const job = () => env.services.notifications.reminders;
const AS_OF = '2025-07-05';

/** Kinds of reminder events per assignment. */
async function reminderKinds(ids: string[]) {
  const rows = await env.database.db
    .selectFrom('domain_event')
    .select(['type', sql<string>`payload->>'assignmentId'`.as('assignment_id')])
    .where('type', 'like', 'reminder.%')
    .where(sql<string>`payload->>'assignmentId'`, 'in', ids)
    .execute();
  return ids.map((id) =>
    rows
      .filter((r) => r.assignment_id === id)
      .map((r) => r.type)
      .sort(),
  );
}

describe('reminder job candidates', () => {
  it('stored status and engine agree: due soon, due tomorrow, overdue, escalation, completed, not started', async () => {
    const programme = await createProgramme(env, { escalationDays: 3 });
    const shapes = [
      { deadline: '2025-07-10' }, // 5 days left
      { deadline: '2025-07-06' }, // tomorrow
      { deadline: '2025-07-03' }, // 2 days overdue
      { deadline: '2025-06-30' }, // 5 days overdue: escalated
      { deadline: '2025-06-30', extendedTo: '2025-07-08' }, // extension in force: 3 days left
      { deadline: '2025-07-03', completedOn: '2025-07-01' }, // completed: nothing
      { deadline: '2025-07-10', startDate: '2025-07-08' }, // not started yet: nothing
    ];
    const ids: { stored: string; stale: string }[] = [];
    for (const s of shapes) {
      const pair: string[] = [];
      for (const code of ['02', '04']) {
        const task = await createTask(env, programme.id, {
          deadline: s.deadline,
          ...(s.startDate ? { startDate: s.startDate } : {}),
        });
        const [a] = await assign(env, task.id, [code]);
        pair.push(a!.id);
        if (s.completedOn)
          await env.database.db
            .updateTable('assignment')
            .set({ completed_on: s.completedOn })
            .where('id', '=', a!.id)
            .execute();
        if (s.extendedTo)
          await env.database.db
            .insertInto('deadline_extension')
            .values({
              id: newId(),
              assignment_id: a!.id,
              previous_deadline: s.deadline,
              requested_deadline: s.extendedTo,
              reason: 'Mưa lũ',
              status: 'approved',
              requested_at: new Date('2025-06-20T03:00:00Z'),
              decided_at: new Date('2025-06-21T03:00:00Z'),
              effective_on: '2025-06-21',
            })
            .execute();
      }
      ids.push({ stored: pair[0]!, stale: pair[1]! });
    }
    // '02' rows: the stored status as of AS_OF (as the status job keeps it on that day); '04' rows: as of
    // today (a later date), which does not cover AS_OF — the job runs the engine on their facts
    await inTransaction(env.database.db, async (tx) => {
      await refreshStatuses(
        tx,
        ids.map((p) => p.stored),
        AS_OF,
      );
      await refreshStatuses(
        tx,
        ids.map((p) => p.stale),
      );
    });
    const fromStored = (
      await Promise.all(
        (['overdue', 'in_progress', 'not_started'] as const).map((s) =>
          remindersRepository.deadlines(env.database.db, AS_OF, s, null, 1000),
        ),
      )
    ).flat();
    expect(new Set(fromStored.map((r) => r.id))).toEqual(new Set(ids.slice(0, 5).map((p) => p.stored)));
    const { rows: stale } = await remindersRepository.staleOpen(env.database.db, AS_OF, null, 100_000);
    expect(stale.map((r) => r.id)).toEqual(expect.arrayContaining(ids.slice(0, 5).map((p) => p.stale)));
    expect(stale.map((r) => r.id)).not.toContain(ids[0]!.stored);

    await job().runReminders(AS_OF);
    const expected = [
      ['reminder.due_soon'],
      ['reminder.due_tomorrow'],
      ['reminder.overdue'],
      ['reminder.escalation', 'reminder.overdue'],
      ['reminder.due_soon'],
      [],
      [],
    ];
    expect(await reminderKinds(ids.map((p) => p.stored))).toEqual(expected);
    expect(await reminderKinds(ids.map((p) => p.stale))).toEqual(expected);
  });

  it('groups missing reports: one notification per unit and period, with the count and the assignments', async () => {
    const programme = await createProgramme(env, { reportDueDays: 5 });
    const quarterly = await createProgramme(env, { reportDueDays: 5, reportingFrequency: 'quarterly' });
    const monthlyTasks = await Promise.all([1, 2, 3].map(() => createTask(env, programme.id)));
    const quarterTask = await createTask(env, quarterly.id);
    const units = ['10101003', '10107008'];
    const rows = await Promise.all(monthlyTasks.map((t) => assign(env, t.id, units)));
    await assign(env, quarterTask.id, units);
    // Ba Đình reported June on the first task, on 07-04: it is not missing there
    const { client } = await signedIn(env, '10101003', ['officer']);
    const { reportId } = await saveReport(client, {
      assignmentId: rows[0]![0]!.id,
      period: '2025-06',
      progress: 30,
    });
    expect((await act(client, reportId, 'submit')).statusCode).toBe(200);
    await env.database.db
      .updateTable('progress_report')
      .set({ submitted_at: new Date('2025-07-04T03:00:00Z') })
      .where('id', '=', reportId)
      .execute();

    const r = await job().runReminders('2025-07-06', { force: true });
    expect(r.created.report_missing).toBeGreaterThanOrEqual(4);
    await env.services.notifications.dispatchOnce();
    const [baDinh, bachMai] = await Promise.all(units.map((c) => unitByCode(env, c)));
    const notes = await env.database.db
      .selectFrom('notification')
      .select(['unit_id', 'period', 'params', 'assignment_id', 'subject_type'])
      .where('kind', '=', 'report_missing')
      .where('unit_id', 'in', [baDinh!.id, bachMai!.id])
      .orderBy('period')
      .execute();
    const of = (unitId: string, period: string) =>
      notes.filter((n) => n.unit_id === unitId && n.period === period);
    // June is due on 07-05, so on 07-06 the monthly tasks miss June; the quarterly one misses Q2
    expect(of(baDinh!.id, '2025-06')).toHaveLength(1);
    expect(of(baDinh!.id, '2025-06')[0]!.params).toMatchObject({ count: 2, periodKind: 'monthly' });
    expect(of(bachMai!.id, '2025-06')[0]).toMatchObject({ subject_type: 'org_unit', assignment_id: null });
    const q2 = of(bachMai!.id, '2025-Q2');
    expect(q2).toHaveLength(1);
    expect(q2[0]!.params).toMatchObject({ count: 1, periodKind: 'quarterly', dueOn: '2025-07-05' });
    const listed = String((of(bachMai!.id, '2025-06')[0]!.params as { assignmentIds: string }).assignmentIds);
    expect(listed.split(',').sort()).toEqual(rows.map((pair) => pair[1]!.id).sort());

    // the officer reads it in words, with the count
    const list = (
      await client.get('/api/notifications?kind=report_missing', { 'accept-language': 'en' })
    ).json<{
      items: { message: string; period: string }[];
    }>();
    expect(list.items.find((n) => n.period === '2025-06')!.message).toMatch(
      /^No report for period June 2025 on 2 task\(s\) \(due 05\/07\/2025\)/,
    );
    // a second run the next day adds nothing for the same unit and period…
    const again = await job().runReminders('2025-07-07', { force: true });
    expect(again.created.report_missing ?? 0).toBe(0);
    // …unless work assigned since misses it too: told about alone
    const late = await createTask(env, programme.id);
    const [lateRow] = await assign(env, late.id, ['10107008']);
    await job().runReminders('2025-07-08', { force: true });
    await env.services.notifications.dispatchOnce();
    const june = await env.database.db
      .selectFrom('notification')
      .select(['params', 'assignment_id'])
      .where('kind', '=', 'report_missing')
      .where('unit_id', '=', bachMai!.id)
      .where('period', '=', '2025-06')
      .orderBy('id')
      .execute();
    expect(june).toHaveLength(2);
    expect(june[1]).toMatchObject({ assignment_id: lateRow!.id, params: { count: 1 } });
  });
});
