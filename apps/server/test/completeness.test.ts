import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from './harness.ts';
import { signedIn, unitByCode, type Client } from './factories.ts';
import { act, saveReport } from './reports-helpers.ts';
import { assign, createProgramme, createTask } from './tasks-factories.ts';

/**
 * Fixture (monthly programme, period 2025-06, due 2025-07-05):
 * task A (dated) → Hà Nội (01) submitted on time, Bắc Ninh (24) accepted but late, Hải Phòng (31) draft only;
 * task B (continuous, quarterly) → 01: not expected monthly, expected for 2025-Q2;
 * task C (starts 2025-07-01) → 01: not expected in June;
 * task D (dated) → 02 completed on 2025-05-20: not expected in June.
 */
let env: TestEnv;
let programmeId: string;
let steering: Client;
const officers: Record<string, Client> = {};

async function report(
  unit: string,
  assignmentId: string,
  period: string,
  submittedAt: string | null,
  accept = false,
) {
  const client = officers[unit]!;
  const { reportId } = await saveReport(client, { assignmentId, period, progress: 50 });
  if (submittedAt) {
    // a lead submits (province: approval at once); the submission time is then set to the fixture's
    const lead = (await signedIn(env, unit, ['unit_lead'])).client;
    expect((await act(lead, reportId, 'submit')).statusCode).toBe(200);
    await env.database.db
      .updateTable('progress_report')
      .set({ submitted_at: new Date(submittedAt) })
      .where('id', '=', reportId)
      .execute();
    if (accept) expect((await act(steering, reportId, 'accept')).statusCode).toBe(200);
  }
}

beforeAll(async () => {
  env = await createTestEnv();
  steering = (await signedIn(env, 'BCDCP', ['steering', 'reviewer'])).client;
  for (const code of ['01', '24', '31']) officers[code] = (await signedIn(env, code, ['officer'])).client;
  const programme = await createProgramme(env, { reportingFrequency: 'monthly', reportDueDays: 5 });
  programmeId = programme.id;
  const taskA = await createTask(env, programmeId);
  const [a01, a02, a04] = await assign(env, taskA.id, ['01', '24', '31']);
  const taskB = await createTask(env, programmeId, { isContinuous: true, reportingFrequency: 'quarterly' });
  await assign(env, taskB.id, ['01']);
  const taskC = await createTask(env, programmeId, { startDate: '2025-07-01' });
  await assign(env, taskC.id, ['01']);
  const taskD = await createTask(env, programmeId);
  const [d02] = await assign(env, taskD.id, ['24']);
  await env.database.db
    .updateTable('assignment')
    .set({ completed_on: '2025-05-20', progress: 100 })
    .where('id', '=', d02!.id)
    .execute();

  await report('01', a01!.id, '2025-06', '2025-07-05T16:30:00Z'); // 23:30 in Hà Nội on the due date: on time
  await report('24', a02!.id, '2025-06', '2025-07-06T02:00:00Z', true); // late, accepted
  await report('31', a04!.id, '2025-06', null); // draft: not received
});
afterAll(() => env.close());

const get = (client: Client, query: string) =>
  client.get(`/api/reporting/completeness?programmeId=${programmeId}&${query}`);

describe('reporting completeness and timeliness', () => {
  it('counts expected, received and on time per unit for the national committee', async () => {
    const res = await get(steering, 'period=2025-06');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      frequency: 'monthly',
      periodStart: '2025-06-01',
      periodEnd: '2025-06-30',
      dueOn: '2025-07-05',
    });
    const rows = Object.fromEntries(body.items.map((r: { unit: { code: string } }) => [r.unit.code, r]));
    expect(Object.keys(rows).sort()).toEqual(['01', '24', '31']);
    expect(rows['01']).toMatchObject({
      expected: 1,
      received: 1,
      receivedOnTime: 1,
      completenessRate: 1,
      timelinessRate: 1,
    });
    expect(rows['24']).toMatchObject({
      expected: 1,
      received: 1,
      receivedOnTime: 0,
      completenessRate: 1,
      timelinessRate: 0,
    });
    expect(rows['31']).toMatchObject({ expected: 1, received: 0, receivedOnTime: 0, completenessRate: 0 });
    expect(body.totals).toEqual({
      expected: 3,
      received: 2,
      receivedOnTime: 1,
      completenessRate: 0.6667,
      timelinessRate: 0.3333,
    });
  });

  it('uses the period key to pick the frequency (quarterly tasks for 2025-Q2)', async () => {
    const res = await get(steering, 'period=2025-Q2');
    expect(res.json().items).toHaveLength(1);
    expect(res.json().items[0]).toMatchObject({ unit: { code: '01' }, expected: 1, received: 0 });
  });

  it('is scoped to the caller: a province sees itself, a ministry nothing; filters below a unit', async () => {
    const own = await get(officers['01']!, 'period=2025-06');
    expect(own.json().items.map((r: { unit: { code: string } }) => r.unit.code)).toEqual(['01']);
    const { client: ministry } = await signedIn(env, 'BKHCN', ['officer']);
    expect((await get(ministry, 'period=2025-06')).json().items).toEqual([]);
    const hp = await unitByCode(env, '31');
    const below = await get(steering, `period=2025-06&unitId=${hp.id}`);
    expect(below.json().items.map((r: { unit: { code: string } }) => r.unit.code)).toEqual(['31']);
  });

  it('validates its query', async () => {
    const res = await get(steering, 'period=2025-6');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('querystring.period');
  });
});
