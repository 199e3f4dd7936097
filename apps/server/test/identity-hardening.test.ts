/** Issue 7 items 4, 5, 8, 11, 13, 14, 15: each test failed before its fix. */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from './harness.ts';
import { createUser, login, signedIn, TEST_PASSWORD, uniq, unitByCode } from './factories.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ login: { maxFailuresPerAccount: 5, maxFailuresPerIp: 30, windowMinutes: 15 } });
});
afterAll(() => env.close());

const freshIp = () => `10.${randomBytes(3).join('.')}`;
const loginAs = (username: string, password: string, ip = freshIp()) =>
  env.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress: ip,
  });
const db = () => env.database.db;
const auditCount = async (action: string, username: string) =>
  (
    await db()
      .selectFrom('audit_event')
      .select('id')
      .where('action', '=', action)
      .where('actor_name', '=', `login:${username}`)
      .execute()
  ).length;

describe('login throttling (items 4, 5)', () => {
  it('40 concurrent wrong passwords on one account: at most 5 are checked', async () => {
    if (env.database.kind === 'pglite') return; // one connection: requests cannot race
    const user = await createUser(env, '01', ['officer']);
    const ip = freshIp();
    const res = await Promise.all(
      Array.from({ length: 40 }, (_, i) => loginAs(user.username, `wrong-${i}`, ip)),
    );
    const checked = res.filter((r) => r.statusCode === 401).length;
    expect(checked).toBeLessThanOrEqual(5);
    expect(res.filter((r) => r.statusCode === 429)).toHaveLength(40 - checked);
  });

  it('failures from one address do not lock the owner out from another', async () => {
    const user = await createUser(env, 'VN', ['admin']);
    const attacker = freshIp();
    for (let i = 0; i < 8; i++) await loginAs(user.username, `guess-${i}`, attacker);
    expect((await loginAs(user.username, TEST_PASSWORD, attacker)).statusCode).toBe(429);
    expect((await loginAs(user.username, TEST_PASSWORD, freshIp())).statusCode).toBe(200);
  });

  it('delays grow: after the wait, one more try, then twice the wait', async () => {
    const user = await createUser(env, '01', ['officer']);
    const ip = freshIp();
    for (let i = 0; i < 5; i++) await loginAs(user.username, 'wrong', ip);
    const first = await loginAs(user.username, 'wrong', ip);
    expect(first.statusCode).toBe(429);
    expect(Number(first.headers['retry-after'])).toBeLessThanOrEqual(30);
    await db()
      .updateTable('login_throttle')
      .set({ blocked_until: new Date(Date.now() - 1) })
      .where('key', '=', `a:${user.username}|${ip}`)
      .execute();
    expect((await loginAs(user.username, 'wrong', ip)).statusCode).toBe(401);
    const second = await loginAs(user.username, 'wrong', ip);
    expect(second.statusCode).toBe(429);
    expect(Number(second.headers['retry-after'])).toBeGreaterThan(30);
    expect(Number(second.headers['retry-after'])).toBeLessThanOrEqual(60);
  });

  it('failed logins and lockouts are audited', async () => {
    const user = await createUser(env, '01', ['officer']);
    const ip = freshIp();
    for (let i = 0; i < 5; i++) await loginAs(user.username, 'wrong', ip);
    expect(await auditCount('auth.login_failed', user.username)).toBe(5);
    expect(await auditCount('auth.lockout', user.username)).toBe(1);
  });
});

