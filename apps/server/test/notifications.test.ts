import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoggingTransport } from '../src/modules/notifications/mail.ts';
import { createTestEnv, type TestEnv } from './harness.ts';
import { signedIn, uniq, unitByCode, type Client } from './factories.ts';
import { act, saveReport } from './reports-helpers.ts';
import { assign, cascade, createProgramme, createTask } from './tasks-factories.ts';

/** A province assignment (deadline 2025-06-30) cascaded to a commune; escalation after 3 days overdue. */
let env: TestEnv;
let provinceAssignment: string;
let communeAssignment: string;
let communeOfficer: Client;
let communeColleague: Client;
let provinceLead: Client;
let provinceOfficer: Client;
let communeEmail: string;

beforeAll(async () => {
  env = await createTestEnv();
  const programme = await createProgramme(env, { escalationDays: 3, reportDueDays: 5 });
  const task = await createTask(env, programme.id, {
    deadline: '2025-06-30',
    title: 'Kết nối dữ liệu dân cư',
  });
  provinceAssignment = (await assign(env, task.id, ['01']))[0]!.id;
  communeAssignment = (await cascade(env, provinceAssignment, ['10101003']))[0]!.id;
  const officer = await signedIn(env, '10101003', ['officer']);
  communeOfficer = officer.client;
  communeColleague = (await signedIn(env, '10101003', ['officer'])).client;
  provinceLead = (await signedIn(env, '01', ['unit_lead'])).client;
  provinceOfficer = (await signedIn(env, '01', ['officer', 'reviewer'])).client;
  communeEmail = `${uniq('canbo')}@example.vn`;
  await env.database.db
    .updateTable('app_user')
    .set({ email: communeEmail })
    .where('id', '=', officer.user.id)
    .execute();
});
afterAll(() => env.close());

const job = () => env.services.notifications.reminders;
const dispatch = () => env.services.notifications.dispatchOnce();
async function notes(assignmentId: string) {
  return env.database.db
    .selectFrom('notification')
    .select(['kind', 'unit_id', 'period', 'dedupe_key'])
    .where('assignment_id', '=', assignmentId)
    .where('kind', '!=', 'assignment_new')
    .orderBy('dedupe_key')
    .execute();
}

