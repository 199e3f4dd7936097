/**
 * POST/GET /api/dataValueSets in DHIS2's shape (issue 9 item 4): period codes, idScheme=code, dry run,
 * atomicMode, conflicts, idempotent replay, history, a unit writing for another unit refused, API keys.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from './harness.ts';
import { signedIn, unitByCode, type Client } from './factories.ts';
import { defineKpis, KPI, values } from './kpi-factories.ts';
import { multipartBody } from './reports-helpers.ts';

let env: TestEnv;
let admin: Client;
let commune: Client;
beforeAll(async () => {
  env = await createTestEnv();
  admin = (await signedIn(env, 'VN', ['admin'])).client;
  commune = (await signedIn(env, '00004', ['officer'])).client;
  await defineKpis(admin);
});
afterAll(() => env.close());

const post = (c: Client, body: object, query = '') => c.post(`/api/dataValueSets${query}`, body);

describe('POST /api/dataValueSets', () => {
  it('imports by code with a DHIS2 import summary; a replay imports and updates nothing', async () => {
    const body = values('00004', '202507', 30, 80);
    const first = await post(commune, body);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      responseType: 'ImportSummary',
      status: 'SUCCESS',
      importCount: { imported: 2, updated: 0, ignored: 0, deleted: 0 },
      conflicts: [],
    });
    const again = await post(commune, body);
    expect(again.json()).toMatchObject({
      status: 'SUCCESS',
      importCount: { imported: 0, updated: 0, ignored: 2 },
    });
    const changed = await post(commune, values('00004', '202507', 35, 80));
    expect(changed.json().importCount).toEqual({ imported: 0, updated: 1, ignored: 1, deleted: 0 });
    // history keeps the old value, who and when
    const db = env.database.db;
    const hist = await db.selectFrom('data_value_history').selectAll().execute();
    expect(hist).toMatchObject([{ change: 'update', previous_value: '30', value: '35' }]);
    expect(hist[0]!.changed_by_user_id).not.toBeNull();
    const imports = await db
      .selectFrom('audit_event')
      .select('action')
      .where('action', '=', 'kpi.values_import')
      .execute();
    expect(imports).toHaveLength(2); // the replay changed nothing and records nothing
    const events = await db
      .selectFrom('domain_event')
      .select('type')
      .where('type', '=', 'kpi.values_changed')
      .execute();
    expect(events).toHaveLength(2);
  });

  it('reads DHIS2 period codes per value and refuses others', async () => {
    const res = await post(admin, {
      orgUnit: '01',
      dataValues: [
        { dataElement: KPI.online, period: '2025Q3', value: 1 },
        { dataElement: KPI.online, period: '2025S1', value: 2 },
        { dataElement: KPI.online, period: '2025', value: 3 },
        { dataElement: KPI.online, period: '2025-07', value: 4 },
        { dataElement: KPI.online, period: '202513', value: 5 },
      ],
    });
    expect(res.json().importCount).toMatchObject({ imported: 3, ignored: 2 });
    expect(res.json().conflicts.map((c: { object: string }) => c.object)).toEqual(['2025-07', '202513']);
  });

  it('lists conflicts for unknown codes and values of the wrong type (atomicMode NONE imports the rest)', async () => {
    const res = await post(commune, {
      dataSet: KPI.dataSet,
      period: '202508',
      orgUnit: '00004',
      dataValues: [
        { dataElement: 'NOPE', value: '1' },
        { dataElement: KPI.online, value: 'abc' },
        { dataElement: KPI.records, value: '2.5' },
        { dataElement: KPI.direct, value: 'maybe' },
        { dataElement: KPI.note, value: 'Mất điện 3 ngày' },
        { dataElement: KPI.online, orgUnit: '99999', value: '1' },
      ],
    });
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s.status).toBe('WARNING');
    expect(s.importCount).toEqual({ imported: 1, updated: 0, ignored: 5, deleted: 0 });
    expect(s.conflicts.map((c: { object: string; property: string }) => [c.object, c.property])).toEqual([
      ['NOPE', 'dataElement'],
      ['abc', 'value'],
      ['2.5', 'value'],
      ['maybe', 'value'],
      ['99999', 'orgUnit'],
    ]);
    expect(s.conflicts[1].value).toContain('không phải số nguyên');
  });

  it('writes nothing with atomicMode=ALL when any value conflicts, nor on a dry run', async () => {
    const body = {
      ...values('00004', '202509', 10, 20),
      dataValues: [...values('00004', '202509', 10, 20).dataValues, { dataElement: 'NOPE', value: '1' }],
    };
    const all = await post(commune, body, '?atomicMode=ALL');
    expect(all.json()).toMatchObject({ status: 'ERROR', importCount: { imported: 0, ignored: 3 } });
    const dry = await post(commune, values('00004', '202509', 10, 20), '?dryRun=true');
    expect(dry.json()).toMatchObject({ status: 'SUCCESS', importCount: { imported: 2 } });
    const out = await commune.get(`/api/dataValueSets?dataSet=${KPI.dataSet}&period=202509&orgUnit=00004`);
    expect(out.json().dataValues).toEqual([]);
  });

  it('deletes with importStrategy=DELETE and keeps the old value in the history', async () => {
    await post(commune, values('00004', '202510', 7, 9));
    const del = await post(commune, values('00004', '202510', 7, 9), '?importStrategy=DELETE');
    expect(del.json().importCount).toEqual({ imported: 0, updated: 0, ignored: 0, deleted: 2 });
    const again = await post(commune, values('00004', '202510', 7, 9), '?importStrategy=DELETE');
    expect(again.json().importCount).toMatchObject({ deleted: 0, ignored: 2 });
    const hist = await env.database.db
      .selectFrom('data_value_history')
      .select(['change', 'previous_value'])
      .where('period', '=', '202510')
      .execute();
    expect(hist.map((h) => h.previous_value).sort()).toEqual(['7', '9']);
  });

  it('refuses a unit writing for another unit; a province lead writes for its commune', async () => {
    const other = await post(commune, values('00292', '202507', 1, 2));
    expect(other.statusCode).toBe(403);
    const mixed = await post(commune, {
      period: '202507',
      dataValues: [
        { dataElement: KPI.note, orgUnit: '00004', value: 'ok' },
        { dataElement: KPI.note, orgUnit: '00292', value: 'not mine' },
      ],
    });
    expect(mixed.json()).toMatchObject({ status: 'WARNING', importCount: { imported: 1, ignored: 1 } });
    expect(mixed.json().conflicts[0]).toMatchObject({ object: '00292', property: 'orgUnit' });
    const officer = (await signedIn(env, '01', ['officer'])).client;
    expect((await post(officer, values('00292', '202507', 1, 2))).statusCode).toBe(403);
    const lead = (await signedIn(env, '01', ['unit_lead'])).client;
    expect((await post(lead, values('00292', '202507', 1, 2))).json().importCount.imported).toBe(2);
    const viewer = (await signedIn(env, '00004', ['viewer'])).client;
    expect((await post(viewer, values('00004', '202507', 1, 2))).statusCode).toBe(403);
  });

  it('accepts an API key (Bearer) and addresses by uid with idScheme=uid', async () => {
    const unit = await unitByCode(env, '00004');
    const lead = (await signedIn(env, '00004', ['unit_lead'])).client;
    const key = (await lead.post('/api/api-keys', { name: 'commune system', orgUnitId: unit.id })).json();
    const elements = (await admin.get('/api/data-elements')).json().items as { id: string; code: string }[];
    const online = elements.find((e) => e.code === KPI.online)!;
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/dataValueSets?idScheme=uid',
      headers: { authorization: `Bearer ${key.secret}` },
      payload: { period: '202511', orgUnit: unit.id, dataValues: [{ dataElement: online.id, value: '12' }] },
    });
    expect(res.json()).toMatchObject({ status: 'SUCCESS', importCount: { imported: 1 } });
    const row = await env.database.db
      .selectFrom('data_value')
      .selectAll()
      .where('period', '=', '202511')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ stored_by_api_key_id: key.id, stored_by_user_id: null, value: '12' });
  });

  it('registers the data set complete and exports the same shape, children=true for the subtree', async () => {
    const res = await post(commune, { ...values('00004', '202512', 5, 10), completeDate: '2026-01-03' });
    expect(res.json().dataSetComplete).toBe('2026-01-03');
    const own = (
      await commune.get(`/api/dataValueSets?dataSet=${KPI.dataSet}&period=202512&orgUnit=00004`)
    ).json();
    expect(own).toMatchObject({ dataSet: KPI.dataSet, period: '202512', orgUnit: '00004' });
    expect(
      own.dataValues.map((v: { dataElement: string; value: string }) => [v.dataElement, v.value]),
    ).toEqual([
      [KPI.online, '5'],
      [KPI.records, '10'],
    ]);
    expect(own.completeDate).toBeDefined();
    const province = (
      await admin.get(`/api/dataValueSets?dataSet=${KPI.dataSet}&period=202507&orgUnit=01&children=true`)
    ).json();
    expect(new Set(province.dataValues.map((v: { orgUnit: string }) => v.orgUnit))).toEqual(
      new Set(['00004', '00292']),
    );
    expect(
      (await commune.get(`/api/dataValueSets?dataSet=${KPI.dataSet}&period=202507&orgUnit=00292`)).statusCode,
    ).toBe(404);
  });

  it('imports a CSV file (Vietnamese headers) and locates each conflict by row and column', async () => {
    const csv = [
      'Mã chỉ tiêu;Kỳ;Mã đơn vị;Giá trị;Ghi chú',
      `${KPI.online};202601;00004;12;`,
      `${KPI.records};202601;00004;x;sai`,
      `NOPE;202601;00004;1;`,
    ].join('\n');
    const { payload, headers } = multipartBody('file', 'so-lieu.csv', Buffer.from(csv), 'text/csv');
    const res = await commune.request({ method: 'POST', url: '/api/dataValueSets/file', payload, headers });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      format: 'csv',
      rows: 3,
      status: 'WARNING',
      importCount: { imported: 1, ignored: 2 },
    });
    expect(res.json().errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [3, 'Giá trị'],
      [4, 'Mã chỉ tiêu'],
    ]);
  });
});
