import { refreshStatuses } from '../src/modules/tasks/index.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../src/db/ids.ts';
import { inTransaction } from '../src/db/transaction.ts';
import { dueOn, periodBounds } from '../src/modules/tasks/reporting-period.ts';
import { tasksBulkRepository } from '../src/modules/tasks/tasks-bulk.repository.ts';
import { assignmentStatuses, loadFacts } from '../src/modules/tasks/index.ts';
import { createTestEnv, type TestEnv } from './harness.ts';
import { signedIn } from './factories.ts';
import { assign, cascade, createProgramme, createTask } from './tasks-factories.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

/** A counted report (submitted, in Vietnam time at 09:00 on `submittedOn`). */
async function report(
  assignmentId: string,
  period: string,
  submittedOn: string,
  progress: number,
  completedOn: string | null = null,
) {
  const { start, end } = periodBounds(period);
  const at = new Date(`${submittedOn}T09:00:00+07:00`);
  await inTransaction(env.database.db, async (tx) => {
    await tasksBulkRepository.insertReports(tx, [
      {
        id: newId(),
        assignment_id: assignmentId,
        period,
        period_start: start,
        period_end: end,
        due_on: dueOn(period),
        progress,
        completed_on: completedOn,
        status: 'submitted',
        submitted_at: at,
        created_at: at,
        updated_at: at,
      },
    ]);
    if (completedOn)
      await tx
        .updateTable('assignment')
        .set({ completed_on: completedOn, progress: 100 })
        .where('id', '=', assignmentId)
        .execute();
    // a raw facts write, like a bulk load: the stored status is refreshed as the services do (ADR 0010)
    await refreshStatuses(tx, [assignmentId]);
  });
}

