import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from './harness.ts';
import { signedIn, unitByCode } from './factories.ts';
import { assign, cascade, createProgramme, createTask } from './tasks-factories.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

type A = { id: string; unit: { code: string }; status: string; deadline: string | null; childCount: number };
const ids = (items: A[]) => items.map((a) => a.id).sort();

/** BCDCP assigns a task to Hà Nội and BKHCN; Hà Nội cascades to Ba Đình and Bạch Mai. */
async function scenario() {
  const programme = await createProgramme(env);
  const task = await createTask(env, programme.id, { deadline: '2025-12-31' });
  const [hanoi, bkhcn] = await assign(env, task.id, ['01', 'BKHCN']);
  const [baDinh, bachMai] = await cascade(env, hanoi!.id, ['10101003', '10107008'], '2025-11-30');
  return { programme, task, hanoi: hanoi!, bkhcn: bkhcn!, baDinh: baDinh!, bachMai: bachMai! };
}

describe('assignment visibility', () => {
  it('rootsOnly gives the top-most assignments each caller can see', async () => {
    const s = await scenario();
    const { client: steering } = await signedIn(env, 'BCDCP', ['steering']);
    const roots = await steering.get(`/api/assignments?taskId=${s.task.id}&rootsOnly=true`);
    expect(ids(roots.json().items)).toEqual([s.hanoi.id, s.bkhcn.id].sort());
    const { client: commune } = await signedIn(env, '10101003', ['officer']);
    const own = await commune.get(`/api/assignments?taskId=${s.task.id}&rootsOnly=true`);
    expect(ids(own.json().items)).toEqual([s.baDinh.id]);
    const { client: province } = await signedIn(env, '01', ['officer']);
    const hanoi = await province.get(`/api/assignments?taskId=${s.task.id}&rootsOnly=true`);
    expect(ids(hanoi.json().items)).toEqual([s.hanoi.id]);
  });

  it('shows a commune officer only its own assignments, not another commune’s', async () => {
    const s = await scenario();
    const { client } = await signedIn(env, '10101003', ['officer']);
    const mine = await client.get(`/api/assignments?mine=true&taskId=${s.task.id}`);
    expect(mine.statusCode).toBe(200);
    expect(ids(mine.json().items)).toEqual([s.baDinh.id]);
    const all = await client.get(`/api/assignments?taskId=${s.task.id}`);
    expect(ids(all.json().items)).toEqual([s.baDinh.id]);
    expect((await client.get(`/api/assignments/${s.bachMai.id}`)).statusCode).toBe(404);
    expect((await client.get(`/api/assignments/${s.hanoi.id}`)).statusCode).toBe(404);
    expect((await client.get(`/api/assignments/${s.baDinh.id}`)).json()).toMatchObject({
      deadline: '2025-11-30',
      assignedByUnit: { code: '01' },
    });
  });

  it('shows a province its own and its communes’ assignments; mine=true only its own', async () => {
    const s = await scenario();
    const { client } = await signedIn(env, '01', ['officer']);
    const all = await client.get(`/api/assignments?taskId=${s.task.id}`);
    expect(ids(all.json().items)).toEqual([s.hanoi.id, s.baDinh.id, s.bachMai.id].sort());
    const mine = await client.get(`/api/assignments?taskId=${s.task.id}&mine=true`);
    expect(ids(mine.json().items)).toEqual([s.hanoi.id]);
    expect(mine.json().items[0].childCount).toBe(2);
    const children = await client.get(`/api/assignments?parentAssignmentId=${s.hanoi.id}`);
    expect(children.json().total).toBe(2);
  });

  it('does not show a ministry a province’s assignment it did not assign, but shows the one it did', async () => {
    const s = await scenario();
    const ownProgramme = await createProgramme(env, { ownerUnitCode: 'BKHCN' });
    const ownTask = await createTask(env, ownProgramme.id);
    const [assignedByMinistry] = await assign(env, ownTask.id, ['01']);
    expect(assignedByMinistry!.assigned_by_unit_id).toBe((await unitByCode(env, 'BKHCN')).id);

    const { client } = await signedIn(env, 'BKHCN', ['officer']);
    const list = await client.get(`/api/assignments?taskId=${s.task.id}`);
    expect(ids(list.json().items)).toEqual([s.bkhcn.id]);
    expect((await client.get(`/api/assignments/${s.hanoi.id}`)).statusCode).toBe(404);
    expect((await client.get(`/api/assignments/${assignedByMinistry!.id}`)).statusCode).toBe(200);
  });

  it('lets national steering see everything and filter by computed status', async () => {
    const s = await scenario();
    const { client } = await signedIn(env, 'BCDCP', ['steering']);
    const all = await client.get(`/api/assignments?taskId=${s.task.id}`);
    expect(all.json().total).toBe(4);
    const overdue = await client.get(`/api/assignments?taskId=${s.task.id}&status=overdue&asOf=2025-12-01`);
    expect(ids(overdue.json().items)).toEqual([s.baDinh.id, s.bachMai.id].sort());
    // the communes' deadline (11-30) falls within 10 days of 11-20; the November reports are due 12-05
    const due = await client.get(`/api/assignments?taskId=${s.task.id}&dueWithinDays=10&asOf=2025-11-20`);
    expect(ids(due.json().items)).toEqual([s.baDinh.id, s.bachMai.id].sort());
    // within 30 days of 11-15, every unit's November report falls due (issue 8, bug 6)
    const soon = await client.get(`/api/assignments?taskId=${s.task.id}&dueWithinDays=30&asOf=2025-11-15`);
    expect(soon.json().total).toBe(4);
  });
});

