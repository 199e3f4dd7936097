import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, daysBetween, dueOn, periodOf, todayVn } from '../src/modules/tasks/reporting-period.ts';
import { judgedPeriodOf } from '../src/modules/tasks/status-engine.ts';
import { createTestEnv, type TestEnv } from './harness.ts';
import { signedIn, type Client } from './factories.ts';
import { act, saveReport } from './reports-helpers.ts';
import { assign, cascade, createProgramme, createTask } from './tasks-factories.ts';

/**
 * Issue 8, bug 1: the authoritative report is the latest ACCEPTED one (ADR 0013); a later report awaiting
 * review is shown apart and never overrides accepted progress — in the API, the stored status, the engine
 * on facts for another date, and the roll-ups. Bug 6: "due within N days" includes report due dates.
 */
let env: TestEnv;
let taskId: string;
let assignmentId: string;
let officer: Client;
let reviewer: Client;

beforeAll(async () => {
  env = await createTestEnv();
  const programme = await createProgramme(env, { periodStart: '2026-01-01', periodEnd: '2030-12-31' });
  const task = await createTask(env, programme.id, { startDate: '2026-01-01', deadline: '2030-12-31' });
  taskId = task.id;
  const [prov] = await assign(env, task.id, ['01']);
  assignmentId = (await cascade(env, prov!.id, ['10101003']))[0]!.id;
  officer = (await signedIn(env, '10101003', ['officer'])).client;
  reviewer = (await signedIn(env, '01', ['reviewer'])).client;
});
afterAll(() => env.close());

async function submit(period: string, progress: number) {
  const draft = await saveReport(officer, { assignmentId, period, progress });
  expect(draft.statusCode).toBe(200);
  expect((await act(officer, draft.reportId, 'submit')).statusCode).toBe(200);
  return draft.reportId;
}

const getAssignment = async (asOf?: string) => {
  const res = await reviewer.get(`/api/assignments/${assignmentId}${asOf ? `?asOf=${asOf}` : ''}`);
  expect(res.statusCode).toBe(200);
  return res.json();
};

describe('the latest accepted report is authoritative', () => {
  it('an empty later report awaiting review does not override 45 % accepted for the earlier period', async () => {
    const october = await submit('2026-10', 0);
    const september = await submit('2026-09', 45);
    expect((await act(reviewer, september, 'accept')).statusCode).toBe(200);

    const a = await getAssignment();
    expect(a.progress).toBe(45);
    expect(a.status).toBe('in_progress');
    expect(a.reporting.awaitingReview).toMatchObject({ reportId: october, period: '2026-10', progress: 0 });

    // "my assignments" of the commune
    const mine = (await officer.get('/api/assignments?mine=true')).json();
    const own = mine.items.find((i: { id: string }) => i.id === assignmentId);
    expect(own).toMatchObject({ progress: 45, reporting: { awaitingReview: { period: '2026-10' } } });

    // the stored status (ADR 0010) follows the same rule
    const stored = await env.database.db
      .selectFrom('assignment')
      .select(['status_progress'])
      .where('id', '=', assignmentId)
      .executeTakeFirstOrThrow();
    expect(stored.status_progress).toBe(45);

    // another date: the engine on facts reduced in SQL (loadFacts with asOf)
    const tomorrow = await getAssignment(addDays(todayVn(), 1));
    expect(tomorrow.progress).toBe(45);
    expect(tomorrow.reporting.awaitingReview?.period).toBe('2026-10');

    // roll-ups: the task as the commune sees it (carried by its own assignment), today and another date
    expect((await officer.get(`/api/tasks/${taskId}`)).json().progress).toBe(45);
    expect((await officer.get(`/api/tasks/${taskId}?asOf=${addDays(todayVn(), 1)}`)).json().progress).toBe(
      45,
    );
  });

  it('once the later report is accepted it becomes the progress; nothing awaits review', async () => {
    const october = (await getAssignment()).reporting.awaitingReview.reportId;
    expect((await act(reviewer, october, 'accept')).statusCode).toBe(200);
    const a = await getAssignment();
    expect(a.progress).toBe(0);
    expect(a.reporting.awaitingReview).toBeNull();
    const tomorrow = await getAssignment(addDays(todayVn(), 1));
    expect(tomorrow.progress).toBe(0);
  });
});

describe('due within N days includes reports falling due (bug 6)', () => {
  it('lists an assignment whose next report is due within the window, though its deadline is years away', async () => {
    const programme = await createProgramme(env, { periodStart: '2026-01-01', periodEnd: '2030-12-31' });
    const task = await createTask(env, programme.id, { startDate: '2026-01-01', deadline: '2030-12-31' });
    const [prov] = await assign(env, task.id, ['01']);
    const id = (await cascade(env, prov!.id, ['10101003']))[0]!.id;
    const today = todayVn();
    const previous = periodOf(addDays(`${periodOf(today, 'monthly')}-01`, -1), 'monthly');
    const next = dueOn(previous, 5) >= today ? previous : periodOf(today, 'monthly');
    const days = daysBetween(today, dueOn(next, 5));
    const due = async (within: number, asOf?: string) =>
      (
        await officer.get(
          `/api/assignments?mine=true&dueWithinDays=${within}&limit=100${asOf ? `&asOf=${asOf}` : ''}`,
        )
      )
        .json()
        .items.map((i: { id: string }) => i.id);

    expect(await due(days)).toContain(id);
    if (days > 0) expect(await due(days - 1)).not.toContain(id);
    const a = (await officer.get(`/api/assignments/${id}`)).json();
    expect(a.reporting.nextDue).toEqual({ period: next, dueOn: dueOn(next, 5) });
    // another date (engine path): as of 2026-06-01 the May report is due on 06-05
    expect(await due(4, '2026-06-01')).toContain(id);
    expect(await due(3, '2026-06-01')).not.toContain(id);
    // once that report is sent, the assignment is no longer due soon (as of today)
    const draft = await saveReport(officer, { assignmentId: id, period: next, progress: 10 });
    expect((await act(officer, draft.reportId, 'submit')).statusCode).toBe(200);
    expect(await due(days)).not.toContain(id);
    // a report sent today was not received as of 2026-06-01: still due soon as of that date
    const may = await saveReport(officer, { assignmentId: id, period: '2026-05', progress: 5 });
    expect((await act(officer, may.reportId, 'submit')).statusCode).toBe(200);
    expect(await due(4, '2026-06-01')).toContain(id);
  });
});

