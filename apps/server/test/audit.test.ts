import type { AuditEvent } from '@pilotage/contracts';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { inTransaction } from '../src/db/transaction.ts';
import { systemContext } from '../src/http/context.ts';
import { chainHash } from '../src/modules/audit/audit.chain.ts';
import { auditRepository } from '../src/modules/audit/audit.repository.ts';
import { createTestEnv, type TestEnv } from './harness.ts';
import { login, signedIn, TEST_PASSWORD, uniq, unitByCode, type Client } from './factories.ts';

let env: TestEnv;
let admin: Client;
let adminUser: { id: string; org_unit_id: string };
beforeAll(async () => {
  env = await createTestEnv();
  const s = await signedIn(env, 'VN', ['admin']);
  admin = s.client;
  adminUser = s.user;
});
afterAll(() => env.close());
afterEach(() => vi.restoreAllMocks());

const db = () => env.database.db;
const newUser = (orgUnitId: string) => ({
  username: uniq('a.'),
  displayName: 'Trần Thị B',
  orgUnitId,
  roles: ['officer'],
  password: TEST_PASSWORD,
});
const eventsOf = async (entityId: string) =>
  (await admin.get(`/api/audit?entityId=${entityId}&limit=500`)).json().items as AuditEvent[];
const eventCount = async () =>
  Number(
    (
      await db()
        .selectFrom('audit_event')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const rid = (res: LightMyRequestResponse) => res.headers['x-request-id'];

describe('identity mutations are audited', () => {
  it('user.create and user.update: actor, unit, before/after and request id', async () => {
    const created = await admin.post('/api/users', newUser(adminUser.org_unit_id));
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const updated = await admin.patch(`/api/users/${id}`, {
      displayName: 'Trần Thị C',
      roles: ['officer', 'reviewer'],
    });
    expect(updated.statusCode).toBe(200);
    const [update, create] = await eventsOf(id);
    expect(create).toMatchObject({
      action: 'user.create',
      entityType: 'user',
      entityId: id,
      actorUserId: adminUser.id,
      actorUnitId: adminUser.org_unit_id,
      before: null,
      requestId: rid(created),
    });
    expect(create!.after).toMatchObject({ id, displayName: 'Trần Thị B', roles: ['officer'] });
    expect(update).toMatchObject({
      action: 'user.update',
      actorUserId: adminUser.id,
      requestId: rid(updated),
    });
    expect(update!.before).toMatchObject({ displayName: 'Trần Thị B', roles: ['officer'] });
    expect(update!.after).toMatchObject({ displayName: 'Trần Thị C', roles: ['officer', 'reviewer'] });
    expect(update!.seq).toBeGreaterThan(create!.seq);
  });

  it('api_key.create and api_key.revoke, and acts of the key are attributed to the key', async () => {
    const commune = await unitByCode(env, '10101003');
    const created = await admin.post('/api/api-keys', {
      name: 'sync',
      orgUnitId: commune.id,
      roles: ['unit_lead'],
    });
    const key = created.json();
    const made = await env.app.inject({
      method: 'POST',
      url: '/api/users',
      payload: newUser(commune.id),
      headers: { authorization: `Bearer ${key.secret}` },
    });
    expect(made.statusCode).toBe(201);
    const revoked = await admin.post(`/api/api-keys/${key.id}/revoke`);
    const [revoke, create] = await eventsOf(key.id);
    expect(create).toMatchObject({
      action: 'api_key.create',
      entityType: 'api_key',
      actorUserId: adminUser.id,
      requestId: rid(created),
    });
    expect(create!.after).toMatchObject({
      id: key.id,
      orgUnitId: commune.id,
      roles: ['unit_lead'],
      revokedAt: null,
    });
    expect(revoke).toMatchObject({
      action: 'api_key.revoke',
      requestId: rid(revoked),
      before: { revokedAt: null },
    });
    expect((revoke!.after as { revokedAt: string }).revokedAt).toEqual(expect.any(String));
    const [byKey] = await eventsOf(made.json().id);
    expect(byKey).toMatchObject({
      action: 'user.create',
      actorUserId: null,
      actorName: `api-key:${key.prefix}`,
      actorUnitId: commune.id,
    });
  });

  it('auth.login and auth.logout, by the user who signs in and out', async () => {
    const s = await signedIn(env, '10101003', ['officer']);
    const out = await s.client.post('/api/auth/logout');
    const events = await eventsOf(s.user.id);
    expect(events.map((e) => e.action)).toEqual(['auth.logout', 'auth.login']);
    for (const e of events)
      expect(e).toMatchObject({
        entityType: 'session',
        actorUserId: s.user.id,
        actorUnitId: s.user.org_unit_id,
      });
    expect(events[0]!.requestId).toBe(rid(out));
    expect(events[1]!.after).toEqual({ ip: '127.0.0.1' });
  });

  it('failed requests leave no event', async () => {
    const before = await eventCount();
    const body = newUser(adminUser.org_unit_id);
    await admin.post('/api/users', body);
    const after = await eventCount();
    expect((await admin.post('/api/users', body)).statusCode).toBe(409);
    expect((await admin.patch(`/api/users/${adminUser.id}`, { roles: ['king'] })).statusCode).toBe(400);
    await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: body.username, password: 'wrong-password' },
    });
    expect(after).toBe(before + 1);
    expect(await eventCount()).toBe(after);
  });

  it('the audit write shares the transaction: when it fails, the change is rolled back', async () => {
    const spy = vi.spyOn(env.services.audit, 'record').mockRejectedValue(new Error('audit store down'));
    const body = newUser(adminUser.org_unit_id);
    expect((await admin.post('/api/users', body)).statusCode).toBe(500);
    expect(
      await db().selectFrom('app_user').select('id').where('username', '=', body.username).executeTakeFirst(),
    ).toBeUndefined();
    expect((await admin.patch(`/api/users/${adminUser.id}`, { displayName: 'Rolled back' })).statusCode).toBe(
      500,
    );
    expect(
      (
        await db()
          .selectFrom('app_user')
          .select('display_name')
          .where('id', '=', adminUser.id)
          .executeTakeFirstOrThrow()
      ).display_name,
    ).not.toBe('Rolled back');
    const keys = await db().selectFrom('api_key').select('id').execute();
    expect(
      (await admin.post('/api/api-keys', { name: 'x', orgUnitId: adminUser.org_unit_id })).statusCode,
    ).toBe(500);
    expect(await db().selectFrom('api_key').select('id').execute()).toHaveLength(keys.length);
    const sessions = await db()
      .selectFrom('session')
      .select('id_hash')
      .where('user_id', '=', adminUser.id)
      .execute();
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: (await admin.get('/api/me')).json().user.username, password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(500);
    expect(
      await db().selectFrom('session').select('id_hash').where('user_id', '=', adminUser.id).execute(),
    ).toHaveLength(sessions.length);
    expect(spy).toHaveBeenCalledTimes(4);
  });
});

