import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../src/db/ids.ts';
import { inTransaction } from '../src/db/transaction.ts';
import { eventsRepository, recordEvent, type DomainEvent } from '../src/modules/events/index.ts';
import type { MailMessage, MailTransport } from '../src/modules/notifications/index.ts';
import { outboxRepository } from '../src/modules/notifications/outbox.repository.ts';
import { createServices, type Services } from '../src/services.ts';
import { createUser, signedIn, uniq, unitByCode } from './factories.ts';
import { createTestEnv, type TestEnv } from './harness.ts';
import { assign, cascade, createProgramme, createTask } from './tasks-factories.ts';

/** Fails the first `failures` sends to `flaky` addresses, then accepts; records what it accepted. */
class FlakyTransport implements MailTransport {
  readonly kind = 'flaky';
  readonly sent: MailMessage[] = [];
  private failed = 0;
  constructor(private readonly failures: number) {}
  send(m: MailMessage): Promise<void> {
    if (m.to.startsWith('flaky') && this.failed < this.failures) {
      this.failed++;
      return Promise.reject(new Error(`421 try again later (${this.failed})`));
    }
    this.sent.push(m);
    return Promise.resolve();
  }
}

let env: TestEnv;
let services: Services;
let flaky: FlakyTransport;
let province: { id: string };
let reviewerEmail: string;
let assignmentId: string;
const SECOND = 1000;

beforeAll(async () => {
  env = await createTestEnv();
  flaky = new FlakyTransport(2);
  // a second wiring over the same database, with the flaky transport (as another instance would be)
  services = createServices(env.database, env.config, { mail: flaky });
  province = await unitByCode(env, '01');
  const programme = await createProgramme(env);
  const task = await createTask(env, programme.id, { deadline: '2025-12-31' });
  assignmentId = (await assign(env, task.id, ['02']))[0]!.id; // its assignment.created event goes to '02'
  const reviewer = await createUser(env, '01', ['reviewer']);
  reviewerEmail = `flaky-${uniq()}@example.vn`;
  await env.database.db
    .updateTable('app_user')
    .set({ email: reviewerEmail })
    .where('id', '=', reviewer.id)
    .execute();
});
afterAll(() => env.close());

/** A report.submitted event; its notification goes to `reviewUnit` (default: the province with the reviewer). */
const submitted = (reportId = newId(), reviewUnit = province.id): DomainEvent => ({
  type: 'report.submitted',
  reportId,
  assignmentId,
  period: '2025-06',
  unitId: province.id,
  unitName: 'Xã thử',
  assignedByUnitId: reviewUnit,
  taskCode: uniq('NV-'),
  taskTitle: 'Sự kiện',
  progress: 40,
});

const record = (event: DomainEvent, dedupeKey?: string) =>
  inTransaction(env.database.db, (tx) => recordEvent(tx, event, dedupeKey ? { dedupeKey } : undefined));

const eventRow = (id: string) =>
  env.database.db.selectFrom('domain_event').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const notificationsOf = (eventId: string) =>
  env.database.db.selectFrom('notification').selectAll().where('event_id', '=', eventId).execute();
const mailsOf = (eventId: string) =>
  env.database.db.selectFrom('mail_outbox').selectAll().where('event_id', '=', eventId).execute();

