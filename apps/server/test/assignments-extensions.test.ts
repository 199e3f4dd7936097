import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayVn } from '../src/modules/tasks/reporting-period.ts';
import { createTestEnv, type TestEnv } from './harness.ts';
import { auditActions, signedIn } from './factories.ts';
import { assign, cascade, createProgramme, createTask } from './tasks-factories.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

const today = todayVn();

/** A task whose deadline passed 10 days ago, assigned by BCDCP to Hà Nội, cascaded to Ba Đình. */
async function overdueAssignment(ownerUnitCode = 'BCDCP') {
  const programme = await createProgramme(env, { ownerUnitCode, periodEnd: '2030-12-31' });
  const deadline = addDays(today, -10);
  const task = await createTask(env, programme.id, { startDate: '2025-01-01', deadline });
  const [hanoi] = await assign(env, task.id, ['01']);
  const [baDinh] = await cascade(env, hanoi!.id, ['00004']);
  return { task, hanoi: hanoi!, baDinh: baDinh!, deadline };
}

describe('deadline extensions', () => {
  it('is requested by the assignee and approved by the assigning unit only; the original deadline is kept', async () => {
    const { hanoi, deadline } = await overdueAssignment();
    const { client: province } = await signedIn(env, '01', ['officer', 'reviewer']);
    const requested = addDays(today, 90);

    const before = await province.get(`/api/assignments/${hanoi.id}`);
    expect(before.json()).toMatchObject({
      status: 'overdue',
      deadlineUsed: 'original',
      effectiveDeadline: deadline,
    });

    const req = await province.post(`/api/assignments/${hanoi.id}/extensions`, {
      requestedDeadline: requested,
      reason: 'Chờ bố trí kinh phí',
    });
    expect(req.statusCode).toBe(201);
    const ext = req.json();
    expect(ext).toMatchObject({
      status: 'pending',
      previousDeadline: deadline,
      requestedDeadline: requested,
      effectiveOn: null,
    });
    const dup = await province.post(`/api/assignments/${hanoi.id}/extensions`, {
      requestedDeadline: requested,
      reason: 'lần hai',
    });
    expect(dup.statusCode).toBe(409);

    // the assignee may not decide its own request; a ministry that did not assign cannot even see it
    expect((await province.post(`/api/extensions/${ext.id}/decision`, { approve: true })).statusCode).toBe(
      403,
    );
    const { client: ministry } = await signedIn(env, 'BKHCN', ['steering', 'reviewer']);
    expect((await ministry.post(`/api/extensions/${ext.id}/decision`, { approve: true })).statusCode).toBe(
      404,
    );

    const { client: steering } = await signedIn(env, 'BCDCP', ['steering']);
    const ok = await steering.post(`/api/extensions/${ext.id}/decision`, { approve: true, note: 'Đồng ý' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'approved', effectiveOn: today, decisionNote: 'Đồng ý' });
    expect((await steering.post(`/api/extensions/${ext.id}/decision`, { approve: false })).statusCode).toBe(
      409,
    );

    const after = await province.get(`/api/assignments/${hanoi.id}`);
    expect(after.json()).toMatchObject({
      deadline: requested,
      originalDeadline: deadline,
      deadlineUsed: 'extended',
      effectiveDeadline: requested,
    });
    expect(after.json().status).not.toBe('overdue');
    // as of a day before the decision, the engine still uses the original deadline
    const past = await province.get(`/api/assignments/${hanoi.id}?asOf=${addDays(today, -1)}`);
    expect(past.json()).toMatchObject({ status: 'overdue', deadlineUsed: 'original' });

    const list = await province.get(`/api/assignments/${hanoi.id}/extensions`);
    expect(list.json().items).toHaveLength(1);
    expect(await auditActions(env, ext.id)).toEqual(['extension.request', 'extension.approve']);
  });

  it('lets the province that cascaded decide its commune’s request, within its own deadline', async () => {
    const { hanoi, baDinh } = await overdueAssignment();
    const { client: commune } = await signedIn(env, '00004', ['officer']);
    const beyond = await commune.post(`/api/assignments/${baDinh.id}/extensions`, {
      requestedDeadline: addDays(today, 30),
      reason: 'x',
    });
    expect(beyond.statusCode).toBe(400);
    expect(beyond.json().errors[0].path).toBe('requestedDeadline');

    // extend the province first, then the commune may ask for up to the province's new deadline
    const { client: province } = await signedIn(env, '01', ['unit_lead', 'reviewer']);
    const { client: steering } = await signedIn(env, 'BCDCP', ['steering']);
    const p = await province.post(`/api/assignments/${hanoi.id}/extensions`, {
      requestedDeadline: addDays(today, 60),
      reason: 'x',
    });
    await steering.post(`/api/extensions/${p.json().id}/decision`, { approve: true });
    const c = await commune.post(`/api/assignments/${baDinh.id}/extensions`, {
      requestedDeadline: addDays(today, 30),
      reason: 'Thiếu nhân lực',
    });
    expect(c.statusCode).toBe(201);
    expect(
      (await steering.post(`/api/extensions/${c.json().id}/decision`, { approve: true })).statusCode,
    ).toBe(403);
    const { client: otherCommune } = await signedIn(env, '00292', ['officer']);
    expect((await otherCommune.get(`/api/assignments/${baDinh.id}/extensions`)).statusCode).toBe(404);
    const rejected = await province.post(`/api/extensions/${c.json().id}/decision`, {
      approve: false,
      note: 'Không đủ căn cứ',
    });
    expect(rejected.json()).toMatchObject({ status: 'rejected', effectiveOn: null });
    const a = await commune.get(`/api/assignments/${baDinh.id}`);
    expect(a.json()).toMatchObject({ deadlineUsed: 'original', status: 'overdue' });
  });

  it('lets a ministry decide what it assigned to a province', async () => {
    const { hanoi } = await overdueAssignment('BKHCN');
    const { client: province } = await signedIn(env, '01', ['officer']);
    const req = await province.post(`/api/assignments/${hanoi.id}/extensions`, {
      requestedDeadline: addDays(today, 20),
      reason: 'x',
    });
    const { client: ministry } = await signedIn(env, 'BKHCN', ['unit_lead']);
    const ok = await ministry.post(`/api/extensions/${req.json().id}/decision`, { approve: true });
    expect(ok.statusCode).toBe(200);
  });

  it('rejects bad input with field paths and requests that make no sense', async () => {
    const { hanoi, deadline } = await overdueAssignment();
    const { client } = await signedIn(env, '01', ['officer']);
    const bad = await client.post(`/api/assignments/${hanoi.id}/extensions`, {
      requestedDeadline: '31/12/2025',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.reason', 'body.requestedDeadline']);
    const earlier = await client.post(`/api/assignments/${hanoi.id}/extensions`, {
      requestedDeadline: deadline,
      reason: 'x',
    });
    expect(earlier.statusCode).toBe(400);
    expect(earlier.json().errors[0].path).toBe('requestedDeadline');
    const { client: steering } = await signedIn(env, 'BCDCP', ['steering']);
    expect(
      (
        await steering.post(`/api/assignments/${hanoi.id}/extensions`, {
          requestedDeadline: addDays(today, 5),
          reason: 'x',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await steering.post('/api/extensions/01900000-0000-7000-8000-000000000000/decision', {
          approve: true,
        })
      ).statusCode,
    ).toBe(404);
    const anon = await env.app.inject({ method: 'GET', url: `/api/assignments/${hanoi.id}/extensions` });
    expect(anon.statusCode).toBe(401);
  });
});