describe('redaction', () => {
  it('never stores passwords, password hashes or API secrets', async () => {
    const body = { ...newUser(adminUser.org_unit_id), password: 'very-secret-password-1' };
    await admin.post('/api/users', body);
    const key = (await admin.post('/api/api-keys', { name: 'k', orgUnitId: adminUser.org_unit_id })).json();
    await login(env, body.username, body.password);
    const text = JSON.stringify(await db().selectFrom('audit_event').selectAll().execute());
    expect(text).not.toContain('very-secret-password-1');
    expect(text).not.toContain(key.secret);
    expect(text).not.toContain('$argon2');
  });

  it('redacts secret-looking keys at any depth before hashing', async () => {
    await inTransaction(db(), (tx) =>
      env.services.audit.record(tx, systemContext(env.rootId), {
        action: 'test.redact',
        entityType: 'test',
        entityId: 'r1',
        after: {
          password: 'p',
          passwordHash: 'h',
          csrfToken: 't',
          nested: { apiSecret: 's', list: [{ token: 'x', keep: 1 }] },
          name: 'kept',
        },
      }),
    );
    const [event] = (await admin.get('/api/audit?action=test.redact')).json().items;
    expect(event.after).toEqual({
      password: '[redacted]',
      passwordHash: '[redacted]',
      csrfToken: '[redacted]',
      nested: { apiSecret: '[redacted]', list: [{ token: '[redacted]', keep: 1 }] },
      name: 'kept',
    });
    expect((await env.services.audit.verify()).ok).toBe(true);
  });
});

