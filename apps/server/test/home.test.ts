import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HomeView, ProgrammeDashboard, ProgrammeSummary } from '@pilotage/contracts';
import { DEMO_PASSWORD } from '../src/demo/accounts.ts';
import { seedDemo } from '../src/demo/index.ts';
import { DEMO_PROGRAMME_CODE } from '../src/demo/tasks-demo.ts';
import { login } from './factories.ts';
import { createTestEnv, type TestEnv } from './harness.ts';

/** The home page by role and the programme dashboard, on the demo data (issue 8). */
let env: TestEnv;
let programmeId: string;
beforeAll(async () => {
  env = await createTestEnv();
  await seedDemo(env.database.db, env.services, env.rootId);
  programmeId = (
    await env.database.db
      .selectFrom('programme')
      .select('id')
      .where('code', '=', DEMO_PROGRAMME_CODE)
      .executeTakeFirstOrThrow()
  ).id;
}, 300_000);
afterAll(() => env.close());

const homeOf = async (username: string) => {
  const client = await login(env, username, DEMO_PASSWORD);
  const t0 = performance.now();
  const res = await client.get('/api/home');
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  console.log(`home ${username}: ${Math.round(performance.now() - t0)} ms`);
  return res.json<HomeView>();
};

describe('GET /api/home', () => {
  it('a commune officer sees its own work to do, and no steering or review block', async () => {
    const h = await homeOf('commune.officer');
    console.log(JSON.stringify(h).slice(0, 1500));
    expect(h.todo).not.toBeNull();
    expect(h.review).toBeNull();
    expect(h.steering).toBeNull();
    const overdue = await env.database.db
      .selectFrom('assignment as a')
      .innerJoin('org_unit as u', 'u.id', 'a.unit_id')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('u.code', '=', '00004')
      .where('a.status', '=', 'overdue')
      .executeTakeFirstOrThrow();
    expect(h.todo!.overdue).toBe(Number(overdue.n));
    for (const item of h.todo!.items) expect(item.taskCode).toBeTruthy();
    // overdue work says since when, continuous work too (the due date of the period judged): never "0 days"
    for (const item of h.todo!.items.filter((i) => i.kind === 'overdue')) {
      expect(item.dueOn).not.toBeNull();
      expect(item.daysLate).toBeGreaterThan(0);
    }
  });

  it('steering sees overdue by unit with leaders, escalations and units that did not report', async () => {
    const h = await homeOf('steering');
    console.log(JSON.stringify(h.steering).slice(0, 1500));
    expect(h.todo).toBeNull();
    expect(h.review).not.toBeNull();
    const s = h.steering!;
    expect(s.overdue).toBe(s.byUnit.length ? s.overdue : 0);
    const sum = s.byUnit.reduce((n, u) => n + u.overdue, 0);
    expect(sum).toBeLessThanOrEqual(s.overdue);
    // worst unit first
    for (let i = 1; i < s.byUnit.length; i++)
      expect(s.byUnit[i - 1]!.overdue).toBeGreaterThanOrEqual(s.byUnit[i]!.overdue);
  });

  it('a unit lead sees approvals and commitments; a reviewer its queue', async () => {
    const lead = await homeOf('province.lead');
    expect(lead.approval).not.toBeNull();
    expect(lead.commitments).not.toBeNull();
    const reviewer = await homeOf('province.officer');
    expect(reviewer.review).not.toBeNull();
    expect(reviewer.todo).not.toBeNull();
    const queue = await (
      await login(env, 'province.officer', DEMO_PASSWORD)
    ).get('/api/review-queue?awaiting=review&limit=1');
    expect(reviewer.review!.count).toBe(queue.json().total);
    console.log(JSON.stringify({ lead: lead.approval, c: lead.commitments, r: reviewer.review }));
  });
});

describe('GET /api/programmes/:id/dashboard', () => {
  it('lists overdue work most days overdue first, and the trend ends at the summary figure', async () => {
    const steering = await login(env, 'steering', DEMO_PASSWORD);
    const t0 = performance.now();
    const res = await steering.get(`/api/programmes/${programmeId}/dashboard?asOf=2025-06-30`);
    console.log(`dashboard as of 2025-06-30: ${Math.round(performance.now() - t0)} ms`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const d = res.json<ProgrammeDashboard>();
    const summary = (
      await steering.get(`/api/programmes/${programmeId}/summary?asOf=2025-06-30`)
    ).json<ProgrammeSummary>();
    expect(d.overdue.total).toBe(summary.byUnit.reduce((n, u) => n + u.byStatus.overdue, 0));
    for (let i = 1; i < d.overdue.items.length; i++)
      expect(d.overdue.items[i - 1]!.daysOverdue).toBeGreaterThanOrEqual(d.overdue.items[i]!.daysOverdue);
    const last = d.trend.at(-1)!;
    expect(last.date).toBe('2025-06-30');
    expect(last.completed).toBe(summary.completed);
    expect(d.subUnits).toEqual([]);
  });

  it('a province sees its communes', async () => {
    const province = await login(env, 'province.officer', DEMO_PASSWORD);
    const d = (await province.get(`/api/programmes/${programmeId}/dashboard`)).json<ProgrammeDashboard>();
    expect(d.subUnits.length).toBeGreaterThan(0);
    expect(d.overdue.items.length).toBeGreaterThan(0);
    for (const o of d.overdue.items) expect(o.daysOverdue, o.taskCode).toBeGreaterThan(0);
    for (let i = 1; i < d.overdue.items.length; i++)
      expect(d.overdue.items[i - 1]!.daysOverdue).toBeGreaterThanOrEqual(d.overdue.items[i]!.daysOverdue);
    expect(d.subUnits.every((u) => u.unitKind === 'commune' || u.unitKind === 'ward')).toBe(true);
  });
});