describe('API keys die with their maker’s rights and expire (item 8)', () => {
  async function keyBy(roles: ('admin' | 'unit_lead')[], unitCode = '01', body: object = {}) {
    const maker = await signedIn(env, unitCode, roles);
    const unit = await unitByCode(env, unitCode);
    const res = await maker.client.post('/api/api-keys', { name: 'k', orgUnitId: unit.id, ...body });
    expect(res.statusCode).toBe(201);
    return { maker, key: res.json(), unit };
  }
  const me = (secret: string) =>
    env.app.inject({
      method: 'GET',
      url: '/api/org-units?limit=1',
      headers: { authorization: `Bearer ${secret}` },
    });

  it('has an expiry and a last-used time', async () => {
    const { key } = await keyBy(['unit_lead'], '01', { expiresInDays: 30 });
    expect(Date.parse(key.expiresAt) - Date.now()).toBeGreaterThan(29 * 86_400_000);
    expect(key.lastUsedAt).toBeNull();
    expect((await me(key.secret)).statusCode).toBe(200);
    const row = await db()
      .selectFrom('api_key')
      .selectAll()
      .where('id', '=', key.id)
      .executeTakeFirstOrThrow();
    expect(row.last_used_at).not.toBeNull();
    await db()
      .updateTable('api_key')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', key.id)
      .execute();
    expect((await me(key.secret)).statusCode).toBe(401);
  });

  it('stops working when its maker is deactivated', async () => {
    const { maker, key } = await keyBy(['unit_lead']);
    expect((await me(key.secret)).statusCode).toBe(200);
    await db().updateTable('app_user').set({ active: false }).where('id', '=', maker.user.id).execute();
    expect((await me(key.secret)).statusCode).toBe(401);
  });

  it('stops working when its maker loses the role that let them grant it', async () => {
    const { maker, key } = await keyBy(['unit_lead']);
    await db()
      .updateTable('app_user')
      .set({ roles: ['officer'] })
      .where('id', '=', maker.user.id)
      .execute();
    expect((await me(key.secret)).statusCode).toBe(401);
  });

  it('a lead cannot mint a key acting as a commune, nor revoke an admin’s key', async () => {
    const lead = await signedIn(env, '01', ['unit_lead']);
    const commune = await unitByCode(env, '00004');
    expect((await lead.client.post('/api/api-keys', { name: 'k', orgUnitId: commune.id })).statusCode).toBe(
      403,
    );
    const { key } = await keyBy(['admin'], '01', { roles: ['admin'] });
    expect((await lead.client.post(`/api/api-keys/${key.id}/revoke`)).statusCode).toBe(403);
    expect((await me(key.secret)).statusCode).toBe(200);
  });
});

