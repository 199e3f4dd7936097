import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from './harness.ts';
import { signedIn, unitByCode, uniq } from './factories.ts';
import { assign, cascade, createProgramme, createTask } from './tasks-factories.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

describe('programmes and documents', () => {
  it('answers 401 without a session on every tasks route', async () => {
    for (const url of ['/api/programmes', '/api/documents', '/api/tasks', '/api/assignments?mine=true']) {
      const res = await env.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(401);
    }
  });

  it('lets steering create a document and a programme, audited; lists them to everyone', async () => {
    const { client } = await signedIn(env, 'BCDCP', ['steering']);
    const code = uniq('NQ-');
    const doc = await client.post('/api/documents', {
      code,
      title: 'Nghị quyết thử',
      docType: 'resolution',
      issuer: 'Chính phủ',
      issuedOn: '2025-01-09',
    });
    expect(doc.statusCode).toBe(201);
    const owner = await unitByCode(env, 'BCDCP');
    const res = await client.post('/api/programmes', {
      code: uniq('CT-'),
      title: 'Chương trình hành động thử',
      documentId: doc.json().id,
      ownerUnitId: owner.id,
      periodStart: '2025-01-09',
      periodEnd: '2026-12-31',
    });
    expect(res.statusCode).toBe(201);
    const programme = res.json();
    expect(programme).toMatchObject({
      reportingFrequency: 'monthly',
      atRiskMargin: 20,
      reportDueDays: 5,
      taskCount: 0,
      document: { code },
    });

    const { client: commune } = await signedIn(env, '00004', ['officer']);
    const list = await commune.get('/api/programmes?limit=500');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((p: { id: string }) => p.id)).toContain(programme.id);

    const audit = await env.database.db
      .selectFrom('audit_event')
      .select('action')
      .where('entity_id', '=', programme.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['programme.create']);
  });

  it('forbids officers to create programmes and rejects bad input with field paths', async () => {
    const { client: officer } = await signedIn(env, 'BKHCN', ['officer']);
    const owner = await unitByCode(env, 'BKHCN');
    const body = {
      code: uniq('CT-'),
      title: 'x',
      ownerUnitId: owner.id,
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
    };
    expect((await officer.post('/api/programmes', body)).statusCode).toBe(403);

    const { client } = await signedIn(env, 'BCDCP', ['steering']);
    const bad = await client.post('/api/programmes', {
      ...body,
      periodStart: '2025-13-01',
      reportingFrequency: 'weekly',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const paths = bad.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.periodStart', 'body.reportingFrequency']));

    const reversed = await client.post('/api/programmes', { ...body, periodStart: '2026-01-01' });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().errors[0].path).toBe('periodEnd');

    const ok = await client.post('/api/programmes', body);
    expect(ok.statusCode).toBe(201);
    const dup = await client.post('/api/programmes', body);
    expect(dup.statusCode).toBe(409);
  });
});

describe('tasks', () => {
  it('creates a task and lists it with filters, diacritic-insensitive search and status as of a date', async () => {
    const programme = await createProgramme(env);
    const t1 = await createTask(env, programme.id, {
      title: 'Hoàn thiện cơ sở dữ liệu quốc gia về đất đai',
      category: 'data',
      leadUnitCode: 'BNNMT',
    });
    const t2 = await createTask(env, programme.id, {
      title: 'Xây dựng Luật Chuyển đổi số',
      category: 'institutions',
      deadline: '2025-06-30',
    });
    await assign(env, t2.id, ['BTP'], '2025-06-30');
    const { client } = await signedIn(env, 'BCDCP', ['steering']);

    const search = await client.get(
      `/api/tasks?programmeId=${programme.id}&q=co%20so%20du%20lieu%20dat%20dai`,
    );
    expect(search.json().items.map((t: { id: string }) => t.id)).toEqual([t1.id]);

    const byCategory = await client.get(`/api/tasks?programmeId=${programme.id}&category=institutions`);
    expect(byCategory.json().total).toBe(1);

    const overdue = await client.get(`/api/tasks?programmeId=${programme.id}&status=overdue&asOf=2025-07-01`);
    expect(overdue.json().items.map((t: { id: string }) => t.id)).toEqual([t2.id]);
    const notYet = await client.get(`/api/tasks?programmeId=${programme.id}&status=overdue&asOf=2025-06-30`);
    expect(notYet.json().total).toBe(0);

    const btp = await unitByCode(env, 'BTP');
    const byUnit = await client.get(`/api/tasks?programmeId=${programme.id}&unitId=${btp.id}`);
    expect(byUnit.json().items.map((t: { id: string }) => t.id)).toEqual([t2.id]);

    const range = await client.get(
      `/api/tasks?programmeId=${programme.id}&deadlineFrom=2025-06-01&deadlineTo=2025-06-30`,
    );
    expect(range.json().total).toBe(1);
  });

  it('rejects a dated task without a deadline and a deadline before the start', async () => {
    const programme = await createProgramme(env);
    const { client } = await signedIn(env, 'VN', ['admin']);
    const lead = await unitByCode(env, 'BKHCN');
    const base = {
      programmeId: programme.id,
      code: uniq('NV-'),
      title: 'x',
      category: 'data',
      leadUnitId: lead.id,
      startDate: '2025-03-01',
    };
    const noDeadline = await client.post('/api/tasks', base);
    expect(noDeadline.statusCode).toBe(400);
    expect(noDeadline.json().errors.map((e: { path: string }) => e.path)).toContain('body.deadline');
    const early = await client.post('/api/tasks', { ...base, deadline: '2025-01-01' });
    expect(early.statusCode).toBe(400);
    const cont = await client.post('/api/tasks', {
      ...base,
      isContinuous: true,
      reportingFrequency: 'quarterly',
    });
    expect(cont.statusCode).toBe(201);
    expect(cont.json()).toMatchObject({
      isContinuous: true,
      deadline: null,
      status: 'not_started',
      assignmentCount: 0,
    });
  });

  it('shows a commune only the tasks assigned to it', async () => {
    const programme = await createProgramme(env);
    const shared = await createTask(env, programme.id);
    const other = await createTask(env, programme.id);
    const [hanoi] = await assign(env, shared.id, ['01']);
    await cascade(env, hanoi!.id, ['00004']);
    await assign(env, other.id, ['BKHCN']);
    const { client } = await signedIn(env, '00004', ['officer']);
    const res = await client.get(`/api/tasks?programmeId=${programme.id}`);
    expect(res.json().items.map((t: { id: string }) => t.id)).toEqual([shared.id]);
    expect((await client.get(`/api/tasks/${other.id}`)).statusCode).toBe(404);
  });
});
