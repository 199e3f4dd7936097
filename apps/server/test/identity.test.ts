import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../src/modules/identity/auth.service.ts';
import { createTestEnv, type TestEnv } from './harness.ts';
import { createUser, login, signedIn, TEST_PASSWORD, unitByCode } from './factories.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ login: { maxFailuresPerAccount: 5, maxFailuresPerIp: 8, windowMinutes: 15 } });
});
afterAll(() => env.close());

/** Each throttling test signs in from its own address, so failures do not leak between tests. */
const freshIp = () => `10.${randomBytes(3).join('.')}`;

const loginAs = (username: string, password: string, ip = freshIp(), headers: Record<string, string> = {}) =>
  env.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress: ip,
    headers,
  });

describe('password login', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie and /api/me returns user, unit and roles', async () => {
    const user = await createUser(env, '01', ['officer', 'reviewer']);
    const res = await loginAs(user.username, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'pilotage_session');
    expect(cookie).toBeDefined();
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite?.toLowerCase()).toBe('lax');
    expect(cookie?.path).toBe('/');
    expect(res.body).not.toContain(cookie?.value);
    expect(res.json().csrfToken).toEqual(expect.any(String));

    const me = await env.app.inject({
      method: 'GET',
      url: '/api/me',
      cookies: { pilotage_session: cookie!.value },
    });
    expect(me.statusCode).toBe(200);
    const body = me.json();
    expect(body.user).toMatchObject({
      id: user.id,
      username: user.username,
      roles: ['officer', 'reviewer'],
      active: true,
    });
    expect(body.user).not.toHaveProperty('passwordHash');
    expect(JSON.stringify(body)).not.toContain('argon2');
    expect(body.unit).toMatchObject({ id: user.org_unit_id, code: '01', kind: 'province', name: 'Hà Nội' });
    expect(body.scopeRootId).toBe(user.org_unit_id);
  });

  it('gives national steering staff the national root as scope', async () => {
    const { client } = await signedIn(env, 'BCDCP', ['steering']);
    expect((await client.get('/api/me')).json().scopeRootId).toBe(env.rootId);
  });

  it('answers a wrong password with 401 problem+json, in Vietnamese by default and English on request', async () => {
    const user = await createUser(env, '00004', ['officer']);
    const vi = await loginAs(user.username, 'wrong-password');
    expect(vi.statusCode).toBe(401);
    expect(vi.headers['content-type']).toContain('application/problem+json');
    expect(vi.json()).toMatchObject({ status: 401, detail: 'Tên đăng nhập hoặc mật khẩu không đúng' });
    expect(vi.cookies).toHaveLength(0);
    const en = await loginAs(user.username, 'wrong-password', freshIp(), { 'accept-language': 'en' });
    expect(en.json()).toMatchObject({ status: 401, detail: 'Wrong username or password' });
  });

  it('says the same for an unknown username (no account enumeration)', async () => {
    const res = await loginAs(`nobody.${randomBytes(4).toString('hex')}`, TEST_PASSWORD, freshIp(), {
      'accept-language': 'en',
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().detail).toBe('Wrong username or password');
  });

  it('refuses an inactive user, and deactivation ends their sessions', async () => {
    const { client: admin } = await signedIn(env, 'VN', ['admin']);
    const { user, client } = await signedIn(env, '01', ['officer']);
    expect((await admin.patch(`/api/users/${user.id}`, { active: false })).statusCode).toBe(200);
    expect((await client.get('/api/me')).statusCode).toBe(401);
    const res = await loginAs(user.username, TEST_PASSWORD);
    expect(res.statusCode).toBe(401);
    expect(res.cookies).toHaveLength(0);
  });
});

