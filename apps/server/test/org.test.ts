import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from './harness.ts';
import { signedIn } from './factories.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

describe('org units', () => {
  it('lists the 34 provinces and 3,321 communes to national staff', async () => {
    const { client } = await signedIn(env, 'BCDCP', ['steering']);
    const provinces = await client.get('/api/org-units?kind=province&limit=100');
    expect(provinces.statusCode).toBe(200);
    expect(provinces.json().items).toHaveLength(34);
    const communes = await client.get('/api/org-units?kind=commune&limit=1');
    expect(communes.json().total).toBe(3321);
  });

  it('finds Đắk Lắk typed without diacritics, and đ/Đ as d', async () => {
    const { client } = await signedIn(env, 'VN', ['admin']);
    const res = await client.get('/api/org-units?q=dak%20lak');
    expect(res.json().items.map((u: { name: string }) => u.name)).toContain('Đắk Lắk');
    const dn = await client.get('/api/org-units?q=DA%20NANG&kind=province');
    expect(dn.json().items[0].name).toBe('Đà Nẵng');
  });

  it('limits a commune officer to its own unit', async () => {
    const { client, user } = await signedIn(env, '00004', ['officer']);
    const res = await client.get('/api/org-units?limit=500');
    expect(res.json().total).toBe(1);
    expect(res.json().items[0].id).toBe(user.org_unit_id);
    const other = await client.get(`/api/org-units/${env.rootId}`);
    expect(other.statusCode).toBe(404);
  });

  it('gives a province its communes as children', async () => {
    const { client, user } = await signedIn(env, '01', ['officer']);
    const res = await client.get(`/api/org-units/${user.org_unit_id}/children`);
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(126);
  });

  it('answers 401 without a session', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/org-units' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
