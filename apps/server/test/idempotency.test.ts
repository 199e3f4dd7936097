import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from './harness.ts';
import { auditActions, signedIn, uniq, type Client } from './factories.ts';
import { act, saveReport } from './reports-helpers.ts';
import { assign, cascade, createProgramme, createTask } from './tasks-factories.ts';

let env: TestEnv;
let assignmentId: string;
let officer: Client;
let colleague: Client;

beforeAll(async () => {
  env = await createTestEnv();
  const programme = await createProgramme(env);
  const task = await createTask(env, programme.id, { deadline: '2030-12-31' });
  const [province] = await assign(env, task.id, ['01']);
  assignmentId = (await cascade(env, province!.id, ['00004']))[0]!.id;
  officer = (await signedIn(env, '00004', ['officer'])).client;
  colleague = (await signedIn(env, '00004', ['officer'])).client;
});
afterAll(() => env.close());

const count = async (table: 'progress_report' | 'notification', column: 'id' | 'report_id', value: string) =>
  Number(
    (
      await env.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(column, '=', value)
        .executeTakeFirstOrThrow()
    ).n,
  );
const audits = (entityId: string) => auditActions(env, entityId);

describe('idempotent writes', () => {
  it('replays a PUT with the same key and body: same status and body, one row, one audit event', async () => {
    const key = uniq('key-');
    const id = randomUUID();
    const body = { assignmentId, period: '2025-03', progress: 20, narrative: 'Lần gửi đầu' };
    const first = await saveReport(officer, body, id, { 'idempotency-key': key });
    const again = await saveReport(officer, body, id, { 'idempotency-key': key });
    expect(first.statusCode).toBe(200);
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(first.headers['idempotency-replayed']).toBeUndefined();
    expect(again.json()).toEqual(first.json());
    expect(await count('progress_report', 'id', id)).toBe(1);
    expect(await audits(id)).toEqual(['report.create']);

    const other = await saveReport(officer, { ...body, progress: 25 }, id, { 'idempotency-key': key });
    expect(other.statusCode).toBe(422);
    expect(other.json().errors[0].path).toBe('headers.idempotency-key');
    // keys belong to their actor: a colleague's identical key is a different request
    const colleagueUse = await saveReport(colleague, { ...body, progress: 30 }, id, {
      'idempotency-key': key,
    });
    expect(colleagueUse.statusCode).toBe(200);
    expect(colleagueUse.headers['idempotency-replayed']).toBeUndefined();
  });

  it('a retried create without a key finds the client-generated id: still one report', async () => {
    const id = randomUUID();
    const body = { assignmentId, period: '2025-04', progress: 10 };
    const [a, b] = await Promise.all([saveReport(officer, body, id), saveReport(officer, body, id)]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(await count('progress_report', 'id', id)).toBe(1);
  });

  it('a retried submit never submits twice; concurrent retries replay', async () => {
    const created = await saveReport(officer, { assignmentId, period: '2025-05', progress: 35 });
    const id = created.reportId;
    const key = uniq('submit-');
    const [x, y] = await Promise.all([
      act(officer, id, 'submit', undefined, { 'idempotency-key': key }),
      act(officer, id, 'submit', undefined, { 'idempotency-key': key }),
    ]);
    expect([x.statusCode, y.statusCode]).toEqual([200, 200]);
    expect([x.headers['idempotency-replayed'], y.headers['idempotency-replayed']].filter(Boolean)).toEqual([
      'true',
    ]);
    expect(y.json()).toEqual(x.json());
    const late = await act(officer, id, 'submit', undefined, { 'idempotency-key': key });
    expect(late.json()).toEqual(x.json());
    expect((await act(officer, id, 'submit')).statusCode).toBe(409); // without a key: already submitted
    expect((await audits(id)).filter((a) => a === 'report.submit')).toHaveLength(1);
    await env.services.notifications.dispatchOnce(); // events → notifications
    expect(await count('notification', 'report_id', id)).toBe(1);
  });

  it('does not store failures: the same key works once the cause is fixed', async () => {
    const created = await saveReport(officer, { assignmentId, period: '2025-06', progress: 100 });
    const key = uniq('retry-');
    const failed = await act(officer, created.reportId, 'submit', undefined, { 'idempotency-key': key });
    expect(failed.statusCode).toBe(400); // completion date missing
    await saveReport(
      officer,
      { assignmentId, period: '2025-06', progress: 100, completedOn: '2025-06-28' },
      created.reportId,
    );
    const ok = await act(officer, created.reportId, 'submit', undefined, { 'idempotency-key': key });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().status).toBe('submitted');
  });

  it('rejects malformed keys', async () => {
    for (const key of ['', 'has space', 'x'.repeat(201), 'khóa']) {
      const res = await saveReport(officer, { assignmentId, period: '2025-07', progress: 1 }, randomUUID(), {
        'idempotency-key': key,
      });
      expect(res.statusCode, key).toBe(400);
    }
  });
});
