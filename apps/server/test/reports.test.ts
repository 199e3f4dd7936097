import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from './harness.ts';
import { auditActions, signedIn, unitByCode, type Client } from './factories.ts';
import { act, saveReport } from './reports-helpers.ts';
import { assign, cascade, createProgramme, createTask } from './tasks-factories.ts';

let env: TestEnv;
let provinceAssignment: string;
let communeAssignment: string;
let ministryAssignment: string;
const c = {} as Record<
  | 'provOfficer'
  | 'provLead'
  | 'provReviewer'
  | 'steering'
  | 'steeringReviewer'
  | 'ministryReviewer'
  | 'communeOfficer'
  | 'communeColleague'
  | 'otherCommune',
  Client
>;

beforeAll(async () => {
  env = await createTestEnv();
  const programme = await createProgramme(env);
  const task = await createTask(env, programme.id, { deadline: '2030-12-31' });
  const [prov, ministry] = await assign(env, task.id, ['01', 'BKHCN']);
  provinceAssignment = prov!.id;
  ministryAssignment = ministry!.id;
  communeAssignment = (await cascade(env, provinceAssignment, ['10101003']))[0]!.id;
  c.provOfficer = (await signedIn(env, '01', ['officer'])).client;
  c.provLead = (await signedIn(env, '01', ['unit_lead'])).client;
  c.provReviewer = (await signedIn(env, '01', ['reviewer'])).client;
  c.steering = (await signedIn(env, 'BCDCP', ['steering'])).client;
  c.steeringReviewer = (await signedIn(env, 'BCDCP', ['reviewer'])).client;
  c.ministryReviewer = (await signedIn(env, 'BKHCN', ['reviewer'])).client;
  c.communeOfficer = (await signedIn(env, '10101003', ['officer'])).client;
  c.communeColleague = (await signedIn(env, '10101003', ['officer'])).client;
  c.otherCommune = (await signedIn(env, '10107008', ['officer'])).client;
});
afterAll(() => env.close());

const actions = (entityId: string) => auditActions(env, entityId);