describe('GET /api/audit filters', () => {
  const today = () => new Date().toISOString().slice(0, 10);
  const shift = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

  it('filters by action and entity type, pages newest first with {items,total}', async () => {
    for (let i = 0; i < 3; i++) await admin.post('/api/users', newUser(adminUser.org_unit_id));
    const all = (await admin.get('/api/audit?action=user.create&entityType=user&limit=500')).json();
    expect(all.total).toBeGreaterThanOrEqual(3);
    expect(all.items).toHaveLength(all.total);
    for (const e of all.items) expect(e).toMatchObject({ action: 'user.create', entityType: 'user' });
    const seqs = all.items.map((e: AuditEvent) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    const p1 = (await admin.get('/api/audit?action=user.create&limit=2&offset=0')).json();
    const p2 = (await admin.get('/api/audit?action=user.create&limit=2&offset=2')).json();
    expect(p1.total).toBe(all.total);
    expect(p1.items.map((e: AuditEvent) => e.seq)).toEqual(seqs.slice(0, 2));
    expect(p2.items.map((e: AuditEvent) => e.seq)).toEqual(seqs.slice(2, 4));
    expect((await admin.get('/api/audit?entityType=nothing')).json()).toEqual({ items: [], total: 0 });
  });

  it('filters by UTC day with from/to (inclusive)', async () => {
    await admin.post('/api/users', newUser(adminUser.org_unit_id));
    const count = async (q: string) =>
      (await admin.get(`/api/audit?action=user.create&${q}`)).json().total as number;
    const all = await count('');
    expect(await count(`from=${today()}&to=${today()}`)).toBeGreaterThan(0);
    expect(await count(`from=${shift(-1)}&to=${shift(1)}`)).toBe(all);
    expect(await count(`from=${shift(1)}`)).toBe(0);
    expect(await count(`to=${shift(-1)}`)).toBe(0);
  });

  it('does not depend on the database time zone', async () => {
    if (env.database.kind !== 'pglite') return; // one connection: SET applies to every later query
    const check = async (zone: string) => {
      await sql`set time zone ${sql.lit(zone)}`.execute(db());
      const res = (q: string) => admin.get(`/api/audit?action=user.create&${q}`);
      expect((await res(`to=${today()}`)).json().total, zone).toBeGreaterThan(0);
      expect((await res(`to=${shift(-1)}`)).json().total, zone).toBe(0);
    };
    try {
      await check('Pacific/Kiritimati'); // UTC+14
      await check('Etc/GMT+12'); // UTC-12
    } finally {
      await sql`set time zone 'UTC'`.execute(db());
    }
  });
});

describe('hash chain verification', () => {
  const row = (seq: number) =>
    db().selectFrom('audit_event').selectAll().where('seq', '=', seq).executeTakeFirstOrThrow();
  const headSeq = async () =>
    (await db().selectFrom('audit_chain_head').select('seq').executeTakeFirstOrThrow()).seq;

  it('passes on an honest chain', async () => {
    const check = await env.services.audit.verify();
    expect(check).toEqual({ ok: true, checked: await eventCount(), brokenAtSeq: null, reason: null });
    expect(check.checked).toBeGreaterThan(5);
  });

  it('is not fooled by events written while it runs', async () => {
    const page = auditRepository.page.bind(auditRepository);
    let injected = false;
    vi.spyOn(auditRepository, 'page').mockImplementation(async (executor, afterSeq, size) => {
      const rows = await page(executor, afterSeq, size);
      if (rows.length === 0 && !injected) {
        injected = true; // a request commits an event between the last page and the head check
        await inTransaction(db(), (tx) =>
          env.services.audit.record(tx, systemContext(env.rootId), {
            action: 'test.concurrent',
            entityType: 'test',
            entityId: null,
          }),
        );
      }
      return rows;
    });
    const before = await eventCount();
    const check = await env.services.audit.verify();
    expect(injected).toBe(true);
    expect(check).toEqual({ ok: true, checked: before + 1, brokenAtSeq: null, reason: null });
  });

  it('finds a row edited by hand, and passes again once it is restored', async () => {
    const n = Math.ceil((await headSeq()) / 2);
    const original = await row(n);
    await sql`update audit_event set after = ${JSON.stringify({ tampered: true })}::jsonb where seq = ${n}`.execute(
      db(),
    );
    expect(await env.services.audit.verify()).toMatchObject({ ok: false, brokenAtSeq: n, checked: n - 1 });
    await sql`update audit_event set after = ${JSON.stringify(original.after)}::jsonb where seq = ${n}`.execute(
      db(),
    );
    expect((await env.services.audit.verify()).ok).toBe(true);
  });

  it('finds a row whose hash was recomputed to hide an edit, at the next link', async () => {
    const n = Math.ceil((await headSeq()) / 2);
    const r = await row(n);
    const forged = chainHash(r.prev_hash, {
      id: r.id,
      seq: n,
      occurredAt: r.occurred_at.toISOString(),
      actorUserId: r.actor_user_id,
      actorName: 'someone else',
      actorUnitId: r.actor_unit_id,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      before: r.before ?? null,
      after: r.after ?? null,
      requestId: r.request_id,
    });
    await db()
      .updateTable('audit_event')
      .set({ actor_name: 'someone else', hash: forged })
      .where('seq', '=', n)
      .execute();
    expect(await env.services.audit.verify()).toMatchObject({ ok: false, brokenAtSeq: n + 1 });
    await db()
      .updateTable('audit_event')
      .set({ actor_name: r.actor_name, hash: r.hash })
      .where('seq', '=', n)
      .execute();
    expect((await env.services.audit.verify()).ok).toBe(true);
  });

  it('finds a deleted event: a gap in the middle, a head mismatch at the end', async () => {
    const last = await headSeq();
    const middle = await row(last - 2);
    await db().deleteFrom('audit_event').where('seq', '=', middle.seq).execute();
    expect(await env.services.audit.verify()).toMatchObject({ ok: false, brokenAtSeq: middle.seq + 1 });
    await db()
      .insertInto('audit_event')
      .values({ ...middle, before: json(middle.before), after: json(middle.after) })
      .execute();
    expect((await env.services.audit.verify()).ok).toBe(true);

    const tail = await row(last);
    await db().deleteFrom('audit_event').where('seq', '=', last).execute();
    const check = await env.services.audit.verify();
    expect(check).toMatchObject({ ok: false, brokenAtSeq: last, checked: last - 1 });
    expect(check.reason).toMatch(/head/);
    await db()
      .insertInto('audit_event')
      .values({ ...tail, before: json(tail.before), after: json(tail.after) })
      .execute();
    expect((await env.services.audit.verify()).ok).toBe(true);
  });
});

const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
