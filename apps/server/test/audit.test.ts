import type { AuditEvent } from '@pilotage/contracts';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { inTransaction } from '../src/db/transaction.ts';
import { systemContext } from '../src/http/context.ts';
import type { MemoryCheckpointLog } from '../src/modules/audit/audit.anchor.ts';
import { chainHash, contentHash, linkHash } from '../src/modules/audit/audit.chain.ts';
import { contentFieldsOf, verifyChain } from '../src/modules/audit/audit.verify.ts';
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
    expect(update!.id > create!.id).toBe(true);
  });

  it('api_key.create and api_key.revoke, and acts of the key are attributed to the key', async () => {
    const commune = await unitByCode(env, '00004');
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
    const s = await signedIn(env, '00004', ['officer']);
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

  it('failed requests leave no event, except failed logins (one auth.login_failed each)', async () => {
    const before = await eventCount();
    const body = newUser(adminUser.org_unit_id);
    await admin.post('/api/users', body);
    const after = await eventCount();
    expect((await admin.post('/api/users', body)).statusCode).toBe(409);
    expect((await admin.patch(`/api/users/${adminUser.id}`, { roles: ['king'] })).statusCode).toBe(400);
    expect(after).toBe(before + 1);
    expect(await eventCount()).toBe(after);
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: body.username, password: 'wrong-password' },
    });
    expect(res.statusCode).toBe(401);
    expect(await eventCount()).toBe(after + 1);
    const [failed] = (await admin.get('/api/audit?action=auth.login_failed&limit=1')).json().items;
    expect(failed).toMatchObject({ entityType: 'user', after: { username: body.username, knownUser: true } });
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
        action: 'job.reminders',
        entityType: 'job_run',
        entityId: 'redact-r1',
        after: {
          password: 'p',
          passwordHash: 'h',
          csrfToken: 't',
          nested: { apiSecret: 's', list: [{ token: 'x', keep: 1 }] },
          name: 'kept',
        },
      }),
    );
    const [event] = (await admin.get('/api/audit?entityId=redact-r1')).json().items;
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
    const seqs = all.items.map((e: AuditEvent) => e.id);
    expect(seqs).toEqual([...seqs].sort().reverse());
    const p1 = (await admin.get('/api/audit?action=user.create&limit=2&offset=0')).json();
    const p2 = (await admin.get('/api/audit?action=user.create&limit=2&offset=2')).json();
    expect(p1.total).toBe(all.total);
    expect(p1.items.map((e: AuditEvent) => e.id)).toEqual(seqs.slice(0, 2));
    expect(p2.items.map((e: AuditEvent) => e.id)).toEqual(seqs.slice(2, 4));
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
  it('passes on an honest chain, every event sealed', async () => {
    await env.services.audit.seal();
    const check = await env.services.audit.verify();
    expect(check).toMatchObject({ ok: true, checked: await eventCount(), pending: 0, brokenAtSeq: null });
    expect(check.checked).toBeGreaterThan(5);
    expect(check.checkpoints).toBeGreaterThan(0);
  });

  it('checks pending events by their own hash before they are sealed', async () => {
    await admin.post('/api/users', newUser(adminUser.org_unit_id));
    const check = await env.services.audit.verify();
    expect(check).toMatchObject({ ok: true });
    expect(check.pending).toBeGreaterThan(0);
    const [pending] = await db().selectFrom('audit_pending').select('event_id').execute();
    await sql`update audit_event set actor_name = 'someone else' where id = ${pending!.event_id}`.execute(
      db(),
    );
    expect(await env.services.audit.verify()).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/pending/),
    });
    await db().deleteFrom('audit_pending').where('event_id', '=', pending!.event_id).execute();
    expect(await env.services.audit.verify()).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/neither/),
    });
  });
});

describe('audit writes do not wait on each other (no chain-head lock on the write path)', () => {
  it('a mutation records while another transaction holds the chain head', async () => {
    if (env.database.kind === 'pglite') return; // one connection: no second transaction to hold a lock
    await inTransaction(db(), async (sealer) => {
      await sql`select seq from audit_chain_head where id = 1 for update`.execute(sealer);
      const res = await Promise.race([
        admin.post('/api/users', newUser(adminUser.org_unit_id)),
        new Promise<'blocked'>((r) => setTimeout(() => r('blocked'), 3000)),
      ]);
      expect(res).not.toBe('blocked');
      expect((res as LightMyRequestResponse).statusCode).toBe(201);
    });
  });
});

