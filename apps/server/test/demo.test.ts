import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/demo/index.ts';
import { DEMO_PROGRAMME_CODE, seedTasksDemo } from '../src/demo/tasks-demo.ts';
import { createTestEnv, type TestEnv } from './harness.ts';
import { login } from './factories.ts';
import { DEMO_PASSWORD } from '../src/demo/accounts.ts';

let env: TestEnv;
let programmeId: string;
beforeAll(async () => {
  env = await createTestEnv();
  const started = performance.now();
  await seedDemo(env.database.db, env.services, env.rootId);
  console.log(`seedDemo: ${Math.round(performance.now() - started)} ms`);
  const row = await env.database.db
    .selectFrom('programme')
    .select('id')
    .where('code', '=', DEMO_PROGRAMME_CODE)
    .executeTakeFirstOrThrow();
  programmeId = row.id;
}, 300_000);
afterAll(() => env.close());

describe('demo data of the Action Programme', () => {
  it('counts exactly 76 of 106 tasks completed as of 2025-06-30', async () => {
    const steering = await login(env, 'steering', DEMO_PASSWORD);
    const started = performance.now();
    const res = await steering.get(`/api/programmes/${programmeId}/summary?asOf=2025-06-30`);
    console.log(`summary as of 2025-06-30: ${Math.round(performance.now() - started)} ms`);
    expect(res.statusCode).toBe(200);
    const s = res.json();
    console.log(JSON.stringify({ byStatus: s.byStatus, atRisk: s.atRisk, completed: s.completed }));
    expect(s.total).toBe(106);
    expect(s.byStatus.done_on_time + s.byStatus.done_late).toBe(76);
    expect(s.completed).toBe(76);
    expect(s.byStatus).toEqual({
      done_on_time: 66,
      done_late: 10,
      overdue: 8,
      in_progress: 14,
      not_started: 8,
    });
    expect(s.atRisk).toBeGreaterThan(0);
    for (const asOf of ['2025-12-31', '2026-11-22']) {
      const t0 = performance.now();
      const later = await steering.get(`/api/programmes/${programmeId}/summary?asOf=${asOf}`);
      console.log(
        `summary as of ${asOf}: ${Math.round(performance.now() - t0)} ms ${JSON.stringify(later.json().byStatus)} atRisk=${later.json().atRisk}`,
      );
    }
  });

  it('names who approved, submitted and reviewed each report; approval never before submission, never by nobody', async () => {
    const rows = await env.database.db
      .selectFrom('progress_report as r')
      .leftJoin('app_user as ua', 'ua.id', 'r.approved_by')
      .select([
        'r.approved_at',
        'r.approved_by',
        'r.submitted_at',
        'r.submitted_by',
        'r.reviewed_at',
        'r.reviewed_by',
        'ua.roles',
      ])
      .execute();
    const approved = rows.filter((r) => r.approved_at !== null);
    expect(rows.filter((r) => r.approved_at !== null && r.approved_by === null)).toEqual([]);
    expect(rows.filter((r) => r.approved_by !== null && r.approved_at === null)).toEqual([]);
    expect(
      approved.filter((r) => r.submitted_at === null || r.approved_at!.getTime() > r.submitted_at.getTime()),
    ).toEqual([]);
    expect(approved.filter((r) => r.approved_at!.getTime() < r.submitted_at!.getTime())).toEqual([]);
    expect(approved.every((r) => r.roles?.includes('unit_lead'))).toBe(true);
    expect(approved.length).toBeGreaterThan(0); // Hà Nội's lead approves its reports
    expect(rows.some((r) => r.submitted_by !== null)).toBe(true);
    expect(rows.some((r) => r.reviewed_by !== null)).toBe(true);

    // what the report page shows: an approver's name with the time, never "Phê duyệt: · 01/01/2026 14:00"
    const lead = await login(env, 'province.lead', DEMO_PASSWORD);
    const r = await env.database.db
      .selectFrom('progress_report')
      .select('id')
      .where('approved_at', 'is not', null)
      .executeTakeFirstOrThrow();
    const shown = (await lead.get(`/api/reports/${r.id}`)).json();
    expect(shown.approvedByName).toBe('Lãnh đạo UBND TP Hà Nội');
  });

  it('is idempotent', async () => {
    const again = await seedTasksDemo(env.database.db, env.services, env.rootId);
    expect(again.created).toBe(false);
    const n = await env.database.db
      .selectFrom('task')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('programme_id', '=', programmeId)
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(106);
  });

  it('cascades at least two tasks from every province to every commune, with open work for Ba Đình', async () => {
    const db = env.database.db;
    const communes = await db
      .selectFrom('org_unit')
      .select('id')
      .where('kind', '=', 'commune')
      .where('valid_to', 'is', null)
      .execute();
    const perCommune = await db
      .selectFrom('assignment as a')
      .innerJoin('org_unit as u', 'u.id', 'a.unit_id')
      .select(['a.unit_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('u.kind', '=', 'commune')
      .groupBy('a.unit_id')
      .execute();
    expect(perCommune.length).toBe(communes.length);
    expect(perCommune.every((r) => Number(r.n) >= 2)).toBe(true);

    const officer = await login(env, 'commune.officer', DEMO_PASSWORD);
    const mine = await officer.get('/api/assignments?mine=true&asOf=2026-11-22');
    expect(mine.statusCode).toBe(200);
    const items = mine.json().items as { id: string; progress: number; status: string; taskTitle: string }[];
    expect(items.length).toBeGreaterThanOrEqual(2);
    const open = items.filter((a) => a.progress < 100 && !a.status.startsWith('done'));
    expect(open.length).toBeGreaterThanOrEqual(1);
    const pending = await db
      .selectFrom('deadline_extension')
      .select('id')
      .where('status', '=', 'pending')
      .execute();
    expect(pending.length).toBeGreaterThanOrEqual(1);
  });
});

describe('demo KPI data (issue 9)', () => {
  it('matches the seeds: 5G 26 % and fully-online records 39.51 % in June 2025, 73 of 84 units reported governance indicators, 40 published', async () => {
    const steering = await login(env, 'steering', DEMO_PASSWORD);
    const june = async (code: string) =>
      (await steering.get(`/api/indicators/${code}/trajectory?from=202506&to=202506`)).json().points[0];
    expect(await june('KPI_5G_COVERAGE')).toMatchObject({ value: 26, target: 26, judgement: 'on_track' });
    expect((await june('KPI_ONLINE_RECORDS')).value).toBe(39.51);
    const gov = async (code: string) =>
      (await steering.get(`/api/indicators/${code}/values?period=2025S1&parent=VN`)).json().unit;
    expect(await gov('KPI_GOV_REPORTED')).toMatchObject({ numerator: 73, denominator: 84 });
    expect(await gov('KPI_GOV_PUBLISHED')).toMatchObject({ numerator: 40, denominator: 84 });
    // every commune reported directly on the system in December 2025
    const ds = (
      await steering.get('/api/data-sets/DS_COMMUNE_MONTHLY/completeness?period=202512&parent=VN')
    ).json();
    expect(ds.unit.received).toBe(ds.unit.expected);
    expect(ds.unit.expected).toBe(3321);
  });
});

describe('demo data of the initiative portal', () => {
  it('has 254 initiatives by mid-2025 in every status, some under evaluation by the demo expert, a few decided with tasks', async () => {
    const db = env.database.db;
    const rows = await db.selectFrom('initiative').select(['status', 'submitted_at']).execute();
    expect(rows.length).toBe(254);
    expect(rows.every((r) => r.submitted_at < new Date('2025-07-01'))).toBe(true);
    expect(new Set(rows.map((r) => r.status)).size).toBe(6);
    const expert = await login(env, 'expert', DEMO_PASSWORD);
    const mine = (await expert.get('/api/initiatives?status=under_evaluation')).json();
    expect(mine.total).toBeGreaterThan(0);
    const links = await db.selectFrom('initiative_task').select('task_id').execute();
    expect(links.length).toBeGreaterThan(0);
    const pub = await env.app.inject({ method: 'GET', url: '/api/public/initiatives?q=du%20lieu&limit=5' });
    expect(pub.json().total).toBeGreaterThan(0);
  });
});

describe('demo data of the feedback module', () => {
  it('has topics, routing rules and a few hundred submissions in every status, some overdue, answered and rated', async () => {
    const db = env.database.db;
    const items = await db.selectFrom('feedback_item').select(['status', 'due_at']).execute();
    expect(items.length).toBe(360);
    expect(new Set(items.map((i) => i.status)).size).toBe(8);
    const open = items.filter((i) => ['received', 'accepted', 'processing'].includes(i.status));
    expect(open.some((i) => i.due_at < new Date())).toBe(true);
    expect(open.some((i) => i.due_at > new Date())).toBe(true);
    const stats = (
      await env.app.inject({ method: 'GET', url: '/api/public/feedback-statistics?by=topic' })
    ).json();
    expect(stats.rows.length).toBe(8);
    expect(stats.total.satisfaction).toBeGreaterThan(0);
    expect(stats.total.medianWorkingDays).toBeGreaterThan(0);
  });
});
