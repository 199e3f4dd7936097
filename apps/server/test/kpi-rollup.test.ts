/**
 * Live roll-ups (issue 9 item 5): ratio of sums, the next request sees a new value in the province and the
 * national figure, corrections and deletions, former provinces into their successor, completeness.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from './harness.ts';
import { signedIn, type Client } from './factories.ts';
import { defineKpis, KPI, values } from './kpi-factories.ts';

let env: TestEnv;
let admin: Client;
beforeAll(async () => {
  env = await createTestEnv();
  admin = (await signedIn(env, 'VN', ['admin'])).client;
  await defineKpis(admin);
});
afterAll(() => env.close());

const post = async (body: object, query = '') => {
  const res = await admin.post(`/api/dataValueSets${query}`, body);
  expect(res.statusCode).toBe(200);
  expect(res.json().conflicts).toEqual([]);
};
const figures = async (period: string, parent?: string) => {
  const res = await admin.get(
    `/api/indicators/${KPI.indicator}/values?period=${period}${parent ? `&parent=${parent}` : ''}`,
  );
  expect(res.statusCode).toBe(200);
  return res.json() as {
    unit: {
      code: string;
      value: number | null;
      numerator: number | null;
      denominator: number | null;
      former?: string[];
    };
    children: {
      code: string;
      value: number | null;
      numerator: number | null;
      denominator: number | null;
      former?: string[];
    }[];
  };
};
const child = (f: Awaited<ReturnType<typeof figures>>, code: string) =>
  f.children.find((c) => c.code === code)!;

describe('indicator values', () => {
  it('is the ratio of the summed numerators and denominators, not the mean of the ratios', async () => {
    await post(values('00004', '202507', 1, 10)); // 10 %
    await post(values('00292', '202507', 90, 100)); // 90 %
    const hanoi = await figures('202507', '01');
    expect(hanoi.unit).toMatchObject({ code: '01', numerator: 91, denominator: 110, value: 82.73 });
    expect(hanoi.children).toHaveLength(126);
    expect(child(hanoi, '00004')).toMatchObject({ value: 10, numerator: 1, denominator: 10 });
    expect(child(hanoi, '00008')).toMatchObject({ value: null, numerator: null });
  });

  it('shows a new commune value in its province and the national figure on the next request', async () => {
    const before = await figures('202507');
    expect(before.unit).toMatchObject({ code: 'VN', numerator: 91, denominator: 110 });
    await post(values('07210', '202507', 9, 90)); // a commune of Bắc Ninh
    const after = await figures('202507');
    expect(after.unit).toMatchObject({ numerator: 100, denominator: 200, value: 50 });
    expect(child(after, '24')).toMatchObject({ numerator: 9, denominator: 90, value: 10 });
    expect(child(after, '01')).toMatchObject({ numerator: 91, denominator: 110 });
  });

  it('corrects the province and the nation when a value is corrected or deleted', async () => {
    await post(values('07210', '202507', 45, 90));
    expect((await figures('202507')).unit).toMatchObject({ numerator: 136, denominator: 200, value: 68 });
    await post(values('07210', '202507', 45, 90), '?importStrategy=DELETE');
    const after = await figures('202507');
    expect(after.unit).toMatchObject({ numerator: 91, denominator: 110 });
    expect(child(after, '24')).toMatchObject({ value: null, numerator: null, denominator: null });
  });

  it('aggregates months into the quarter, six months and year', async () => {
    await post(values('00004', '202508', 4, 10));
    expect((await figures('2025Q3', '01')).unit).toMatchObject({ numerator: 95, denominator: 120 });
    expect((await figures('2025S2', '01')).unit).toMatchObject({ numerator: 95, denominator: 120 });
    expect((await figures('2025', '00004')).unit).toMatchObject({ numerator: 5, denominator: 20, value: 25 });
  });

  it('rolls the former provinces into their successor, flagged, for a series crossing 1 July 2025', async () => {
    // 2024: Hà Giang (02) and Tuyên Quang (08) reported; since 1 July 2025 they are Tuyên Quang (08)
    await post({
      period: '202412',
      dataValues: [
        { orgUnit: '02', dataElement: KPI.online, value: '20' },
        { orgUnit: '02', dataElement: KPI.records, value: '100' },
        { orgUnit: '08', dataElement: KPI.online, value: '30' },
        { orgUnit: '08', dataElement: KPI.records, value: '100' },
      ],
    });
    const nation = await figures('202412');
    expect(nation.unit).toMatchObject({ numerator: 50, denominator: 200, value: 25 });
    expect(child(nation, '08')).toMatchObject({
      numerator: 50,
      denominator: 200,
      value: 25,
      former: ['02', '08'],
    });
    expect(nation.children.filter((c) => c.code === '02')).toEqual([]); // today's units only
    const tq = await figures('202412', '08');
    expect(tq.unit).toMatchObject({ code: '08', numerator: 50, former: ['02', '08'] });
    // a former province's own figure, and no value for it after the reform
    expect((await figures('202412', '02')).unit).toMatchObject({ code: '02', numerator: 20 });
    const late = await admin.post('/api/dataValueSets', {
      period: '202507',
      orgUnit: '02',
      dataValues: [{ dataElement: KPI.online, value: '1' }],
    });
    expect(late.json().conflicts[0]).toMatchObject({ object: '02', property: 'orgUnit' });
  });

  it('answers 404 for a unit outside the caller’s scope, 400 for a bad period', async () => {
    const commune = (await signedIn(env, '00004', ['officer'])).client;
    expect(
      (await commune.get(`/api/indicators/${KPI.indicator}/values?period=202507&parent=01`)).statusCode,
    ).toBe(404);
    const own = await commune.get(`/api/indicators/${KPI.indicator}/values?period=202507`);
    expect(own.json().unit).toMatchObject({ code: '00004', value: 10 });
    expect((await admin.get(`/api/indicators/${KPI.indicator}/values?period=2025-07`)).statusCode).toBe(400);
    expect((await admin.get('/api/indicators/NOPE/values?period=202507')).statusCode).toBe(404);
  });
});

describe('completeness', () => {
  it('counts expected, received and on-time registrations per unit', async () => {
    const commune = (await signedIn(env, '00004', ['officer'])).client;
    await commune.post('/api/dataValueSets', {
      ...values('00004', '202509', 1, 2),
      completeDate: '2025-10-05',
    });
    const res = await admin.get(`/api/data-sets/${KPI.dataSet}/completeness?period=202509&parent=01`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    // Hà Nội: itself and its 126 communes are expected; one registered, today: after the timely window
    expect(body.unit).toMatchObject({ code: '01', expected: 127, received: 1, onTime: 0 });
    expect(body.children.find((c: { code: string }) => c.code === '00004')).toMatchObject({
      expected: 1,
      received: 1,
    });
  });
});
