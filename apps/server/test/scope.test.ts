import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from './harness.ts';
import { createUser, login, signedIn, uniq, unitByCode } from './factories.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

const newUser = (orgUnitId: string, roles: string[] = ['officer']) => ({
  username: uniq('s.'),
  displayName: 'Cán bộ',
  orgUnitId,
  roles,
  password: 'a-long-password',
});

describe('province admin', () => {
  it('reads only audit events of actors in its province', async () => {
    const { client: provinceAdmin, user: me } = await signedIn(env, '01', ['admin']);
    const inHanoi = await signedIn(env, '00292', ['officer']); // logs in: an auth.login event in Hà Nội
    const inBacNinh = await signedIn(env, '07210', ['officer']);
    const national = await signedIn(env, 'VN', ['admin']);
    const res = await provinceAdmin.get('/api/audit?limit=500');
    expect(res.statusCode).toBe(200);
    const actors = new Set(res.json().items.map((e: { actorUserId: string | null }) => e.actorUserId));
    expect(actors.has(me.id)).toBe(true);
    expect(actors.has(inHanoi.user.id)).toBe(true);
    expect(actors.has(inBacNinh.user.id)).toBe(false);
    expect(actors.has(national.user.id)).toBe(false);
    const units = await env.database.db
      .selectFrom('org_unit_closure')
      .select('descendant_id')
      .where('ancestor_id', '=', me.org_unit_id)
      .execute();
    const inScope = new Set(units.map((u) => u.descendant_id));
    for (const e of res.json().items as { actorUnitId: string }[])
      expect(inScope.has(e.actorUnitId)).toBe(true);
    // asking for another province's events by filter does not widen the scope
    const asked = await provinceAdmin.get(`/api/audit?actorUserId=${inBacNinh.user.id}`);
    expect(asked.json()).toEqual({ items: [], total: 0 });
    const nationalView = await national.client.get(`/api/audit?actorUserId=${inBacNinh.user.id}`);
    expect(nationalView.json().total).toBeGreaterThan(0);
  });

  it('sees and manages users of its communes only', async () => {
    const { client } = await signedIn(env, '01', ['admin']);
    const hanoiCommune = await unitByCode(env, '00004');
    const bacNinh = await unitByCode(env, '24');
    const far = await createUser(env, '07210', ['officer']);
    expect((await client.post('/api/users', newUser(hanoiCommune.id, ['admin']))).statusCode).toBe(201);
    expect((await client.post('/api/users', newUser(bacNinh.id))).statusCode).toBe(403);
    expect((await client.get(`/api/users/${far.id}`)).statusCode).toBe(404);
    expect((await client.patch(`/api/users/${far.id}`, { active: false })).statusCode).toBe(404);
    const list = await client.get('/api/users?limit=500');
    expect(list.json().items.map((u: { id: string }) => u.id)).not.toContain(far.id);
  });
});

describe('steering and admins outside national bodies', () => {
  it.each([
    ['01', 127],
    ['BKHCN', 1],
  ])('steering staff of %s see their own subtree only', async (code, total) => {
    const { client } = await signedIn(env, code, ['steering']);
    const res = await client.get('/api/org-units?limit=1');
    expect(res.json().total).toBe(total);
    expect((await client.get(`/api/org-units/${env.rootId}`)).statusCode).toBe(404);
  });

  it('an officer of a central body sees only that body', async () => {
    const { client, user } = await signedIn(env, 'VPCP', ['officer']);
    const res = await client.get('/api/org-units?limit=500');
    expect(res.json().items.map((u: { id: string }) => u.id)).toEqual([user.org_unit_id]);
  });
});

describe('unit leads', () => {
  it('create users in their own unit only (not its communes, not elsewhere), and never grant admin or steering', async () => {
    const { client, user } = await signedIn(env, '01', ['unit_lead']);
    const commune = await unitByCode(env, '00292');
    const other = await unitByCode(env, '07210');
    expect((await client.post('/api/users', newUser(user.org_unit_id, ['unit_lead']))).statusCode).toBe(201);
    const below = await client.post('/api/users', newUser(commune.id, ['unit_lead']), {
      'accept-language': 'en',
    });
    expect(below.statusCode).toBe(403);
    expect(below.json().errors).toEqual([
      { path: 'roles', message: 'You manage the users and API keys of your own unit only' },
    ]);
    expect((await client.post('/api/users', newUser(other.id))).statusCode).toBe(403);
    for (const roles of [['admin'], ['steering'], ['viewer', 'admin']]) {
      const res = await client.post('/api/users', newUser(user.org_unit_id, roles), {
        'accept-language': 'en',
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().errors).toEqual([{ path: 'roles', message: 'You may not grant this role' }]);
    }
    const apiKey = await client.post('/api/api-keys', {
      name: 'k',
      orgUnitId: commune.id,
      roles: ['steering'],
    });
    expect(apiKey.statusCode).toBe(403);
  });

  it('cannot demote, deactivate or rename an admin or steering user of their unit', async () => {
    const { client } = await signedIn(env, '01', ['unit_lead']);
    const admin = await createUser(env, '01', ['admin']);
    const steering = await createUser(env, '00004', ['steering', 'reviewer']);
    for (const target of [admin, steering]) {
      for (const patch of [{ roles: ['officer'] }, { active: false }, { displayName: 'x' }]) {
        expect((await client.patch(`/api/users/${target.id}`, patch)).statusCode).toBe(403);
      }
      const row = await env.database.db
        .selectFrom('app_user')
        .selectAll()
        .where('id', '=', target.id)
        .executeTakeFirstOrThrow();
      expect(row.roles).toEqual(target.roles);
      expect(row.active).toBe(true);
      expect(row.display_name).toBe(target.display_name);
    }
    // the admin can still sign in
    expect((await login(env, admin.username)).csrf).toEqual(expect.any(String));
  });

  it('a user created by a unit lead signs in with the scope of their unit', async () => {
    const { client } = await signedIn(env, '00004', ['unit_lead']);
    const body = newUser((await unitByCode(env, '00004')).id);
    expect((await client.post('/api/users', body)).statusCode).toBe(201);
    const created = await login(env, body.username, body.password);
    const units = await created.get('/api/org-units');
    expect(units.json().total).toBe(1);
  });
});

describe('API keys carry their unit scope', () => {
  it('a national admin key sees the whole country; a commune key sees one unit and no users', async () => {
    const { client } = await signedIn(env, 'VN', ['admin']);
    const national = (
      await client.post('/api/api-keys', { name: 'n', orgUnitId: env.rootId, roles: ['admin'] })
    ).json();
    const commune = await unitByCode(env, '00004');
    const local = (await client.post('/api/api-keys', { name: 'c', orgUnitId: commune.id })).json();
    const get = (secret: string, url: string) =>
      env.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${secret}` } });
    expect((await get(national.secret, '/api/org-units?kind=commune&limit=1')).json().total).toBe(3321);
    expect((await get(local.secret, '/api/org-units')).json().total).toBe(1);
    expect((await get(local.secret, '/api/users')).statusCode).toBe(403);
    expect((await get(local.secret, '/api/audit')).statusCode).toBe(403);
    expect((await get(national.secret, '/api/audit?limit=1')).statusCode).toBe(200);
  });
});