describe('progress report workflow', () => {
  it('province: draft → lead approval → review returns → edit → resubmit → accepted; audited and notified', async () => {
    const body = {
      assignmentId: provinceAssignment,
      period: '2025-06',
      progress: 40,
      narrative: 'Đã ban hành kế hoạch',
      difficulties: 'Thiếu nhân lực',
    };
    const created = await saveReport(c.provOfficer, body);
    expect(created.statusCode).toBe(200);
    const id = created.reportId;
    expect(created.json()).toMatchObject({
      id,
      status: 'draft',
      requiresApproval: true,
      dueOn: '2025-07-05',
      periodStart: '2025-06-01',
    });
    expect(created.json().allowedActions).toEqual(expect.arrayContaining(['edit', 'submit', 'upload']));

    // drafts stay inside the unit
    expect((await c.steeringReviewer.get(`/api/reports/${id}`)).statusCode).toBe(404);

    const pending = await act(c.provOfficer, id, 'submit');
    expect(pending.statusCode).toBe(200);
    expect(pending.json()).toMatchObject({ status: 'pending_approval', submittedAt: null });
    expect((await c.steeringReviewer.get(`/api/reports/${id}`)).statusCode).toBe(404);
    expect((await act(c.steeringReviewer, id, 'accept')).statusCode).toBe(404);
    expect((await act(c.provOfficer, id, 'approve')).statusCode).toBe(403); // officers do not approve

    const leadQueue = await c.provLead.get('/api/review-queue?awaiting=approval');
    expect(leadQueue.json().items.map((r: { id: string }) => r.id)).toContain(id);
    const approved = await act(c.provLead, id, 'approve');
    expect(approved.json()).toMatchObject({ status: 'submitted', approvedByName: expect.any(String) });
    expect(approved.json().submittedAt).not.toBeNull();

    const queue = await c.steeringReviewer.get('/api/review-queue');
    const item = queue.json().items.find((r: { id: string }) => r.id === id);
    expect(item).toMatchObject({ awaiting: 'review', allowedActions: ['accept', 'return'] });

    expect((await act(c.steeringReviewer, id, 'return', { reason: '' })).statusCode).toBe(400);
    const returned = await act(c.steeringReviewer, id, 'return', { reason: 'Bổ sung số liệu' });
    expect(returned.json()).toMatchObject({ status: 'returned', returnReason: 'Bổ sung số liệu' });

    const edited = await saveReport(c.provOfficer, { ...body, progress: 55 }, id);
    expect(edited.json()).toMatchObject({ status: 'returned', progress: 55 });
    await act(c.provOfficer, id, 'submit');
    await act(c.provLead, id, 'approve');
    const accepted = await act(c.steeringReviewer, id, 'accept');
    expect(accepted.json()).toMatchObject({ status: 'accepted', reviewedByName: expect.any(String) });
    expect((await act(c.steeringReviewer, id, 'accept')).statusCode).toBe(409);

    const assignment = await env.database.db
      .selectFrom('assignment')
      .selectAll()
      .where('id', '=', provinceAssignment)
      .executeTakeFirstOrThrow();
    expect(assignment.progress).toBe(55);
    expect(await actions(id)).toEqual([
      'report.create',
      'report.submit',
      'report.approve',
      'report.return',
      'report.update',
      'report.submit',
      'report.approve',
      'report.accept',
    ]);
    expect(await actions(provinceAssignment)).toContain('assignment.progress');

    await env.services.notifications.dispatchOnce(); // events → notifications
    const kinds = (
      await env.database.db
        .selectFrom('notification')
        .select(['kind', 'unit_id'])
        .where('report_id', '=', id)
        .execute()
    ).map((n) => n.kind);
    expect(kinds.sort()).toEqual([
      'report_accepted',
      'report_pending_approval',
      'report_pending_approval',
      'report_returned',
      'report_submitted',
      'report_submitted',
    ]);
  });

  it('a completion report accepted sets the completion date and product; a lead submitting approves at once', async () => {
    const res = await saveReport(c.provLead, {
      assignmentId: provinceAssignment,
      period: '2025-08',
      progress: 100,
      product: 'Quyết định 1234/QĐ-UBND',
      completedOn: '2025-08-20',
    });
    expect(res.statusCode).toBe(200);
    const submitted = await act(c.provLead, res.reportId, 'submit');
    expect(submitted.json()).toMatchObject({ status: 'submitted', approvedByName: expect.any(String) });
    await act(c.steeringReviewer, res.reportId, 'accept');
    const a = await env.database.db
      .selectFrom('assignment')
      .selectAll()
      .where('id', '=', provinceAssignment)
      .executeTakeFirstOrThrow();
    expect(a).toMatchObject({
      progress: 100,
      completed_on: '2025-08-20',
      product: 'Quyết định 1234/QĐ-UBND',
    });
    expect(await actions(provinceAssignment)).toContain('assignment.completed');
  });

  it('commune submits without approval; its province reviews it, not the ministry nor the national committee', async () => {
    const res = await saveReport(c.communeOfficer, {
      assignmentId: communeAssignment,
      period: '2025-06',
      progress: 30,
    });
    const id = res.reportId;
    expect(res.json()).toMatchObject({ requiresApproval: false, assignedByUnit: { code: '01' } });

    // drafts: the colleague sees it, another commune does not (nor its assignment)
    expect((await c.communeColleague.get(`/api/reports/${id}`)).statusCode).toBe(200);
    expect((await c.otherCommune.get(`/api/reports/${id}`)).statusCode).toBe(404);
    expect((await c.otherCommune.get(`/api/assignments/${communeAssignment}/reports`)).statusCode).toBe(404);
    expect(
      (
        await saveReport(
          c.otherCommune,
          { assignmentId: communeAssignment, period: '2025-06', progress: 1 },
          id,
        )
      ).statusCode,
    ).toBe(409);
    expect((await act(c.otherCommune, id, 'submit')).statusCode).toBe(404);

    const submitted = await act(c.communeOfficer, id, 'submit');
    expect(submitted.json()).toMatchObject({ status: 'submitted' });
    expect((await act(c.ministryReviewer, id, 'accept')).statusCode).toBe(404); // not its business at all
    expect((await act(c.steeringReviewer, id, 'accept')).statusCode).toBe(404); // a BCDCP reviewer's scope is BCDCP
    expect((await act(c.steering, id, 'accept')).statusCode).toBe(403); // national steering sees it, did not assign it
    expect((await act(c.provOfficer, id, 'accept')).statusCode).toBe(403); // assigning unit, but no reviewer role
    const accepted = await act(c.provReviewer, id, 'accept');
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().status).toBe('accepted');
    const a = await env.database.db
      .selectFrom('assignment')
      .select('progress')
      .where('id', '=', communeAssignment)
      .executeTakeFirstOrThrow();
    expect(a.progress).toBe(30);
  });

  it("a ministry cannot see or review a province's report it did not assign", async () => {
    const res = await saveReport(c.provLead, {
      assignmentId: provinceAssignment,
      period: '2025-09',
      progress: 100,
      completedOn: '2025-09-01',
    });
    await act(c.provLead, res.reportId, 'submit');
    expect((await c.ministryReviewer.get(`/api/reports/${res.reportId}`)).statusCode).toBe(404);
    expect((await act(c.ministryReviewer, res.reportId, 'accept')).statusCode).toBe(404);
    expect((await act(c.ministryReviewer, res.reportId, 'return', { reason: 'x' })).statusCode).toBe(404);
    const queue = await c.ministryReviewer.get('/api/review-queue');
    expect(queue.json().items.map((r: { id: string }) => r.id)).not.toContain(res.reportId);
    // and a province officer cannot report on the ministry's assignment
    expect(
      (await saveReport(c.provOfficer, { assignmentId: ministryAssignment, period: '2025-06', progress: 5 }))
        .statusCode,
    ).toBe(400);
  });

  it('rejects bad periods, completion fields and edits out of turn with field paths', async () => {
    const bad = async (body: Record<string, unknown>, status: number, path: string) => {
      const res = await saveReport(c.communeOfficer, {
        assignmentId: communeAssignment,
        progress: 10,
        ...body,
      });
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
      return res;
    };
    await bad({ period: '2025-Q2' }, 400, 'period'); // wrong frequency
    await bad({ period: '2024-12' }, 400, 'period'); // before the task start
    await bad({ period: '2099-01' }, 400, 'period'); // future
    await bad({ period: '2025-13' }, 400, 'body.period');
    await bad({ period: '2025-07', progress: 101 }, 400, 'body.progress');
    await bad({ period: '2025-07', completedOn: '2025-07-02' }, 400, 'completedOn'); // needs 100%
    await bad({ period: '2025-07', progress: 100, completedOn: '2099-01-01' }, 400, 'completedOn');
    const en = await bad({ period: '2025-06' }, 409, 'period'); // a report exists for June
    expect(en.json().detail).toMatch(/tháng 6\/2025/); // the period in words, not its code

    const draft = await saveReport(c.communeOfficer, {
      assignmentId: communeAssignment,
      period: '2025-07',
      progress: 100,
    });
    const noDate = await act(c.communeOfficer, draft.reportId, 'submit', undefined, {
      'accept-language': 'en',
    });
    expect(noDate.statusCode).toBe(400);
    expect(noDate.json().errors[0]).toMatchObject({
      path: 'completedOn',
      message: 'A completion report (100%) needs the completion date',
    });
    const moved = await saveReport(
      c.communeOfficer,
      { assignmentId: communeAssignment, period: '2025-08', progress: 100 },
      draft.reportId,
    );
    expect(moved.statusCode).toBe(409);
    await saveReport(
      c.communeOfficer,
      { assignmentId: communeAssignment, period: '2025-07', progress: 90 },
      draft.reportId,
    );
    await act(c.communeOfficer, draft.reportId, 'submit');
    const late = await saveReport(
      c.communeOfficer,
      { assignmentId: communeAssignment, period: '2025-07', progress: 95 },
      draft.reportId,
    );
    expect(late.statusCode).toBe(409);
  });

  it('lists an assignment’s reports and periods, and its timeline hides drafts from outsiders', async () => {
    const own = await c.communeOfficer.get(`/api/assignments/${communeAssignment}/reports?asOf=2025-09-10`);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ frequency: 'monthly' });
    const periods = own.json().periods as { period: string; missing: boolean; status: string | null }[];
    expect(periods[0]!.period).toBe('2025-09');
    // received: counted and submitted by the date (the reports of this test are submitted today)
    const today = (await c.communeOfficer.get(`/api/assignments/${communeAssignment}/reports`)).json()
      .periods as typeof periods;
    expect(today.find((p) => p.period === '2025-06')).toMatchObject({ status: 'accepted', missing: false });
    expect(periods.find((p) => p.period === '2025-06')).toMatchObject({ status: 'accepted', missing: true });
    expect(periods.find((p) => p.period === '2025-05')).toMatchObject({ status: null, missing: true });

    const mine = await c.communeOfficer.get(`/api/assignments/${communeAssignment}/timeline`);
    const theirs = await c.provReviewer.get(`/api/assignments/${communeAssignment}/timeline`);
    const acts = (res: typeof mine) => res.json().items.map((e: { action: string }) => e.action);
    expect(acts(mine)).toEqual(
      expect.arrayContaining(['report.create', 'report.submit', 'report.accept', 'assignment.progress']),
    );
    expect(acts(theirs)).toEqual(expect.arrayContaining(['report.submit', 'report.accept']));
    expect(acts(theirs)).not.toContain('report.create');
    const accept = theirs.json().items.find((e: { action: string }) => e.action === 'report.accept');
    expect(accept).toMatchObject({ kind: 'report', period: '2025-06', status: 'accepted', progress: 30 });
    expect((await c.otherCommune.get(`/api/assignments/${communeAssignment}/timeline`)).statusCode).toBe(404);
  });
});

describe('review queue filters', () => {
  it('narrows by reporting unit and by text without diacritics, never beyond the caller’s own unit', async () => {
    const created = await saveReport(c.communeOfficer, {
      assignmentId: communeAssignment,
      period: '2025-04',
      progress: 20,
    });
    const id = created.reportId;
    expect((await act(c.communeOfficer, id, 'submit')).statusCode).toBe(200);
    const ids = async (client: Client, query: string) =>
      ((await client.get(`/api/review-queue?limit=500&${query}`)).json().items as { id: string }[]).map(
        (r) => r.id,
      );
    const baDinh = await unitByCode(env, '10101003');
    expect(await ids(c.provReviewer, 'q=ba%20dinh')).toContain(id);
    expect(await ids(c.provReviewer, 'q=bach%20mai')).not.toContain(id);
    expect(await ids(c.provReviewer, `unitId=${baDinh.id}`)).toContain(id);
    expect((await ids(c.provReviewer, 'order=newest'))[0]).toBe(id);
    // naming the reporting unit does not open another unit's queue
    expect(await ids(c.steeringReviewer, `unitId=${baDinh.id}`)).not.toContain(id);
    expect(await ids(c.ministryReviewer, `unitId=${baDinh.id}`)).toEqual([]);
  });
});