describe('login throttling', () => {
  it('delays an account × address after 5 failures, even with the right password, with Retry-After', async () => {
    const user = await createUser(env, '01', ['officer']);
    const ip = freshIp();
    for (let i = 0; i < 5; i++) expect((await loginAs(user.username, `wrong-${i}`, ip)).statusCode).toBe(401);
    const res = await loginAs(user.username, TEST_PASSWORD, ip, { 'accept-language': 'en' });
    expect(res.statusCode).toBe(429);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(20);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(30);
    expect(res.json().detail).toContain('1 minutes');
    expect(res.cookies).toHaveLength(0);
    // another account is not affected
    const other = await createUser(env, '01', ['officer']);
    expect((await loginAs(other.username, TEST_PASSWORD, ip)).statusCode).toBe(200);
  });

  it('counts failures per account case-insensitively', async () => {
    const user = await createUser(env, '01', ['officer']);
    const ip = freshIp();
    for (let i = 0; i < 5; i++) await loginAs(user.username.toUpperCase(), 'wrong', ip);
    expect((await loginAs(user.username, TEST_PASSWORD, ip)).statusCode).toBe(429);
  });

  it('forgets failures older than the window', async () => {
    const user = await createUser(env, '01', ['officer']);
    const ip = freshIp();
    for (let i = 0; i < 5; i++) await loginAs(user.username, 'wrong', ip);
    expect((await loginAs(user.username, TEST_PASSWORD, ip)).statusCode).toBe(429);
    await env.database.db
      .updateTable('login_throttle')
      .set({ window_start: new Date(Date.now() - 16 * 60_000), blocked_until: new Date(Date.now() - 1000) })
      .where('key', '=', `a:${user.username}|${ip}`)
      .execute();
    expect((await loginAs(user.username, TEST_PASSWORD, ip)).statusCode).toBe(200);
  });

  it('blocks an address after too many failures across accounts (configurable)', async () => {
    const ip = freshIp();
    for (let i = 0; i < 8; i++) await loginAs(`ghost.${i}.${randomBytes(3).toString('hex')}`, 'wrong', ip);
    const user = await createUser(env, '01', ['officer']);
    const blocked = await loginAs(user.username, TEST_PASSWORD, ip);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['retry-after']).toBeDefined();
    expect((await loginAs(user.username, TEST_PASSWORD, freshIp())).statusCode).toBe(200);
  });
});

