import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from './harness.ts';
import { auditActions, signedIn, type Client } from './factories.ts';
import { act, saveReport } from './reports-helpers.ts';
import { assign, cascade, createProgramme, createTask } from './tasks-factories.ts';

/** Issue 8: a reviewer with 100+ reports accepts many at once, each one as if accepted alone. */
let env: TestEnv;
let assignments: string[];
let officers: Client[];
let reviewer: Client;

beforeAll(async () => {
  env = await createTestEnv();
  const programme = await createProgramme(env);
  const task = await createTask(env, programme.id, { deadline: '2030-12-31' });
  const [prov] = await assign(env, task.id, ['01']);
  assignments = (await cascade(env, prov!.id, ['00004', '00292'])).map((a) => a.id);
  officers = [
    (await signedIn(env, '00004', ['officer'])).client,
    (await signedIn(env, '00292', ['officer'])).client,
  ];
  reviewer = (await signedIn(env, '01', ['reviewer'])).client;
});
afterAll(() => env.close());

async function submitted(period: string, progress: number): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, officer] of officers.entries()) {
    const saved = await saveReport(officer, { assignmentId: assignments[i], period, progress });
    expect(saved.statusCode).toBe(200);
    expect((await act(officer, saved.reportId, 'submit')).statusCode).toBe(200);
    ids.push(saved.reportId);
  }
  return ids;
}

const accepted = (ids: string[]) =>
  env.database.db
    .selectFrom('domain_event')
    .select('subject_id')
    .where('type', '=', 'report.accepted')
    .where('subject_id', 'in', ids)
    .execute();

describe('POST /api/reviews/accept', () => {
  it('accepts each report with its own audit event, domain event and assignment progress', async () => {
    const ids = await submitted('2025-05', 40);
    const res = await reviewer.post('/api/reviews/accept', { ids, note: 'Đạt yêu cầu' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ accepted: 2, alreadyAccepted: 0, refused: 0 });
    for (const id of ids) expect(await auditActions(env, id)).toContain('report.accept');
    expect((await accepted(ids)).length).toBe(2);
    const progress = await env.database.db
      .selectFrom('assignment')
      .select('progress')
      .where('id', 'in', assignments)
      .execute();
    expect(progress.map((p) => p.progress)).toEqual([40, 40]);
  });

  it('a refused report changes nothing and does not stop the others; messages follow the language', async () => {
    const [first, second] = await submitted('2025-06', 50);
    // the second is taken back by its unit before the reviewer decides
    expect((await act(officers[1]!, second!, 'withdraw')).statusCode).toBe(200);
    const res = await reviewer.request({
      method: 'POST',
      url: '/api/reviews/accept',
      payload: { ids: [second, first] },
      headers: { 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ accepted: 1, refused: 1 });
    // results come back in the order asked
    expect(body.results.map((r: { id: string }) => r.id)).toEqual([second, first]);
    // a withdrawn report is the unit's draft again: the reviewer no longer sees it
    expect(body.results[0]).toMatchObject({ outcome: 'refused', status: null });
    expect(body.results[0].message).toMatch(/not found/i);
    expect(await auditActions(env, second!)).not.toContain('report.accept');
  });

  it('is safe to repeat: same Idempotency-Key replays, a new request answers already_accepted', async () => {
    const ids = await submitted('2025-07', 60);
    const send = (key: string) =>
      reviewer.request({
        method: 'POST',
        url: '/api/reviews/accept',
        payload: { ids },
        headers: { 'idempotency-key': key },
      });
    const first = await send('bulk-1');
    const replay = await send('bulk-1');
    expect(replay.headers['idempotency-replayed']).toBe('true');
    expect(replay.json()).toEqual(first.json());
    const again = await send('bulk-2');
    expect(again.json()).toMatchObject({ accepted: 0, alreadyAccepted: 2, refused: 0 });
    expect((await accepted(ids)).length).toBe(2);
    for (const id of ids)
      expect((await auditActions(env, id)).filter((a) => a === 'report.accept')).toHaveLength(1);
  });

  it('refuses an empty or oversized list with a human message', async () => {
    const res = await reviewer.request({
      method: 'POST',
      url: '/api/reviews/accept',
      payload: { ids: [] },
      headers: { 'accept-language': 'vi' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('body.ids');
  });
});
