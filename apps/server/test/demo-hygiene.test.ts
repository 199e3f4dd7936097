import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/demo/accounts.ts';
import { seedDemo } from '../src/demo/index.ts';
import { DEMO_PROGRAMME_CODE } from '../src/demo/tasks-demo.ts';
import { createUser, login, signedIn } from './factories.ts';
import { createTestEnv, type TestEnv } from './harness.ts';

const users = (env: TestEnv) =>
  env.database.db.selectFrom('app_user').select(['username', 'is_demo', 'active', 'password_hash']).execute();
const demoProgrammes = async (env: TestEnv) =>
  (
    await env.database.db
      .selectFrom('programme')
      .select('id')
      .where('code', '=', DEMO_PROGRAMME_CODE)
      .execute()
  ).length;
const signIn = (env: TestEnv, username: string) =>
  env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });

describe('demo data on an empty database', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv();
  });
  afterAll(() => env.close());

  it('is created once, every account marked as demo', { timeout: 300_000 }, async () => {
    const first = await seedDemo(env.database.db, env.services, env.rootId);
    expect(first).toEqual({ seeded: true, accounts: DEMO_ACCOUNTS.map((a) => a.username) });
    const rows = await users(env);
    expect(rows).toHaveLength(DEMO_ACCOUNTS.length);
    expect(rows.every((r) => r.is_demo && r.active)).toBe(true);
    expect(await demoProgrammes(env)).toBe(1);
    expect(await seedDemo(env.database.db, env.services, env.rootId)).toEqual({
      seeded: false,
      reason: 'has_users',
    });
    expect(await users(env)).toHaveLength(DEMO_ACCOUNTS.length);
  });

  it('is removed by a national administrator in one audited action, and never comes back', async () => {
    const admin = await signedIn(env, 'VN', ['admin']); // a real (non-demo) administrator
    const demoSteering = await login(env, 'steering', DEMO_PASSWORD);
    const provinceAdmin = await signedIn(env, '01', ['admin']);
    expect((await env.app.inject({ method: 'POST', url: '/api/admin/demo/remove' })).statusCode).toBe(401);
    expect((await demoSteering.post('/api/admin/demo/remove')).statusCode).toBe(403);
    expect((await provinceAdmin.client.post('/api/admin/demo/remove')).statusCode).toBe(403);
    expect((await signIn(env, 'commune.officer')).statusCode).toBe(200);

    const res = await admin.client.post('/api/admin/demo/remove');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().removed).toBe(DEMO_ACCOUNTS.length);
    expect(res.json().usernames.sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.username).sort());
    // sessions ended, no demo account signs in, the real ones still do
    expect((await demoSteering.get('/api/me')).statusCode).toBe(401);
    for (const a of DEMO_ACCOUNTS) expect((await signIn(env, a.username)).statusCode).toBe(401);
    expect((await admin.client.get('/api/me')).statusCode).toBe(200);
    const rows = (await users(env)).filter((r) => r.is_demo);
    expect(rows.every((r) => !r.active && r.password_hash === null)).toBe(true);
    const audit = await admin.client.get('/api/audit?action=user.demo_remove&limit=10');
    expect(audit.json().items.map((e: { action: string }) => e.action)).toContain('user.demo_remove');

    // a second removal finds nothing to do; a restart with demo on re-creates nothing
    expect((await admin.client.post('/api/admin/demo/remove')).json().removed).toBe(0);
    expect((await seedDemo(env.database.db, env.services, env.rootId)).seeded).toBe(false);
    for (const a of DEMO_ACCOUNTS) expect((await signIn(env, a.username)).statusCode).toBe(401);
  });
});

describe('demo data on a database in real use', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv();
  });
  afterAll(() => env.close());

  it('is never created once a real user exists', async () => {
    await createUser(env, 'VN', ['admin']);
    expect(await seedDemo(env.database.db, env.services, env.rootId)).toEqual({
      seeded: false,
      reason: 'has_users',
    });
    expect((await users(env)).some((r) => r.is_demo)).toBe(false);
    expect(await demoProgrammes(env)).toBe(0);
    for (const a of DEMO_ACCOUNTS.slice(0, 2)) expect((await signIn(env, a.username)).statusCode).toBe(401);
  });
});