describe('reminders and escalation', () => {
  it('raises each reminder once, even when two runs go concurrently (claim + dedupe keys)', async () => {
    const [r1, r2] = await Promise.all([job().runReminders('2025-06-25'), job().runReminders('2025-06-25')]);
    expect([r1.ran, r2.ran].sort()).toEqual([false, true]);
    const ran = r1.ran ? r1 : r2;
    expect(ran.created).toEqual({ due_in_7_days: 2, report_missing: 2 });
    expect(await notes(communeAssignment)).toEqual([
      expect.objectContaining({
        kind: 'due_in_7_days',
        dedupe_key: `due_in_7_days:${communeAssignment}:2025-06-30`,
      }),
      expect.objectContaining({ kind: 'report_missing', period: '2025-05' }),
    ]);

    // forced runs (new run keys) in parallel still create nothing new
    const forced = await Promise.all([
      job().runReminders('2025-06-25', { force: true }),
      job().runReminders('2025-06-25', { force: true }),
    ]);
    expect(forced.map((r) => r.ran)).toEqual([true, true]);
    expect(forced.map((r) => r.created)).toEqual([{}, {}]);
    expect(await notes(communeAssignment)).toHaveLength(2);

    await dispatch();
    const mail = env.services.notifications.mail as LoggingTransport;
    const toCommune = mail.sent.filter((m) => m.to === communeEmail);
    // the two reminders, plus the "new task" e-mail of the cascade made in beforeAll (event assignment.cascaded)
    expect(toCommune.filter((m) => !m.subject.includes('Nhiệm vụ mới'))).toHaveLength(2);
    expect(toCommune.filter((m) => m.subject.includes('Nhiệm vụ mới'))).toHaveLength(1);
    expect(ran.emailsSent).toBeGreaterThanOrEqual(2);
  });

  it('warns one day ahead, then overdue, then escalates to the ASSIGNING unit after escalation_days', async () => {
    await job().runReminders('2025-06-29');
    await job().runReminders('2025-07-01');
    const province = await unitByCode(env, '01');
    let kinds = (await notes(communeAssignment)).map((n) => n.kind);
    expect(kinds).toEqual(expect.arrayContaining(['due_in_1_day', 'overdue']));
    expect(kinds).not.toContain('escalation');
    const r = await job().runReminders('2025-07-03');
    expect(r.created).toMatchObject({ escalation: 2 });
    const commune = await notes(communeAssignment);
    expect(commune.find((n) => n.kind === 'escalation')).toMatchObject({ unit_id: province.id });
    // issue 8 item 5: the province's escalation goes to the unit that assigned the task (the programme
    // owner, the steering committee), not to the national root; its steering staff see it
    const steeringUnit = await unitByCode(env, 'BCDCP');
    expect((await notes(provinceAssignment)).find((n) => n.kind === 'escalation')).toMatchObject({
      unit_id: steeringUnit.id,
    });
    const { client: steering } = await signedIn(env, 'BCDCP', ['steering']);
    const seen = (await steering.get('/api/notifications?kind=escalation')).json();
    expect(seen.items.map((n: { assignmentId: string }) => n.assignmentId)).toEqual([provinceAssignment]);
    const { client: rootAdmin } = await signedIn(env, 'VN', ['admin']);
    expect((await rootAdmin.get('/api/notifications?kind=escalation')).json().total).toBe(0);
    kinds = commune.map((n) => n.kind);
    expect(kinds.filter((k) => k === 'overdue')).toHaveLength(1); // once per deadline, not daily

    const audit = await env.database.db
      .selectFrom('audit_event')
      .select(['action', 'entity_id'])
      .where('entity_type', '=', 'job_run')
      .execute();
    expect(audit.filter((a) => a.action === 'job.reminders').map((a) => a.entity_id)).toEqual(
      expect.arrayContaining(['2025-06-25', '2025-07-03']),
    );
    expect(audit.some((a) => a.action === 'notification.raise')).toBe(true);
  });

  it("lists a unit's notifications for the user's roles, read per user", async () => {
    const list = await communeOfficer.get('/api/notifications', { 'accept-language': 'en' });
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(body.items.map((n: { kind: string }) => n.kind)).toEqual(
      expect.arrayContaining(['due_in_7_days', 'due_in_1_day', 'overdue', 'report_missing']),
    );
    expect(body.items.every((n: { kind: string }) => n.kind !== 'escalation')).toBe(true);
    expect(body.unread).toBe(body.total);
    const overdue = body.items.find((n: { kind: string }) => n.kind === 'overdue');
    expect(overdue.message).toMatch(/Kết nối dữ liệu dân cư: \d+ days overdue \(deadline 30\/06\/2025\)/);

    const read = await communeOfficer.post(`/api/notifications/${overdue.id}/read`);
    expect(read.json().readAt).not.toBeNull();
    expect((await communeOfficer.get('/api/notifications/unread-count')).json().count).toBe(body.total - 1);
    expect((await communeColleague.get('/api/notifications/unread-count')).json().count).toBe(body.total);
    expect(
      (await communeOfficer.get('/api/notifications?unread=true'))
        .json()
        .items.map((n: { id: string }) => n.id),
    ).not.toContain(overdue.id);
    expect((await communeOfficer.post('/api/notifications/read-all')).json().updated).toBe(body.total - 1);
    expect((await communeOfficer.get('/api/notifications/unread-count')).json().count).toBe(0);

    // the province lead sees the escalation about its commune; officers elsewhere cannot read it
    const lead = (await provinceLead.get('/api/notifications?kind=escalation')).json();
    expect(lead.items.some((n: { assignmentId: string }) => n.assignmentId === communeAssignment)).toBe(true);
    const { client: plainOfficer } = await signedIn(env, '01', ['officer']);
    expect((await plainOfficer.get('/api/notifications?kind=escalation')).json().total).toBe(0);
    expect((await communeOfficer.post(`/api/notifications/${lead.items[0].id}/read`)).statusCode).toBe(404);
  });

  it('notifies the reviewer unit on submission and the reporting unit on return', async () => {
    const { reportId } = await saveReport(communeOfficer, {
      assignmentId: communeAssignment,
      period: '2025-07',
      progress: 80,
    });
    await act(communeOfficer, reportId, 'submit');
    await dispatch(); // the workflow records an event; the dispatcher raises the notification
    const reviewer = (await provinceOfficer.get('/api/notifications?kind=report_submitted')).json();
    expect(reviewer.items[0]).toMatchObject({ reportId, period: '2025-07' });
    await act(provinceOfficer, reportId, 'return', { reason: 'Thiếu minh chứng' });
    await dispatch();
    const back = (await communeOfficer.get('/api/notifications?kind=report_returned')).json();
    expect(back.items[0].message).toContain('Thiếu minh chứng');
  });

  it('lets a national admin run the job on demand, nobody else', async () => {
    const { client: admin } = await signedIn(env, 'VN', ['admin']);
    const res = await admin.post('/api/admin/jobs/reminders/run', { asOf: '2025-07-10', force: true });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ran: true, asOf: '2025-07-10' });
    const { client: provinceAdmin } = await signedIn(env, '01', ['admin']);
    expect((await provinceAdmin.post('/api/admin/jobs/reminders/run', {})).statusCode).toBe(403);
    expect((await communeOfficer.post('/api/admin/jobs/reminders/run')).statusCode).toBe(403);
  });
});
