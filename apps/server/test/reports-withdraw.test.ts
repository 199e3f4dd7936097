import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from './harness.ts';
import { auditActions, signedIn, type Client } from './factories.ts';
import { act, saveReport } from './reports-helpers.ts';
import { assign, cascade, createProgramme, createTask } from './tasks-factories.ts';

/** Issue 8, bug 2: an empty report cannot be submitted; a sent report can be taken back until reviewed. */
let env: TestEnv;
let communeAssignment: string;
let ministryAssignment: string;
const c = {} as Record<
  'communeOfficer' | 'otherCommune' | 'provReviewer' | 'ministryOfficer' | 'ministryLead',
  Client
>;

beforeAll(async () => {
  env = await createTestEnv();
  const programme = await createProgramme(env);
  const task = await createTask(env, programme.id, { deadline: '2030-12-31' });
  const [prov, ministry] = await assign(env, task.id, ['01', 'BKHCN']);
  ministryAssignment = ministry!.id;
  communeAssignment = (await cascade(env, prov!.id, ['10101003']))[0]!.id;
  c.communeOfficer = (await signedIn(env, '10101003', ['officer'])).client;
  c.otherCommune = (await signedIn(env, '10107008', ['officer'])).client;
  c.provReviewer = (await signedIn(env, '01', ['reviewer'])).client;
  c.ministryOfficer = (await signedIn(env, 'BKHCN', ['officer'])).client;
  c.ministryLead = (await signedIn(env, 'BKHCN', ['unit_lead'])).client;
});
afterAll(() => env.close());

const queueIds = async () =>
  (await c.provReviewer.get('/api/review-queue?limit=100')).json().items.map((i: { id: string }) => i.id);
const storedStatus = (id: string) =>
  env.database.db
    .selectFrom('assignment')
    .select(['status', 'status_progress', 'judged_period'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

describe('an empty report cannot be submitted', () => {
  it('submit without the narrative is a 400 on field narrative, in Vietnamese and in English', async () => {
    for (const [period, narrative] of [
      ['2025-02', null],
      ['2025-03', '   '],
    ] as const) {
      const draft = await saveReport(c.communeOfficer, {
        assignmentId: communeAssignment,
        period,
        progress: 0,
        narrative,
      });
      expect(draft.statusCode).toBe(200); // a draft may stay empty while it is written
      const vi = await act(c.communeOfficer, draft.reportId, 'submit', undefined, {
        'accept-language': 'vi',
      });
      expect(vi.statusCode).toBe(400);
      expect(vi.headers['content-type']).toContain('application/problem+json');
      const err = vi.json().errors.find((e: { path: string }) => e.path === 'narrative');
      expect(err?.message).toMatch(/kết quả thực hiện/);
      const en = await act(c.communeOfficer, draft.reportId, 'submit', undefined, {
        'accept-language': 'en',
      });
      expect(en.json().errors[0]).toMatchObject({
        path: 'narrative',
        message: expect.stringMatching(/before submitting/),
      });
      expect((await c.communeOfficer.get(`/api/reports/${draft.reportId}`)).json().status).toBe('draft');
      // once written, it goes
      const body = { assignmentId: communeAssignment, period, progress: 0, narrative: 'Đã họp triển khai' };
      expect((await saveReport(c.communeOfficer, body, draft.reportId)).statusCode).toBe(200);
      expect((await act(c.communeOfficer, draft.reportId, 'submit')).json().status).toBe('submitted');
    }
  });
});

describe('withdrawing a report until it is reviewed', () => {
  it('the commune takes a submitted report back: draft again, out of the queue, audited, event recorded, status follows', async () => {
    const before = await storedStatus(communeAssignment);
    const res = await saveReport(c.communeOfficer, {
      assignmentId: communeAssignment,
      period: '2025-05',
      progress: 100,
      completedOn: '2025-05-20',
    });
    const id = res.reportId;
    const submitted = await act(c.communeOfficer, id, 'submit');
    expect(submitted.json()).toMatchObject({ status: 'submitted', allowedActions: ['withdraw'] });
    expect(await queueIds()).toContain(id);
    // a submitted report awaits review: shown apart, it does not change the accepted progress (ADR 0013)
    const awaiting = async () =>
      (await c.communeOfficer.get(`/api/assignments/${communeAssignment}`)).json().reporting.awaitingReview;
    expect(await awaiting()).toMatchObject({ reportId: id, progress: 100 });
    expect(await storedStatus(communeAssignment)).toEqual(before);

    expect((await act(c.otherCommune, id, 'withdraw')).statusCode).toBe(404);
    expect((await act(c.provReviewer, id, 'withdraw')).statusCode).toBe(403);
    const withdrawn = await act(c.communeOfficer, id, 'withdraw');
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json()).toMatchObject({ status: 'draft', submittedAt: null, submittedByName: null });
    expect(withdrawn.json().allowedActions).toEqual(expect.arrayContaining(['edit', 'submit']));
    expect(await queueIds()).not.toContain(id);
    expect((await c.provReviewer.get(`/api/reports/${id}`)).statusCode).toBe(404); // a draft is the unit's own
    expect(await storedStatus(communeAssignment)).toEqual(before);
    expect((await awaiting())?.reportId).not.toBe(id);
    expect(await auditActions(env, id)).toEqual(expect.arrayContaining(['report.submit', 'report.withdraw']));
    const events = await env.database.db
      .selectFrom('domain_event')
      .select('type')
      .where('subject_id', '=', id)
      .orderBy('occurred_at')
      .execute();
    expect(events.map((e) => e.type)).toEqual(['report.submitted', 'report.withdrawn']);
    expect((await act(c.communeOfficer, id, 'withdraw')).statusCode).toBe(409); // a draft is not sent

    // sent again and accepted: too late to withdraw
    await act(c.communeOfficer, id, 'submit');
    expect((await act(c.provReviewer, id, 'accept')).statusCode).toBe(200);
    const late = await act(c.communeOfficer, id, 'withdraw');
    expect(late.statusCode).toBe(409);
    expect(late.headers['content-type']).toContain('application/problem+json');
  });

  it('a ministry report waiting for its lead can be withdrawn by its writer, clearing the approval step', async () => {
    const res = await saveReport(c.ministryOfficer, {
      assignmentId: ministryAssignment,
      period: '2025-04',
      progress: 30,
    });
    expect((await act(c.ministryOfficer, res.reportId, 'submit')).json().status).toBe('pending_approval');
    const back = await act(c.ministryOfficer, res.reportId, 'withdraw');
    expect(back.json()).toMatchObject({ status: 'draft', approvedByName: null });
    expect((await act(c.ministryLead, res.reportId, 'approve')).statusCode).toBe(409);
  });
});
