import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayVn } from '../src/modules/tasks/reporting-period.ts';
import { createTestEnv, type TestEnv } from './harness.ts';
import { signedIn, unitByCode, uniq, type Client } from './factories.ts';
import { assign, createProgramme, createTask } from './tasks-factories.ts';

let env: TestEnv;
let lead: Client;
let officer: Client;
let otherLead: Client;
let a1: string;
let a2: string;
let b1: string;
const today = todayVn();
const due = addDays(today, 10);

beforeAll(async () => {
  env = await createTestEnv();
  const programme = await createProgramme(env, { periodEnd: '2030-12-31' });
  const t1 = await createTask(env, programme.id, { deadline: '2030-12-31' });
  const t2 = await createTask(env, programme.id, { deadline: '2030-12-31' });
  [a1, b1] = (await assign(env, t1.id, ['01', '24'])).map((a) => a.id) as [string, string];
  a2 = (await assign(env, t2.id, ['01']))[0]!.id;
  lead = (await signedIn(env, '01', ['unit_lead'])).client;
  officer = (await signedIn(env, '01', ['officer'])).client;
  otherLead = (await signedIn(env, '24', ['unit_lead'])).client;
});
afterAll(() => env.close());

const complete = (id: string, on: string | null) =>
  env.database.db.updateTable('assignment').set({ completed_on: on }).where('id', '=', id).execute();

describe('written commitments', () => {
  it('a unit lead signs for the unit: signer, time and content hash stored, audited, replay-safe', async () => {
    const key = uniq('c-');
    const body = {
      outcome: 'Hoàn thành 100% thủ tục trực tuyến toàn trình',
      dueOn: due,
      assignmentIds: [a1, a2],
    };
    const res = await lead.post('/api/commitments', body, { 'idempotency-key': key });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({
      unit: { code: '01' },
      state: 'pending',
      hashValid: true,
      dueOn: due,
      signerName: expect.stringContaining('Test'),
    });
    expect(c.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(c.items.map((i: { assignmentId: string }) => i.assignmentId).sort()).toEqual([a1, a2].sort());
    const again = await lead.post('/api/commitments', body, { 'idempotency-key': key });
    expect(again.json()).toEqual(c);
    const unit = await unitByCode(env, '01');
    const stored = await env.database.db
      .selectFrom('commitment')
      .selectAll()
      .where('unit_id', '=', unit.id)
      .execute();
    expect(stored).toHaveLength(1);
    const audit = await env.database.db
      .selectFrom('audit_event')
      .select(['action', 'after'])
      .where('entity_id', '=', c.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'commitment.sign', after: { contentSha256: c.contentHash } });
  });

  it('refuses officers, other units, foreign assignments and past dates', async () => {
    const body = { outcome: 'x', dueOn: due, assignmentIds: [a1] };
    expect((await officer.post('/api/commitments', body)).statusCode).toBe(403);
    const foreign = await otherLead.post('/api/commitments', { ...body, assignmentIds: [b1, a1] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors.map((e: { path: string }) => e.path)).toEqual(['assignmentIds.1']);
    const unit01 = await unitByCode(env, '01');
    expect(
      (await otherLead.post('/api/commitments', { ...body, assignmentIds: [b1], unitId: unit01.id }))
        .statusCode,
    ).toBe(403);
    const past = await lead.post('/api/commitments', { ...body, dueOn: addDays(today, -1) });
    expect(past.statusCode).toBe(400);
    expect(past.json().errors[0].path).toBe('dueOn');
  });

  it('shows each commitment pending, kept or broken as of a date', async () => {
    const unit = await unitByCode(env, '01');
    const list = async (asOf: string) => {
      const res = await lead.get(`/api/commitments?unitId=${unit.id}&asOf=${asOf}`);
      expect(res.statusCode).toBe(200);
      return res.json().items[0];
    };
    expect((await list(today)).state).toBe('pending');
    expect((await list(addDays(due, 1))).state).toBe('broken'); // nothing completed by the due date

    await complete(a1, today);
    await complete(a2, due); // on the due date itself
    expect((await list(addDays(due, 5))).state).toBe('kept');
    expect((await list(today)).state).toBe('pending'); // a2 not completed yet as of today
    await complete(a2, addDays(due, 1)); // one day late
    const late = await list(addDays(due, 5));
    expect(late.state).toBe('broken');
    expect(late.items.find((i: { assignmentId: string }) => i.assignmentId === a2).keptOnItem).toBe(false);

    const states = await lead.get(`/api/commitments?state=broken&asOf=${addDays(due, 5)}`);
    expect(states.json().total).toBe(1);
  });

  it('is scoped, and detects tampering with the signed content', async () => {
    const unit = await unitByCode(env, '01');
    expect((await otherLead.get(`/api/commitments?unitId=${unit.id}`)).statusCode).toBe(404);
    expect((await otherLead.get('/api/commitments')).json().total).toBe(0);
    const [c] = (await lead.get('/api/commitments')).json().items;
    await env.database.db
      .updateTable('commitment')
      .set({ outcome: 'Nội dung đã bị sửa' })
      .where('id', '=', c.id)
      .execute();
    const after = await lead.get(`/api/commitments/${c.id}`);
    expect(after.json().hashValid).toBe(false);
    expect((await otherLead.get(`/api/commitments/${c.id}`)).statusCode).toBe(404);
  });
});