describe('domain events → notifications → mail outbox', () => {
  it('records in the caller transaction; a rolled back change leaves no event', async () => {
    const reportId = newId();
    await expect(
      inTransaction(env.database.db, async (tx) => {
        await recordEvent(tx, submitted(reportId, env.rootId));
        throw new Error('the change fails');
      }),
    ).rejects.toThrow('the change fails');
    const rows = await env.database.db
      .selectFrom('domain_event')
      .select('id')
      .where('subject_id', '=', reportId)
      .execute();
    expect(rows).toHaveLength(0);
    // the same dedupe key twice records one event
    const key = uniq('k-');
    expect(await record(submitted(newId(), env.rootId), key)).not.toBeNull();
    expect(await record(submitted(newId(), env.rootId), key)).toBeNull();
  });

  it('dispatches once: notification with subject and recipient, one e-mail after two failures (attempts = 3)', async () => {
    const id = (await record(submitted()))!;
    const t0 = new Date();
    const first = await services.notifications.dispatchOnce(t0);
    expect(first.events.processed).toBeGreaterThanOrEqual(1);
    expect((await eventRow(id)).processed_at).not.toBeNull();
    const notes = await notificationsOf(id);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      kind: 'report_submitted',
      unit_id: province.id,
      subject_type: 'report',
    });
    let [mail] = await mailsOf(id);
    expect(mail).toMatchObject({ to_address: reviewerEmail, attempts: 1, sent_at: null });
    expect(mail!.last_error).toMatch(/421/);
    expect(mail!.next_attempt_at.getTime()).toBeGreaterThanOrEqual(t0.getTime() + 30 * SECOND);

    // before the back-off elapses nothing is tried; a second dispatch raises nothing new
    await services.notifications.dispatchOnce(new Date(t0.getTime() + 5 * SECOND));
    expect((await mailsOf(id))[0]!.attempts).toBe(1);
    expect(await notificationsOf(id)).toHaveLength(1);

    await services.notifications.dispatchOnce(new Date(t0.getTime() + 40 * SECOND)); // 2nd attempt fails
    [mail] = await mailsOf(id);
    expect(mail).toMatchObject({ attempts: 2, sent_at: null });
    // the delay doubled: ≥ 60 s after the second attempt
    expect(mail!.next_attempt_at.getTime()).toBeGreaterThanOrEqual(t0.getTime() + 100 * SECOND);
    await services.notifications.dispatchOnce(new Date(t0.getTime() + 200 * SECOND)); // 3rd succeeds
    [mail] = await mailsOf(id);
    expect(mail).toMatchObject({ attempts: 3, last_error: null });
    expect(mail!.sent_at).not.toBeNull();
    expect(flaky.sent.filter((m) => m.to === reviewerEmail)).toHaveLength(1);
    await services.notifications.dispatchOnce(new Date(t0.getTime() + 10_000 * SECOND));
    expect(flaky.sent.filter((m) => m.to === reviewerEmail)).toHaveLength(1);
  });

  it('re-claims an event whose dispatcher crashed after the lease; the stale claimer cannot finish it', async () => {
    const id = (await record(submitted()))!;
    const t0 = new Date();
    const lease = env.config.dispatch.eventLeaseMs;
    // a dispatcher claims the event and dies
    const crashedToken = newId();
    const claimed = await inTransaction(env.database.db, (tx) =>
      eventsRepository.claim(tx, {
        token: crashedToken,
        now: t0,
        leaseMs: lease,
        limit: 1000,
        maxAttempts: 10,
      }),
    );
    expect(claimed.map((e) => e.id)).toContain(id);
    await services.notifications.dispatchOnce(new Date(t0.getTime() + lease / 2));
    expect((await eventRow(id)).processed_at).toBeNull();
    expect(await notificationsOf(id)).toHaveLength(0);

    await services.notifications.dispatchOnce(new Date(t0.getTime() + lease + SECOND));
    const row = await eventRow(id);
    expect(row.processed_at).not.toBeNull();
    expect(row.attempts).toBe(2);
    expect(await notificationsOf(id)).toHaveLength(1);
    // the crashed dispatcher coming back cannot mark it (its claim was taken over)
    const finished = await inTransaction(env.database.db, (tx) =>
      eventsRepository.finish(tx, [id], crashedToken, new Date()),
    );
    expect(finished.size).toBe(0);
  });

  it('re-sends an e-mail whose sender crashed between claim and result, after the lease', async () => {
    const event = submitted();
    const id = (await record(event))!;
    const code = (event as { taskCode: string }).taskCode;
    const t0 = new Date();
    await services.events.drain(t0); // notification + outbox row, not sent yet
    const [mail] = await mailsOf(id);
    expect(mail!.sent_at).toBeNull();
    const lease = env.config.dispatch.mailLeaseMs;
    const crashed = await inTransaction(env.database.db, (tx) =>
      outboxRepository.claim(tx, { token: newId(), now: t0, leaseMs: lease, limit: 1000 }),
    );
    expect(crashed.map((m) => m.id)).toContain(mail!.id);
    await services.notifications.dispatchOnce(new Date(t0.getTime() + lease / 2));
    expect((await mailsOf(id))[0]!.sent_at).toBeNull();
    await services.notifications.dispatchOnce(new Date(t0.getTime() + lease + SECOND));
    const [after] = await mailsOf(id);
    expect(after!.sent_at).not.toBeNull();
    expect(after!.attempts).toBe(2);
    expect(flaky.sent.filter((m) => m.subject.includes(code))).toHaveLength(1);
  });

  it('a failing event does not hold the others back; it is retried later with its error kept', async () => {
    const broken = (await record(submitted(newId(), newId())))!; // unknown unit: FK fails
    const fine = (await record(submitted()))!;
    const r = await services.events.dispatchOnce(new Date());
    expect(r.failed).toBeGreaterThanOrEqual(1);
    expect((await eventRow(fine)).processed_at).not.toBeNull();
    const bad = await eventRow(broken);
    expect(bad.processed_at).toBeNull();
    expect(bad.last_error).toMatch(/foreign key|violates/i);
  });

  it('workflows record typed events in their transaction: cascade, extension requested and decided', async () => {
    const programme = await createProgramme(env, { periodEnd: '2030-12-31' });
    const task = await createTask(env, programme.id, { startDate: '2025-01-01', deadline: '2030-06-30' });
    const [hanoi] = await assign(env, task.id, ['01']);
    const [baDinh] = await cascade(env, hanoi!.id, ['10101003'], '2030-03-31');
    const { client: commune } = await signedIn(env, '10101003', ['officer']);
    const { client: province } = await signedIn(env, '01', ['officer', 'reviewer']);
    const req = await commune.post(`/api/assignments/${baDinh!.id}/extensions`, {
      requestedDeadline: '2030-06-15',
      reason: 'Mưa lũ',
    });
    expect(req.statusCode).toBe(201);
    const ext = req.json<{ id: string }>();
    expect((await province.post(`/api/extensions/${ext.id}/decision`, { approve: false })).statusCode).toBe(
      200,
    );

    const events = await env.database.db
      .selectFrom('domain_event')
      .select(['type', 'subject_type', 'subject_id', 'payload'])
      .where('subject_id', 'in', [hanoi!.id, ext.id])
      .orderBy('id')
      .execute();
    expect(events.map((e) => [e.type, e.subject_type])).toEqual([
      ['assignment.cascaded', 'assignment'],
      ['extension.requested', 'deadline_extension'],
      ['extension.decided', 'deadline_extension'],
    ]);
    expect(events[2]!.payload).toMatchObject({
      approved: false,
      deadline: '2030-03-31',
      taskCode: task.code,
    });

    await services.notifications.dispatchOnce();
    const notes = await env.database.db
      .selectFrom('notification as n')
      .innerJoin('org_unit as u', 'u.id', 'n.unit_id')
      .select(['n.kind', 'u.code'])
      .where('n.assignment_id', '=', baDinh!.id)
      .orderBy('n.kind')
      .execute();
    expect(notes).toEqual([
      { kind: 'assignment_new', code: '10101003' },
      { kind: 'extension_rejected', code: '10101003' },
      { kind: 'extension_requested', code: '01' },
    ]);
    const list = (
      await province.get('/api/notifications?kind=extension_requested', { 'accept-language': 'en' })
    ).json<{
      items: { message: string; subjectType: string; subjectId: string }[];
    }>();
    expect(list.items[0]).toMatchObject({ subjectType: 'assignment', subjectId: baDinh!.id });
    expect(list.items[0]!.message).toMatch(/asks to extend .* to 15\/06\/2030: Mưa lũ/);
  });

  it('a notification may be addressed to one user: only that user sees it; it needs a recipient', async () => {
    const { user, client: addressee } = await signedIn(env, '01', ['viewer']);
    const { client: colleague } = await signedIn(env, '01', ['officer', 'reviewer', 'unit_lead']);
    const row = {
      kind: 'report_accepted' as const,
      subject_type: 'assignment',
      subject_id: assignmentId,
      assignment_id: assignmentId,
      params: JSON.stringify({ taskCode: 'NV-U', period: '2025-06' }),
    };
    await env.database.db
      .insertInto('notification')
      .values({ ...row, id: newId(), unit_id: null, user_id: user.id, dedupe_key: uniq('user-') })
      .execute();
    const mine = (await addressee.get('/api/notifications')).json<{ items: { userId: string | null }[] }>();
    expect(mine.items.filter((n) => n.userId === user.id)).toHaveLength(1);
    const theirs = (await colleague.get('/api/notifications')).json<{ items: { userId: string | null }[] }>();
    expect(theirs.items.filter((n) => n.userId === user.id)).toHaveLength(0);
    await expect(
      env.database.db
        .insertInto('notification')
        .values({ ...row, id: newId(), unit_id: null, user_id: null, dedupe_key: uniq('none-') })
        .execute(),
    ).rejects.toThrow(/notification_recipient_ck/);
  });
});