describe('role rules (item 13)', () => {
  it('a commune lead cannot add roles to itself', async () => {
    const { client, user } = await signedIn(env, '00004', ['unit_lead']);
    const res = await client.patch(`/api/users/${user.id}`, { roles: ['unit_lead', 'reviewer'] });
    expect(res.statusCode).toBe(403);
    const row = await db()
      .selectFrom('app_user')
      .select('roles')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.roles).toEqual(['unit_lead']);
  });

  it('a province lead cannot deactivate a commune lead nor create leads in communes', async () => {
    const { client } = await signedIn(env, '01', ['unit_lead']);
    const communeLead = await createUser(env, '00004', ['unit_lead']);
    expect((await client.patch(`/api/users/${communeLead.id}`, { active: false })).statusCode).toBe(403);
    const commune = await unitByCode(env, '00004');
    const res = await client.post('/api/users', {
      username: uniq('l.'),
      displayName: 'Lead',
      orgUnitId: commune.id,
      roles: ['unit_lead'],
      password: 'a-long-password',
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('passwords (item 14)', () => {
  const create = (client: Awaited<ReturnType<typeof signedIn>>['client'], unitId: string, password: string) =>
    client.post(
      '/api/users',
      { username: uniq('p.'), displayName: 'P', orgUnitId: unitId, roles: ['officer'], password },
      { 'accept-language': 'en' },
    );

  it('refuses common and trivial passwords', async () => {
    const { client, user } = await signedIn(env, 'VN', ['admin']);
    for (const password of ['aaaaaaaaaa', '1234567890', 'password12', 'qwerty123456']) {
      const res = await create(client, user.org_unit_id, password);
      expect(res.statusCode, password).toBe(400);
      expect(res.json().errors[0]).toMatchObject({ path: 'password' });
    }
    expect((await create(client, user.org_unit_id, 'mây trắng bay qua đồi')).statusCode).toBe(201);
  });

  it('change-password needs the current one, ends other sessions, and the new one works', async () => {
    const user = await createUser(env, '01', ['officer']);
    const a = await login(env, user.username);
    const b = await login(env, user.username);
    const wrong = await a.post('/api/auth/password', {
      currentPassword: 'nope',
      newPassword: 'sông Hồng chảy mãi',
    });
    expect(wrong.statusCode).toBe(400);
    const weak = await a.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'password12',
    });
    expect(weak.statusCode).toBe(400);
    const ok = await a.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'sông Hồng chảy mãi',
    });
    expect(ok.statusCode).toBe(200);
    expect((await a.get('/api/me')).statusCode).toBe(200);
    expect((await b.get('/api/me')).statusCode).toBe(401);
    expect((await loginAs(user.username, 'sông Hồng chảy mãi')).statusCode).toBe(200);
  });

  it('an admin reset forces a change at next login', async () => {
    const admin = await signedIn(env, 'VN', ['admin']);
    const user = await createUser(env, '01', ['officer']);
    const temp = 'tạm thời: đổi ngay nhé';
    const reset = await admin.client.post(`/api/users/${user.id}/reset-password`, {
      temporaryPassword: temp,
    });
    expect(reset.statusCode).toBe(200);
    const c = await login(env, user.username, temp);
    expect((await c.get('/api/me')).json().mustChangePassword).toBe(true);
    expect((await c.get('/api/org-units?limit=1')).statusCode).toBe(403);
    const changed = await c.post('/api/auth/password', {
      currentPassword: temp,
      newPassword: 'mưa rơi trên phố cổ',
    });
    expect(changed.statusCode).toBe(200);
    expect((await c.get('/api/me')).json().mustChangePassword).toBe(false);
    expect((await c.get('/api/org-units?limit=1')).statusCode).toBe(200);
    const lead = await signedIn(env, '01', ['unit_lead']);
    const denied = await lead.client.post(`/api/users/${user.id}/reset-password`, {
      temporaryPassword: temp,
    });
    expect(denied.statusCode).toBe(403);
  });
});

describe('housekeeping and headers (item 15)', () => {
  it('purges expired sessions and old login attempts', async () => {
    const user = await createUser(env, '01', ['officer']);
    const c = await login(env, user.username);
    await db()
      .updateTable('session')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', user.id)
      .execute();
    await loginAs(user.username, 'wrong');
    await db()
      .updateTable('login_attempt')
      .set({ at: new Date(Date.now() - 31 * 86_400_000) })
      .where('username', '=', user.username)
      .execute();
    const purged = await env.services.auth.purge();
    expect(purged.sessions).toBeGreaterThanOrEqual(1);
    expect(purged.loginAttempts).toBeGreaterThanOrEqual(1);
    expect(
      await db().selectFrom('session').select('id_hash').where('user_id', '=', user.id).execute(),
    ).toEqual([]);
    expect((await c.get('/api/me')).statusCode).toBe(401);
  });

  it('sends HSTS only behind HTTPS (secure cookies)', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['strict-transport-security']).toBeUndefined();
    const secure = await createTestEnv({ secureCookies: true });
    try {
      const r = await secure.app.inject({ method: 'GET', url: '/api/health' });
      expect(r.headers['strict-transport-security']).toContain('max-age=');
    } finally {
      await secure.close();
    }
  });
});

describe('trusted proxy hops (item 11)', () => {
  it('with one trusted hop, a client cannot choose its address with X-Forwarded-For', async () => {
    const proxied = await createTestEnv({ trustProxy: 1 });
    try {
      const user = await createUser(proxied, '01', ['officer']);
      const res = await proxied.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: user.username, password: 'wrong' },
        remoteAddress: '127.0.0.1',
        // the client wrote 6.6.6.6; our proxy appended the address it saw
        headers: { 'x-forwarded-for': '6.6.6.6, 203.0.113.7' },
      });
      expect(res.statusCode).toBe(401);
      const attempt = await proxied.database.db
        .selectFrom('login_attempt')
        .select('ip')
        .where('username', '=', user.username)
        .executeTakeFirstOrThrow();
      expect(attempt.ip).toBe('203.0.113.7');
    } finally {
      await proxied.close();
    }
  });
});
