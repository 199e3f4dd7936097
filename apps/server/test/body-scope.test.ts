import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from './harness.ts';
import { signedIn, uniq, unitByCode, type Client } from './factories.ts';
import { createProgramme, createTask } from './tasks-factories.ts';

/** Issue 7 items 9 and 15: unit ids in bodies are checked against the caller's scope; documents are national. */
let env: TestEnv;
let provinceAdmin: Client;
beforeAll(async () => {
  env = await createTestEnv();
  provinceAdmin = (await signedIn(env, '01', ['admin'])).client;
});
afterAll(() => env.close());

describe('unit ids in bodies', () => {
  it('a province admin assigning "all provinces" assigns only the provinces of its scope', async () => {
    const programme = await createProgramme(env, { ownerUnitCode: '01' });
    const task = await createTask(env, programme.id, { leadUnitCode: '01' });
    const res = await provinceAdmin.post(`/api/tasks/${task.id}/assignments`, { allOfKind: 'province' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ created: 1, skipped: 0 });
    const units = await env.database.db
      .selectFrom('assignment')
      .select('unit_id')
      .where('task_id', '=', task.id)
      .execute();
    expect(units.map((u) => u.unit_id)).toEqual([(await unitByCode(env, '01')).id]);
    // no ministry lies under Hà Nội: nothing to assign, a 400 naming the field
    const none = await provinceAdmin.post(`/api/tasks/${task.id}/assignments`, { allOfKind: 'ministry' });
    expect(none.statusCode).toBe(400);
    expect(none.json().errors[0].path).toBe('allOfKind');
  });

  it('a province admin naming another province is refused with the field', async () => {
    const programme = await createProgramme(env, { ownerUnitCode: '01' });
    const task = await createTask(env, programme.id, { leadUnitCode: '01' });
    const bacNinh = await unitByCode(env, '24');
    const baDinh = await unitByCode(env, '00004');
    const res = await provinceAdmin.post(`/api/tasks/${task.id}/assignments`, {
      unitIds: [baDinh.id, bacNinh.id],
    });
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors).toEqual([{ path: 'unitIds.1', message: expect.any(String) }]);
    const count = await env.database.db
      .selectFrom('assignment')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('task_id', '=', task.id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('coordinating units of a new task lie in the scope', async () => {
    const programme = await createProgramme(env, { ownerUnitCode: '01' });
    const hanoi = await unitByCode(env, '01');
    const body = (coordinating: string[]) => ({
      programmeId: programme.id,
      code: uniq('NV-'),
      title: 'Nhiệm vụ thử',
      category: 'data',
      leadUnitId: hanoi.id,
      coordinatingUnitIds: coordinating,
      startDate: '2025-01-01',
      deadline: '2025-12-31',
    });
    const out = await provinceAdmin.post('/api/tasks', body([(await unitByCode(env, 'BCA')).id]));
    expect(out.statusCode, out.body).toBe(403);
    expect(out.json().errors[0].path).toBe('coordinatingUnitIds.0');
    const ok = await provinceAdmin.post('/api/tasks', body([(await unitByCode(env, '00004')).id]));
    expect(ok.statusCode, ok.body).toBe(201);
  });
});

describe('directive documents', () => {
  const doc = () => ({
    code: uniq('NQ-'),
    title: 'Nghị quyết thử',
    docType: 'resolution',
    issuer: 'Chính phủ',
    issuedOn: '2025-01-09',
  });
  it('a province admin may not create one; national steering staff may', async () => {
    const refused = await provinceAdmin.post('/api/documents', doc());
    expect(refused.statusCode).toBe(403);
    const { client: steering } = await signedIn(env, 'BCDCP', ['steering']);
    expect((await steering.post('/api/documents', doc())).statusCode).toBe(201);
    const { client: ministryAdmin } = await signedIn(env, 'BKHCN', ['admin']);
    expect((await ministryAdmin.post('/api/documents', doc())).statusCode).toBe(403);
  });
});