describe('sessions', () => {
  it('logout invalidates the session server-side and clears the cookie', async () => {
    const { client } = await signedIn(env, '01', ['officer']);
    const out = await client.post('/api/auth/logout');
    expect(out.statusCode).toBe(200);
    expect(out.json()).toEqual({ ok: true });
    const cleared = out.cookies.find((c) => c.name === 'pilotage_session');
    expect(cleared?.value ?? '').toBe('');
    expect((await client.get('/api/me')).statusCode).toBe(401);
    const token = client.cookie.split('=')[1]!;
    const row = await env.database.db
      .selectFrom('session')
      .select('id_hash')
      .where('id_hash', '=', sha256(token))
      .executeTakeFirst();
    expect(row).toBeUndefined();
  });

  it('stores only a hash of the session token', async () => {
    const { client, user } = await signedIn(env, '01', ['officer']);
    const token = client.cookie.split('=')[1]!;
    const rows = await env.database.db
      .selectFrom('session')
      .selectAll()
      .where('user_id', '=', user.id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('rejects an expired session', async () => {
    const { client, user } = await signedIn(env, '01', ['officer']);
    expect((await client.get('/api/me')).statusCode).toBe(200);
    await env.database.db
      .updateTable('session')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', user.id)
      .execute();
    const res = await client.get('/api/me');
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('extends an active session (sliding expiry)', async () => {
    const { client, user } = await signedIn(env, '01', ['officer']);
    const soon = new Date(Date.now() + 60_000);
    await env.database.db
      .updateTable('session')
      .set({ expires_at: soon, last_seen_at: new Date(Date.now() - 5 * 60_000) })
      .where('user_id', '=', user.id)
      .execute();
    expect((await client.get('/api/me')).statusCode).toBe(200);
    const row = await env.database.db
      .selectFrom('session')
      .select('expires_at')
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.expires_at.getTime()).toBeGreaterThan(
      Date.now() + (env.config.sessionTtlHours - 1) * 3_600_000,
    );
  });

  it('answers 401 to an unknown session cookie', async () => {
    const res = await env.app.inject({
      method: 'GET',
      url: '/api/me',
      cookies: { pilotage_session: 'forged' },
    });
    expect(res.statusCode).toBe(401);
  });
});

describe('CSRF', () => {
  it('refuses cookie-authenticated writes without the token or with a wrong one', async () => {
    const { client, user } = await signedIn(env, 'VN', ['admin']);
    const target = await createUser(env, '01', ['officer']);
    for (const headers of [{ 'x-csrf-token': '' }, { 'x-csrf-token': 'wrong' }]) {
      const post = await client.post('/api/auth/logout', undefined, headers);
      expect(post.statusCode).toBe(403);
      expect(post.headers['content-type']).toContain('application/problem+json');
      const patch = await client.patch(`/api/users/${target.id}`, { displayName: 'Hacked' }, headers);
      expect(patch.statusCode).toBe(403);
      const create = await client.post('/api/api-keys', { name: 'k', orgUnitId: user.org_unit_id }, headers);
      expect(create.statusCode).toBe(403);
    }
    const raw = await env.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: client.cookie },
    });
    expect(raw.statusCode).toBe(403);
    const unchanged = await client.get(`/api/users/${target.id}`);
    expect(unchanged.json().displayName).toBe(target.display_name);
    expect((await client.get('/api/me')).statusCode).toBe(200); // still signed in
    expect((await client.patch(`/api/users/${target.id}`, { displayName: 'Renamed' })).statusCode).toBe(200);
  });

  it("refuses another session's token", async () => {
    const a = await signedIn(env, '01', ['officer']);
    const b = await signedIn(env, '01', ['officer']);
    expect(
      (await a.client.post('/api/auth/logout', undefined, { 'x-csrf-token': b.client.csrf })).statusCode,
    ).toBe(403);
  });
});

describe('API keys', () => {
  it('shows the secret once, stores only its hash, scopes reads to the key unit, and stops working when revoked', async () => {
    const { client } = await signedIn(env, 'VN', ['admin']);
    const hanoi = await unitByCode(env, '01');
    const created = await client.post('/api/api-keys', { name: 'Hà Nội reporting', orgUnitId: hanoi.id });
    expect(created.statusCode).toBe(201);
    const key = created.json();
    expect(key.secret).toMatch(/^plk_/);
    expect(key.roles).toEqual(['officer']);

    const row = await env.database.db
      .selectFrom('api_key')
      .selectAll()
      .where('id', '=', key.id)
      .executeTakeFirstOrThrow();
    expect(row.secret_hash).toBe(sha256(key.secret));
    expect(JSON.stringify(row)).not.toContain(key.secret);
    const listed = await client.get('/api/api-keys?limit=500');
    expect(listed.body).not.toContain(key.secret);
    expect(listed.json().items.find((k: { id: string }) => k.id === key.id)).not.toHaveProperty('secret');

    const bearer = { authorization: `Bearer ${key.secret}` };
    const units = await env.app.inject({ method: 'GET', url: '/api/org-units?limit=500', headers: bearer });
    expect(units.statusCode).toBe(200);
    expect(units.json().total).toBe(127); // Hà Nội and its 126 communes
    expect(units.json().items.map((u: { id: string }) => u.id)).toContain(hanoi.id);
    const other = await unitByCode(env, '24');
    expect(
      (await env.app.inject({ method: 'GET', url: `/api/org-units/${other.id}`, headers: bearer }))
        .statusCode,
    ).toBe(404);
    expect(
      (await env.app.inject({ method: 'GET', url: `/api/org-units/${env.rootId}`, headers: bearer }))
        .statusCode,
    ).toBe(404);

    const revoked = await client.post(`/api/api-keys/${key.id}/revoke`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).toEqual(expect.any(String));
    const after = await env.app.inject({ method: 'GET', url: '/api/org-units', headers: bearer });
    expect(after.statusCode).toBe(401);
    expect(after.headers['content-type']).toContain('application/problem+json');
    expect((await client.post(`/api/api-keys/${key.id}/revoke`)).statusCode).toBe(409);
  });

  it('answers 401 to an unknown or malformed bearer token, even with a valid cookie', async () => {
    const { client } = await signedIn(env, 'VN', ['admin']);
    for (const authorization of ['Bearer plk_00000000_nope', 'Bearer ', 'Bearer']) {
      const res = await env.app.inject({ method: 'GET', url: '/api/org-units', headers: { authorization } });
      expect(res.statusCode, authorization).toBe(401);
    }
    const both = await client.get('/api/org-units', { authorization: 'Bearer plk_00000000_nope' });
    expect(both.statusCode).toBe(401);
  });

  it('needs no CSRF token for writes with a key, and keeps them in the key scope', async () => {
    const { client } = await signedIn(env, 'VN', ['admin']);
    const hanoi = await unitByCode(env, '01');
    const key = (
      await client.post('/api/api-keys', { name: 'sync', orgUnitId: hanoi.id, roles: ['unit_lead'] })
    ).json();
    const headers = { authorization: `Bearer ${key.secret}` };
    const commune = await unitByCode(env, '00004');
    const payload = {
      username: `k.${randomBytes(4).toString('hex')}`,
      displayName: 'Key-made',
      orgUnitId: commune.id,
      roles: ['officer'],
      password: 'long-enough-pass',
    };
    const own = { ...payload, orgUnitId: hanoi.id };
    const ok = await env.app.inject({ method: 'POST', url: '/api/users', payload: own, headers });
    expect(ok.statusCode).toBe(201);
    // a lead's key manages its own unit only, not the communes below (issue 7 item 13)
    const below = await env.app.inject({ method: 'POST', url: '/api/users', payload, headers });
    expect(below.statusCode).toBe(403);
    const outside = await unitByCode(env, '24');
    const denied = await env.app.inject({
      method: 'POST',
      url: '/api/users',
      headers,
      payload: { ...payload, username: `${payload.username}x`, orgUnitId: outside.id },
    });
    expect(denied.statusCode).toBe(403);
    expect((await login(env, payload.username, 'long-enough-pass')).csrf).toEqual(expect.any(String));
  });
});
