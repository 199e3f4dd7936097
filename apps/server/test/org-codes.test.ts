/**
 * Official unit codes and English names, the 63 former provinces with their successor (issue 9 item 1),
 * and the in-place upgrade of a database loaded with the codes of vn-provinces-wards.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgRepository } from '../src/modules/org/org.repository.ts';
import { upgradeOrganisation } from '../src/modules/org/org.upgrade.ts';
import legacy from '../src/modules/org/data/legacy-codes.json' with { type: 'json' };
import { createTestEnv, type TestEnv } from './harness.ts';
import { signedIn } from './factories.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

describe('official codes', () => {
  it('finds a province, a commune and a ministry by code, with their English names', async () => {
    const { client } = await signedIn(env, 'VN', ['admin']);
    const get = async (q: string) => (await client.get(`/api/org-units?${q}`)).json().items;
    expect(await get('code=01')).toMatchObject([
      { code: '01', name: 'Hà Nội', nameEn: 'Hanoi', kind: 'province' },
    ]);
    expect(await get('code=00004')).toMatchObject([
      { code: '00004', name: 'Phường Ba Đình', nameEn: 'Ba Dinh Ward', kind: 'commune' },
    ]);
    expect(await get('code=BKHCN')).toMatchObject([{ nameEn: 'Ministry of Science and Technology' }]);
    expect(await get('code=02')).toEqual([]); // Hà Giang is a former province: not a unit of today
  });

  it('keeps the former provinces out of today’s lists and search, and shows them on a past date', async () => {
    const { client } = await signedIn(env, 'VN', ['admin']);
    const today = (await client.get('/api/org-units?kind=province&limit=100')).json();
    expect(today.total).toBe(34);
    const past = (await client.get('/api/org-units?kind=province&limit=100&validOn=2024-12-31')).json();
    expect(past.total).toBe(63);
    const haGiang = past.items.find((u: { code: string }) => u.code === '02');
    const tuyenQuang = today.items.find((u: { code: string }) => u.code === '08');
    expect(haGiang).toMatchObject({ name: 'Hà Giang', validTo: '2025-06-30', successorId: tuyenQuang.id });
    const found = (await client.get('/api/org-units?q=ha%20giang&limit=100')).json().items;
    expect(found.length).toBeGreaterThan(0); // wards named after it
    expect(found.every((u: { validTo: string | null }) => u.validTo === null)).toBe(true);
    const root = (await client.get(`/api/org-units/${env.rootId}/children?limit=500`)).json();
    expect(root.items.filter((u: { kind: string }) => u.kind === 'province')).toHaveLength(34);
  });

  it('searches Khánh Hoà typed with either tone-mark placement', async () => {
    const { client } = await signedIn(env, 'VN', ['admin']);
    for (const q of ['Khánh Hòa', 'Khánh Hoà', 'khanh hoa'])
      expect(
        (await client.get(`/api/org-units?kind=province&q=${encodeURIComponent(q)}`)).json().items,
      ).toMatchObject([{ code: '56' }]);
  });
});

describe('upgrade of a database loaded before the official codes', () => {
  it('moves units to the official codes in place (same ids) and adds the former provinces once', async () => {
    const db = env.database.db;
    const baDinh = (await orgRepository.findByCode(db, '00004'))!;
    const bacNinh = (await orgRepository.findByCode(db, '24'))!;
    // back to the state before migration 0012: legacy codes, no former provinces
    const back = (map: Record<string, string>) => Object.entries(map).map(([from, to]) => ({ from, to }));
    const formerIds = (
      await db.selectFrom('org_unit').select('id').where('valid_to', 'is not', null).execute()
    ).map((r) => r.id);
    await db.deleteFrom('org_unit_closure').where('descendant_id', 'in', formerIds).execute();
    await db.deleteFrom('org_unit').where('id', 'in', formerIds).execute();
    await sql`update org_unit set code = 'x' || code where kind in ('province', 'commune')`.execute(db);
    for (const { from, to } of [...back(legacy.provinces), ...back(legacy.communes)])
      await sql`update org_unit set code = ${from} where code = ${'x' + to}`.execute(db);
    expect((await orgRepository.findById(db, baDinh.id))!.code).toBe('10101003');
    expect((await orgRepository.findById(db, bacNinh.id))!.code).toBe('02');

    await upgradeOrganisation(db, env.rootId);
    await upgradeOrganisation(db, env.rootId);
    expect(await orgRepository.findByCode(db, '00004')).toMatchObject({
      id: baDinh.id,
      name_en: 'Ba Dinh Ward',
    });
    expect(await orgRepository.findByCode(db, '24')).toMatchObject({ id: bacNinh.id, name: 'Bắc Ninh' });
    const former = await db.selectFrom('org_unit').select('code').where('valid_to', 'is not', null).execute();
    expect(former).toHaveLength(63);
  });
});