describe('assigning', () => {
  it('assigns one per unit, including every ministry, skipping units already assigned; audited once', async () => {
    const programme = await createProgramme(env);
    const task = await createTask(env, programme.id);
    const { client } = await signedIn(env, 'BCDCP', ['steering']);
    const first = await client.post(`/api/tasks/${task.id}/assignments`, { allOfKind: 'ministry' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toEqual({ created: 21, skipped: 0 });
    const again = await client.post(`/api/tasks/${task.id}/assignments`, { allOfKind: 'ministry' });
    expect(again.json()).toEqual({ created: 0, skipped: 21 });
    const events = await env.database.db
      .selectFrom('audit_event')
      .select('action')
      .where('entity_id', '=', task.id)
      .execute();
    expect(events.map((e) => e.action)).toEqual(['task.create', 'assignment.assign', 'assignment.assign']);
    const got = await client.get(`/api/tasks/${task.id}`);
    expect(got.json().assignmentCount).toBe(21);
  });

  it('refuses officers, and rejects bad input with field paths', async () => {
    const programme = await createProgramme(env);
    const task = await createTask(env, programme.id, { startDate: '2025-03-01' });
    const { client: officer } = await signedIn(env, 'BKHCN', ['officer']);
    const unit = await unitByCode(env, '01');
    expect((await officer.post(`/api/tasks/${task.id}/assignments`, { unitIds: [unit.id] })).statusCode).toBe(
      403,
    );

    const { client } = await signedIn(env, 'VN', ['admin']);
    const empty = await client.post(`/api/tasks/${task.id}/assignments`, { unitIds: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors.map((e: { path: string }) => e.path)).toContain('body.unitIds');
    const notUuid = await client.post(`/api/tasks/${task.id}/assignments`, { unitIds: ['x'] });
    expect(notUuid.json().errors[0].path).toBe('body.unitIds.0');
    const early = await client.post(`/api/tasks/${task.id}/assignments`, {
      unitIds: [unit.id],
      deadline: '2025-01-01',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0].path).toBe('deadline');
    const unknown = await client.post(`/api/tasks/${task.id}/assignments`, {
      unitIds: ['01900000-0000-7000-8000-000000000000'],
    });
    expect(unknown.json().errors[0].path).toBe('unitIds.0');
  });
});

describe('cascading', () => {
  it('lets the assigned province cascade downward only, with a deadline no later than its own', async () => {
    const programme = await createProgramme(env);
    const task = await createTask(env, programme.id, { deadline: '2025-12-31' });
    const [hanoi] = await assign(env, task.id, ['01']);
    const { client } = await signedIn(env, '01', ['officer']);
    const baDinh = await unitByCode(env, '10101003');
    const otherProvinceCommune = await unitByCode(env, '70109074');
    const bkhcn = await unitByCode(env, 'BKHCN');

    const later = await client.post(`/api/assignments/${hanoi!.id}/cascade`, {
      unitIds: [baDinh.id],
      deadline: '2026-01-31',
    });
    expect(later.statusCode).toBe(400);
    expect(later.json().errors[0].path).toBe('deadline');
    const sideways = await client.post(`/api/assignments/${hanoi!.id}/cascade`, {
      unitIds: [otherProvinceCommune.id, bkhcn.id],
    });
    expect(sideways.statusCode).toBe(400);
    expect(sideways.json().errors.map((e: { path: string }) => e.path)).toEqual(['unitIds.0', 'unitIds.1']);

    const ok = await client.post(`/api/assignments/${hanoi!.id}/cascade`, {
      unitIds: [baDinh.id],
      deadline: '2025-11-30',
    });
    expect(ok.statusCode).toBe(201);
    const all = await client.post(`/api/assignments/${hanoi!.id}/cascade`, { allChildren: true });
    expect(all.json()).toEqual({ created: 125, skipped: 1 });
    const children = await client.get(`/api/assignments?parentAssignmentId=${hanoi!.id}&limit=500`);
    expect(children.json().total).toBe(126);
    expect(
      children
        .json()
        .items.every((a: { assignedByUnit: { code: string } }) => a.assignedByUnit.code === '01'),
    ).toBe(true);
  });

  it('forbids a commune, a ministry and an unrelated officer to cascade what is not theirs', async () => {
    const programme = await createProgramme(env);
    const task = await createTask(env, programme.id);
    const [hanoi] = await assign(env, task.id, ['01']);
    const [baDinh] = await cascade(env, hanoi!.id, ['10101003']);
    const bachMai = await unitByCode(env, '10107008');
    const { client: commune } = await signedIn(env, '10101003', ['officer']);
    expect(
      (await commune.post(`/api/assignments/${hanoi!.id}/cascade`, { unitIds: [bachMai.id] })).statusCode,
    ).toBe(404);
    const sibling = await commune.post(`/api/assignments/${baDinh!.id}/cascade`, { unitIds: [bachMai.id] });
    expect(sibling.statusCode).toBe(400);
    const { client: ministry } = await signedIn(env, 'BKHCN', ['steering']);
    expect(
      (await ministry.post(`/api/assignments/${hanoi!.id}/cascade`, { allChildren: true })).statusCode,
    ).toBe(404);
    const { client: viewer } = await signedIn(env, '01', ['viewer']);
    expect(
      (await viewer.post(`/api/assignments/${hanoi!.id}/cascade`, { allChildren: true })).statusCode,
    ).toBe(403);
  });

  it('lets the assigned unit set its responsible leader (audited)', async () => {
    const programme = await createProgramme(env);
    const task = await createTask(env, programme.id);
    const [hanoi] = await assign(env, task.id, ['01']);
    const { client } = await signedIn(env, '01', ['unit_lead']);
    const res = await client.patch(`/api/assignments/${hanoi!.id}`, {
      responsibleLeader: 'Phó Chủ tịch UBND Thành phố',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().responsibleLeader).toBe('Phó Chủ tịch UBND Thành phố');
    const events = await env.database.db
      .selectFrom('audit_event')
      .select('action')
      .where('entity_id', '=', hanoi!.id)
      .execute();
    expect(events.map((e) => e.action)).toContain('assignment.update');
    const { client: other } = await signedIn(env, '10101003', ['unit_lead']);
    expect((await other.patch(`/api/assignments/${hanoi!.id}`, { responsibleLeader: 'x' })).statusCode).toBe(
      404,
    );
  });
});