describe('periods of completed and continuous work (bug 4)', () => {
  it('a completed assignment lists no period after its completion, and none of those is missing', async () => {
    const programme = await createProgramme(env, { periodStart: '2026-01-01', periodEnd: '2030-12-31' });
    const task = await createTask(env, programme.id, { startDate: '2026-01-01', deadline: '2030-12-31' });
    const [prov] = await assign(env, task.id, ['01']);
    const id = (await cascade(env, prov!.id, ['10101003']))[0]!.id;
    for (const period of ['2026-01', '2026-02']) {
      const r = await saveReport(officer, { assignmentId: id, period, progress: 50 });
      expect((await act(officer, r.reportId, 'submit')).statusCode).toBe(200);
    }
    const done = await saveReport(officer, {
      assignmentId: id,
      period: '2026-03',
      progress: 100,
      completedOn: '2026-03-20',
    });
    expect((await act(officer, done.reportId, 'submit')).statusCode).toBe(200);
    expect((await act(reviewer, done.reportId, 'accept')).statusCode).toBe(200);
    const periods = (await officer.get(`/api/assignments/${id}/reports`)).json().periods;
    expect(periods.map((p: { period: string }) => p.period)).toEqual(['2026-03', '2026-02', '2026-01']);
    expect(periods.some((p: { missing: boolean }) => p.missing)).toBe(false);
    const a = (await officer.get(`/api/assignments/${id}`)).json();
    expect(a).toMatchObject({ status: 'done_on_time', progress: 100 });
    expect(a.reporting).toMatchObject({ missingCount: 0, nextDue: null });
    // nothing falls due any more: never "due soon" (the next period's report is due within 40 days)
    const soon = (await officer.get('/api/assignments?mine=true&dueWithinDays=40&limit=100')).json();
    expect(soon.items.map((i: { id: string }) => i.id)).not.toContain(id);
    expect(soon.items.length).toBeGreaterThan(0);
    // as of a date before the completion: not completed yet, no product, no later period listed
    const before = (await officer.get(`/api/assignments/${id}?asOf=2026-03-19`)).json();
    expect(before).toMatchObject({ completedOn: null, product: null });
    const early = (await officer.get(`/api/assignments/${id}/reports?asOf=2026-02-15`)).json().periods;
    expect(early.map((p: { period: string }) => p.period)).toEqual(['2026-02', '2026-01']);
  });

  it('continuous work at 100 % is judged on its latest due period: overdue, with the period to say why', async () => {
    const programme = await createProgramme(env, { periodStart: '2026-01-01', periodEnd: '2030-12-31' });
    const task = await createTask(env, programme.id, { startDate: '2026-01-01', isContinuous: true });
    const [prov] = await assign(env, task.id, ['01']);
    const id = (await cascade(env, prov!.id, ['10101003']))[0]!.id;
    const r = await saveReport(officer, { assignmentId: id, period: '2026-01', progress: 100 });
    expect((await act(officer, r.reportId, 'submit')).statusCode).toBe(200);
    expect((await act(reviewer, r.reportId, 'accept')).statusCode).toBe(200);
    // as of today (the report was submitted today): the judged period is the latest one due
    const judged = judgedPeriodOf('2026-01-01', 'monthly', todayVn(), 5);
    const a = (await officer.get(`/api/assignments/${id}`)).json();
    expect(a).toMatchObject({ status: 'overdue', progress: 100, judgedPeriod: judged });
    expect(a.reporting).toMatchObject({ oldestMissing: { period: '2026-02' } });
  });
});

describe('a report waiting for the unit lead (provinces, ministries)', () => {
  it('is not "missing" in the unit’s own to-do but awaiting approval; the assigning unit learns nothing of it', async () => {
    const programme = await createProgramme(env, { periodStart: '2026-01-01', periodEnd: '2030-12-31' });
    const task = await createTask(env, programme.id, { startDate: '2026-01-01', deadline: '2030-12-31' });
    const [prov] = await assign(env, task.id, ['01']);
    const provOfficer = (await signedIn(env, '01', ['officer'])).client;
    const steering = (await signedIn(env, 'BCDCP', ['steering'])).client;
    const draft = await saveReport(provOfficer, { assignmentId: prov!.id, period: '2026-01', progress: 20 });
    expect((await act(provOfficer, draft.reportId, 'submit')).json().status).toBe('pending_approval');

    const own = (await provOfficer.get(`/api/assignments/${prov!.id}`)).json().reporting;
    expect(own.awaitingApproval).toEqual({ reportId: draft.reportId, period: '2026-01' });
    expect(own.oldestMissing?.period).not.toBe('2026-01');
    const theirs = (await steering.get(`/api/assignments/${prov!.id}`)).json().reporting;
    expect(theirs.awaitingApproval).toBeNull();
    expect(theirs.oldestMissing.period).toBe('2026-01');
    expect(theirs.missingCount).toBe(own.missingCount + 1);
  });
});
