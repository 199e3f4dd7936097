/**
 * Scorecards and league tables (issue 9): ratio-of-sums roll-up into a province's score, live change on the
 * next request, versioned formulas and published tables reproduced exactly, commune league tables, why
 * this rank, targets, trajectory and pins.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, type Client } from './factories.ts';
import { createTestEnv, type TestEnv } from './harness.ts';
import { assign, createProgramme, createTask } from './tasks-factories.ts';
import {
  communesOf,
  putValue,
  ratioIndicator,
  registerComplete,
  type KpiFixture,
} from './kpi-score-factories.ts';

let env: TestEnv;
let steering: Client;
let officer: Client;
let kpi: KpiFixture;
let hn: { id: string; code: string; name: string }[];
let other: { id: string; code: string; name: string }[];
let otherProvince: string;

interface Item {
  rank: number | null;
  unit: { code: string };
  score: number | null;
  change: number | null;
  components: { key: string; weight: number; value: number | null }[];
}
const rankings = async (c: Client, query: string) => {
  const res = await c.get(`/api/rankings?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ formulaVersion: number; publishedAt: string | null; items: Item[] }>();
};
const itemOf = (items: Item[], code: string) => items.find((i) => i.unit.code === code)!;

beforeAll(async () => {
  env = await createTestEnv();
  steering = (await signedIn(env, 'BCDCP', ['steering'])).client;
  kpi = await ratioIndicator(env);
  hn = await communesOf(env, '01', 3);
  const province = await env.database.db
    .selectFrom('org_unit')
    .select('code')
    .where('kind', '=', 'province')
    .where('code', '!=', '01')
    .where('valid_to', 'is', null)
    .orderBy('code')
    .executeTakeFirstOrThrow();
  otherProvince = province.code;
  other = await communesOf(env, otherProvince, 1);
  officer = (await signedIn(env, hn[0]!.code, ['officer'])).client;
  // national trajectory: 26 % mid-2025 → 90 % end of 2025
  const set = await steering.request({
    method: 'PUT',
    url: `/api/indicators/${kpi.indicator.code}/targets`,
    payload: {
      points: [
        { date: '2025-06-30', value: 26 },
        { date: '2025-12-31', value: 90 },
      ],
    },
  });
  expect(set.statusCode, set.body).toBe(200);
  // a formula that weighs only KPI achievement (version 2)
  const f = await steering.post('/api/scorecards/formulas', {
    components: [{ key: 'kpi_achievement', weight: 1 }],
    note: 'KPI only',
  });
  expect(f.statusCode, f.body).toBe(201);
  expect(f.json().version).toBe(2);
});
afterAll(() => env.close());

describe('league tables', () => {
  it('a province scores the ratio of its communes’ sums, never the average of their percentages', async () => {
    // Hà Nội: 10/20 and 10/180 → 20/200 = 10 % (the average of percentages would be 27.8 %)
    await putValue(env, kpi.num.id, '202512', hn[0]!.id, 10);
    await putValue(env, kpi.den.id, '202512', hn[0]!.id, 20);
    await putValue(env, kpi.num.id, '202512', hn[1]!.id, 10);
    await putValue(env, kpi.den.id, '202512', hn[1]!.id, 180);
    // the other province: 90/100 = 90 % → on target
    await putValue(env, kpi.num.id, '202512', other[0]!.id, 90);
    await putValue(env, kpi.den.id, '202512', other[0]!.id, 100);
    const t = await rankings(officer, 'level=province&period=202512');
    expect(t.formulaVersion).toBe(2);
    expect(t.publishedAt).toBeNull();
    expect(t.items).toHaveLength(34);
    const first = t.items[0]!;
    expect(first).toMatchObject({ rank: 1, unit: { code: otherProvince }, score: 100 });
    // 10 % of a 90 % target = 11.11
    expect(itemOf(t.items, '01')).toMatchObject({ rank: 2, score: 11.11 });
    expect(itemOf(t.items, '01').components).toEqual([{ key: 'kpi_achievement', weight: 1, value: 11.11 }]);
    // provinces with no value have no score and no rank
    expect(t.items.filter((i) => i.rank === null)).toHaveLength(32);
  });

  it('a new commune value changes its province on the very next request; change is against the previous month', async () => {
    await putValue(env, kpi.num.id, '202511', hn[0]!.id, 10);
    await putValue(env, kpi.den.id, '202511', hn[0]!.id, 100);
    await putValue(env, kpi.num.id, '202512', hn[2]!.id, 180);
    await putValue(env, kpi.den.id, '202512', hn[2]!.id, 200);
    const t = await rankings(steering, 'level=province&period=202512');
    // (10 + 10 + 180) / (20 + 180 + 200) = 50 % → 55.56 of the 90 % target
    const hanoi = itemOf(t.items, '01');
    expect(hanoi.score).toBe(55.56);
    // November: 10 % against the target of 30 Nov (26 + 64 × 153/184 ≈ 79.22 %) → 12.62
    const november = Math.round((10 / (26 + (64 * 153) / 184)) * 10000) / 100;
    expect(november).toBe(12.62);
    expect(hanoi.change).toBe(Math.round((55.56 - november) * 100) / 100);
  });

  it('ranks the communes of a province; refuses a commune table without a province', async () => {
    const t = await rankings(officer, 'level=commune&period=202512&parent=01');
    expect(t.items.slice(0, 3).map((i) => [i.unit.code, i.rank])).toEqual([
      [hn[2]!.code, 1],
      [hn[0]!.code, 2],
      [hn[1]!.code, 3],
    ]);
    expect(t.items.every((i) => i.unit.code !== other[0]!.code)).toBe(true);
    const bad = await officer.get('/api/rankings?level=commune&period=202512');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('parent');
    const notProvince = await officer.get(`/api/rankings?level=commune&period=202512&parent=${hn[0]!.code}`);
    expect(notProvince.statusCode).toBe(400);
    expect((await officer.get('/api/rankings?level=province&period=2025-12')).statusCode).toBe(400);
  });

  it('a published table is reproduced exactly after the data and the formula change', async () => {
    expect(
      (await officer.post('/api/rankings/publish', { level: 'province', period: '202512' })).statusCode,
    ).toBe(403);
    const pub = await steering.post('/api/rankings/publish', { level: 'province', period: '202512' });
    expect(pub.statusCode, pub.body).toBe(200);
    const published = pub.json<{ publishedAt: string; items: Item[] }>();
    expect(published.publishedAt).not.toBeNull();
    await putValue(env, kpi.num.id, '202512', hn[1]!.id, 180); // Hà Nội now much better
    const again = await rankings(officer, 'level=province&period=202512&formulaVersion=2');
    expect(again.items).toEqual(published.items);
    // steering staff change the weights: version 3, computed live from today's data
    const f = await steering.post('/api/scorecards/formulas', {
      components: [
        { key: 'kpi_achievement', weight: 2 },
        { key: 'reporting_kpi', weight: 1 },
      ],
    });
    expect(f.json().version).toBe(3);
    const live = await rankings(officer, 'level=province&period=202512');
    expect(live.formulaVersion).toBe(3);
    expect(live.publishedAt).toBeNull();
    expect(itemOf(live.items, '01').score).not.toBe(itemOf(published.items, '01').score);
    expect((await rankings(officer, 'level=province&period=202512&formulaVersion=2')).items).toEqual(
      published.items,
    );
  });

  it('explains a rank: each component, its basis and the records behind it', async () => {
    const reg = await communesOf(env, '01', 1);
    await registerComplete(env, kpi.dataSet.id, '202512', reg[0]!.id, '2026-01-05T03:00:00Z');
    const res = await steering.get('/api/rankings/units/01?period=202512', { 'accept-language': 'en' });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d).toMatchObject({ formulaVersion: 3, level: 'province', unit: { code: '01' } });
    const achievement = d.components.find((c: { key: string }) => c.key === 'kpi_achievement');
    expect(achievement.records).toEqual([
      expect.objectContaining({
        kind: 'indicator',
        ref: kpi.indicator.code,
        detail: expect.stringContaining('/ 90'),
      }),
    ]);
    const reporting = d.components.find((c: { key: string }) => c.key === 'reporting_kpi');
    const communes = (await communesOf(env, '01', 10_000)).length;
    expect(reporting.records).toEqual([
      expect.objectContaining({
        ref: kpi.dataSet.code,
        detail: `expected ${communes}, complete 1, on time 1`,
      }),
    ]);
    // a commune officer cannot read another province's detail
    expect((await officer.get(`/api/rankings/units/${otherProvince}?period=202512`)).statusCode).toBe(404);
  });

  it('refuses a formula with an unknown component, and non-staff', async () => {
    const bad = await steering.post('/api/scorecards/formulas', {
      components: [{ key: 'database_quality', weight: 1 }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('components.0.key');
    const none = await steering.post('/api/scorecards/formulas', {
      components: [{ key: 'reporting_kpi', weight: 0 }],
    });
    expect(none.json().errors[0].path).toBe('components');
    expect(
      (await officer.post('/api/scorecards/formulas', { components: [{ key: 'reporting_kpi', weight: 1 }] }))
        .statusCode,
    ).toBe(403);
    const list = (await officer.get('/api/scorecards/formulas')).json();
    expect(list.current.version).toBe(3);
    expect(list.versions.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
  });
});

describe('task components', () => {
  it('score on-time completion and overdue assignments from the stored status, over each subtree', async () => {
    const programme = await createProgramme(env);
    const task = await createTask(env, programme.id);
    const communes = await communesOf(env, otherProvince, 3);
    const rows = await assign(
      env,
      task.id,
      communes.map((c) => c.code),
    );
    const set = (id: string, status: 'done_on_time' | 'done_late' | 'overdue') =>
      env.database.db.updateTable('assignment').set({ status }).where('id', '=', id).execute();
    await set(rows[0]!.id, 'done_on_time');
    await set(rows[1]!.id, 'overdue');
    await set(rows[2]!.id, 'done_late');
    const f = await steering.post('/api/scorecards/formulas', {
      components: [
        { key: 'tasks_on_time', weight: 1 },
        { key: 'tasks_not_overdue', weight: 1 },
      ],
    });
    expect(f.statusCode, f.body).toBe(201);
    const t = await rankings(steering, 'level=province&period=202512');
    const province = itemOf(t.items, otherProvince);
    // on time 1 of 3 judged (on time, late, overdue) = 33.33; not overdue 2 of 3 = 66.67
    expect(province.components).toEqual([
      { key: 'tasks_on_time', weight: 1, value: 33.33 },
      { key: 'tasks_not_overdue', weight: 1, value: 66.67 },
    ]);
    expect(province.score).toBe(50);
    const c = await rankings(steering, `level=commune&period=202512&parent=${otherProvince}`);
    expect(itemOf(c.items, communes[0]!.code)).toMatchObject({ rank: 1, score: 100 });
    expect(itemOf(c.items, communes[1]!.code)).toMatchObject({ score: 0 });
    const why = (await steering.get(`/api/rankings/units/${otherProvince}?period=202512`)).json();
    const overdue = why.components.find((x: { key: string }) => x.key === 'tasks_not_overdue');
    expect(overdue.records).toEqual([expect.objectContaining({ kind: 'assignment', ref: rows[1]!.id })]);
  });
});

describe('targets, trajectory, pins', () => {
  it('judges each month against the interpolated trajectory', async () => {
    const res = await officer.get(
      `/api/indicators/${kpi.indicator.code}/trajectory?unit=01&from=202510&to=202512`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const points = res.json().points;
    expect(points.map((p: { period: string }) => p.period)).toEqual(['202510', '202511', '202512']);
    expect(points[0]).toMatchObject({ value: null, judgement: null });
    expect(points[1]).toMatchObject({ value: 10, judgement: 'off_track' });
    expect(points[2]).toMatchObject({ target: 90 });
    const map = (await officer.get(`/api/indicators/${kpi.indicator.code}/provinces?period=202512`)).json();
    expect(map.items).toHaveLength(34);
    expect(map.items.find((i: { code: string }) => i.code === otherProvince).value).toBe(90);
    const t = (await officer.get(`/api/indicators/${kpi.indicator.code}/targets`)).json();
    expect(t.trajectories).toEqual([
      {
        unit: null,
        points: [
          { date: '2025-06-30', value: 26 },
          { date: '2025-12-31', value: 90 },
        ],
      },
    ]);
    expect(
      (
        await officer.request({
          method: 'PUT',
          url: `/api/indicators/${kpi.indicator.code}/targets`,
          payload: { points: [] },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('a former province’s values count in its successor’s series (before 1 July 2025)', async () => {
    const former = await env.database.db
      .selectFrom('org_unit as f')
      .innerJoin('org_unit as s', 's.id', 'f.successor_id')
      .select(['f.id'])
      .where('s.code', '=', '01')
      .where('s.valid_to', 'is', null)
      .executeTakeFirstOrThrow();
    await putValue(env, kpi.num.id, '202503', former.id, 30);
    await putValue(env, kpi.den.id, '202503', former.id, 120);
    const res = await officer.get(
      `/api/indicators/${kpi.indicator.code}/trajectory?unit=01&from=202503&to=202503`,
    );
    expect(res.json().points[0]).toMatchObject({
      period: '202503',
      value: 25,
      target: null,
      judgement: null,
    });
  });

  it('keeps each user’s pinned indicators', async () => {
    const put = await officer.request({
      method: 'PUT',
      url: '/api/dashboard/pins',
      payload: { indicators: [kpi.indicator.code] },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(
      (await officer.get('/api/dashboard/pins')).json().items.map((i: { code: string }) => i.code),
    ).toEqual([kpi.indicator.code]);
    expect((await steering.get('/api/dashboard/pins')).json().items).toEqual([]);
    const bad = await officer.request({
      method: 'PUT',
      url: '/api/dashboard/pins',
      payload: { indicators: ['NOPE'] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('indicators.0');
  });
});