describe('programme summary', () => {
  it('counts task statuses as of any date, by category and by unit', async () => {
    const programme = await createProgramme(env);
    const law = await createTask(env, programme.id, {
      category: 'institutions',
      deadline: '2025-03-31',
      leadUnitCode: 'BTP',
    });
    const data = await createTask(env, programme.id, {
      category: 'data',
      deadline: '2025-06-30',
      leadUnitCode: 'BCA',
    });
    const infra = await createTask(env, programme.id, { category: 'infrastructure', deadline: '2025-12-31' });
    await createTask(env, programme.id, {
      category: 'other',
      startDate: '2025-08-01',
      deadline: '2026-06-30',
    });
    const [btp] = await assign(env, law.id, ['BTP']);
    const [bca, hanoi] = await assign(env, data.id, ['BCA', '01']);
    const [bkhcn] = await assign(env, infra.id, ['BKHCN']);
    await report(btp!.id, '2025-03', '2025-03-28', 100, '2025-03-28'); // on time
    await report(bca!.id, '2025-06', '2025-07-03', 100, '2025-07-03'); // late
    await report(hanoi!.id, '2025-05', '2025-06-02', 100, '2025-06-02');
    await report(bkhcn!.id, '2025-05', '2025-06-03', 10); // elapsed ~41% − 10 > 20: at risk
    const { client } = await signedIn(env, 'BCDCP', ['steering']);

    const june = (await client.get(`/api/programmes/${programme.id}/summary?asOf=2025-06-30`)).json();
    // at risk: the infrastructure task (10% at 41% elapsed) and the data task (BCA has not reported on its deadline day)
    expect(june).toMatchObject({ total: 4, completed: 1, atRisk: 2, asOf: '2025-06-30' });
    expect(june.byStatus).toEqual({
      done_on_time: 1,
      done_late: 0,
      in_progress: 2,
      overdue: 0,
      not_started: 1,
    });
    const july = (await client.get(`/api/programmes/${programme.id}/summary?asOf=2025-07-03`)).json();
    expect(july.byStatus).toEqual({
      done_on_time: 1,
      done_late: 1,
      in_progress: 1,
      overdue: 0,
      not_started: 1,
    });
    expect(july.byCategory).toEqual(
      expect.arrayContaining([
        {
          category: 'data',
          total: 1,
          byStatus: { done_on_time: 0, done_late: 1, in_progress: 0, overdue: 0, not_started: 0 },
        },
      ]),
    );
    const bcaRow = july.byUnit.find((u: { unitId: string }) => u.unitId === bca!.unit_id);
    expect(bcaRow).toMatchObject({ total: 1, byStatus: { done_late: 1 } });
    expect(july.byUnit).toHaveLength(4);
    const today = (await client.get(`/api/programmes/${programme.id}/summary`)).json();
    expect(today.byStatus.overdue).toBe(1);
  });

  it('scopes the summary: a province counts only what it can see, from its own assignments', async () => {
    const programme = await createProgramme(env);
    const shared = await createTask(env, programme.id, { deadline: '2025-12-31' });
    await createTask(env, programme.id, { leadUnitCode: 'BYT' });
    const [hanoi, hcm] = await assign(env, shared.id, ['01', '79']);
    await cascade(env, hanoi!.id, ['00004']);
    await report(hanoi!.id, '2025-05', '2025-06-02', 100, '2025-06-02');
    const { client } = await signedIn(env, '01', ['officer']);
    const s = (await client.get(`/api/programmes/${programme.id}/summary?asOf=2025-07-01`)).json();
    expect(s.total).toBe(1);
    expect(s.byStatus.done_on_time).toBe(1);
    expect(s.byUnit.map((u: { unitId: string }) => u.unitId)).toEqual([hanoi!.unit_id]);
    // national view: Hồ Chí Minh City has not finished, so the task is still in progress
    const { client: steering } = await signedIn(env, 'BCDCP', ['steering']);
    const n = (await steering.get(`/api/programmes/${programme.id}/summary?asOf=2025-07-01`)).json();
    expect(n.total).toBe(2);
    expect(n.byUnit.map((u: { unitId: string }) => u.unitId)).toContain(hcm!.unit_id);
  });

  it('answers 404 for an unknown programme and 400 for a bad date', async () => {
    const { client } = await signedIn(env, 'BCDCP', ['steering']);
    expect(
      (await client.get('/api/programmes/01900000-0000-7000-8000-000000000000/summary')).statusCode,
    ).toBe(404);
    const programme = await createProgramme(env);
    const bad = await client.get(`/api/programmes/${programme.id}/summary?asOf=2025-02-30`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('querystring.asOf');
  });

  it('exposes loadFacts / assignmentStatuses for other modules', async () => {
    const programme = await createProgramme(env, { atRiskMargin: 35, reportDueDays: 10 });
    const task = await createTask(env, programme.id, { isContinuous: true, reportingFrequency: 'quarterly' });
    const [a] = await assign(env, task.id, ['BKHCN']);
    await report(a!.id, '2025-Q1', '2025-04-08', 50);
    const facts = (await loadFacts(env.database.db, [a!.id])).get(a!.id)!;
    expect(facts).toMatchObject({
      isContinuous: true,
      reportingFrequency: 'quarterly',
      atRiskMargin: 35,
      reportDueDays: 10,
      originalDeadline: null,
    });
    expect(facts.reports).toEqual([
      expect.objectContaining({ period: '2025-Q1', submittedOn: '2025-04-08', progress: 50 }),
    ]);
    const s = await assignmentStatuses(env.database.db, [a!.id], '2025-04-20');
    expect(s.get(a!.id)).toMatchObject({ status: 'done_on_time', judgedPeriod: '2025-Q1' });
  });
});

describe('task changes', () => {
  it('lets steering change a task, audited with before/after; officers may not', async () => {
    const programme = await createProgramme(env);
    const task = await createTask(env, programme.id);
    const { client: officer } = await signedIn(env, 'BKHCN', ['officer']);
    expect((await officer.patch(`/api/tasks/${task.id}`, { title: 'x' })).statusCode).toBe(403);
    const { client } = await signedIn(env, 'BCDCP', ['steering']);
    const res = await client.patch(`/api/tasks/${task.id}`, {
      title: 'Xây dựng Nghị định về sandbox',
      priority: 'high',
      deadline: '2026-03-31',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      title: 'Xây dựng Nghị định về sandbox',
      priority: 'high',
      deadline: '2026-03-31',
    });
    const found = await client.get(`/api/tasks?programmeId=${programme.id}&q=nghi%20dinh%20sandbox`);
    expect(found.json().total).toBe(1);
    const event = await env.database.db
      .selectFrom('audit_event')
      .selectAll()
      .where('entity_id', '=', task.id)
      .where('action', '=', 'task.update')
      .executeTakeFirstOrThrow();
    expect(event.before).toMatchObject({ title: task.title });
    const bad = await client.patch(`/api/tasks/${task.id}`, { deadline: '2020-01-01' });
    expect(bad.statusCode).toBe(400);
    expect((await client.get('/api/tasks/01900000-0000-7000-8000-000000000000')).statusCode).toBe(404);
  });
});