describe('tampering that recomputes the chain is caught by the signed checkpoints', () => {
  const link = async (d: TestEnv['database']['db'], seq: number) =>
    d
      .selectFrom('audit_seal')
      .innerJoin('audit_event', 'audit_event.id', 'audit_seal.event_id')
      .selectAll('audit_event')
      .select(['audit_seal.seq', 'audit_seal.prev_hash', 'audit_seal.hash'])
      .where('audit_seal.seq', '=', seq)
      .executeTakeFirstOrThrow();

  /** What an attacker with full database access does: rewrites one event, then every later link and the head. */
  async function rewriteFrom(d: TestEnv['database']['db'], n: number, actorName: string) {
    const head = Number((await d.selectFrom('audit_chain_head').select('seq').executeTakeFirstOrThrow()).seq);
    let prev = (await link(d, n)).prev_hash;
    for (let seq = n; seq <= head; seq++) {
      const r = await link(d, seq);
      if (seq === n) {
        await d.updateTable('audit_event').set({ actor_name: actorName }).where('id', '=', r.id).execute();
        r.actor_name = actorName;
      }
      const fields = contentFieldsOf(r);
      const content = r.content_hash === null ? null : contentHash(fields);
      const hash = content === null ? chainHash(prev, { ...fields, seq }) : linkHash(prev, seq, content);
      if (content)
        await d.updateTable('audit_event').set({ content_hash: content }).where('id', '=', r.id).execute();
      await d.updateTable('audit_seal').set({ prev_hash: prev, hash }).where('seq', '=', seq).execute();
      prev = hash;
    }
    await d.updateTable('audit_chain_head').set({ hash: prev }).where('id', '=', 1).execute();
  }

  it('editing an event and recomputing every later hash fails verification', async () => {
    const t = await createTestEnv();
    try {
      const s = await signedIn(t, 'VN', ['admin']);
      for (let i = 0; i < 3; i++) await s.client.post('/api/users', newUser(s.user.org_unit_id));
      await t.services.audit.seal();
      expect((await t.services.audit.verify()).ok).toBe(true);
      const head = Number(
        (await t.database.db.selectFrom('audit_chain_head').select('seq').executeTakeFirstOrThrow()).seq,
      );
      await rewriteFrom(t.database.db, head - 1, 'someone else');
      // the hash chain alone (all that verify checked before) is consistent again…
      expect((await verifyChain(t.database.db, null)).ok).toBe(true);
      // …but the chain no longer matches what was signed
      const check = await t.services.audit.verify();
      expect(check).toMatchObject({ ok: false, brokenAtSeq: head });
      expect(check.reason).toMatch(/checkpoint/);
    } finally {
      await t.close();
    }
  });

  it('deleting the newest events and moving the head back fails verification', async () => {
    const t = await createTestEnv();
    try {
      const s = await signedIn(t, 'VN', ['admin']);
      for (let i = 0; i < 3; i++) await s.client.post('/api/users', newUser(s.user.org_unit_id));
      await t.services.audit.seal();
      const tdb = t.database.db;
      const head = Number(
        (await tdb.selectFrom('audit_chain_head').select('seq').executeTakeFirstOrThrow()).seq,
      );
      const keep = head - 2;
      const kept = await tdb
        .selectFrom('audit_seal')
        .select('hash')
        .where('seq', '=', keep)
        .executeTakeFirstOrThrow();
      const gone = await tdb.selectFrom('audit_seal').select('event_id').where('seq', '>', keep).execute();
      await tdb.deleteFrom('audit_seal').where('seq', '>', keep).execute();
      await tdb
        .deleteFrom('audit_event')
        .where(
          'id',
          'in',
          gone.map((g) => g.event_id),
        )
        .execute();
      await tdb
        .updateTable('audit_chain_head')
        .set({ seq: keep, hash: kept.hash })
        .where('id', '=', 1)
        .execute();
      expect((await verifyChain(tdb, null)).ok).toBe(true); // what verify saw before: a shorter, intact chain
      const check = await t.services.audit.verify();
      expect(check.ok).toBe(false);
      expect(check.reason).toMatch(/checkpoint covers seq/);
    } finally {
      await t.close();
    }
  });

  it('a forged checkpoint (not signed by the key) fails verification', async () => {
    const anchor = env.services.audit.anchor!;
    const log = anchor.log as MemoryCheckpointLog;
    const last = log.entries.at(-1)!;
    log.entries.push({ ...last, seq: last.seq + 1000 });
    try {
      expect(await env.services.audit.verify()).toMatchObject({
        ok: false,
        reason: expect.stringMatching(/signature/),
      });
    } finally {
      log.entries.pop();
    }
  });
});
