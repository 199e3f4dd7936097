import { foldForSearch, type User } from '@pilotage/contracts';
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { ApiKeyTable, AppUserTable } from '../../db/schema.ts';
import { sql } from 'kysely';
import type { Executor, Tx } from '../../db/transaction.ts';
import { likeEscape, unitInScope, type Scope } from '../org/index.ts';

export type UserRow = Selectable<AppUserTable>;
export type ApiKeyRow = Selectable<ApiKeyTable>;

export const toUser = (r: UserRow): User => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  email: r.email,
  orgUnitId: r.org_unit_id,
  roles: r.roles,
  active: r.active,
  createdAt: r.created_at.toISOString(),
});

export const toApiKey = (r: ApiKeyRow) => ({
  id: r.id,
  orgUnitId: r.org_unit_id,
  name: r.name,
  prefix: r.prefix,
  roles: r.roles,
  createdAt: r.created_at.toISOString(),
  revokedAt: r.revoked_at ? r.revoked_at.toISOString() : null,
  expiresAt: r.expires_at.toISOString(),
  lastUsedAt: r.last_used_at ? r.last_used_at.toISOString() : null,
});

export const userSearchKey = (username: string, displayName: string) =>
  foldForSearch(`${username} ${displayName}`);

export const identityRepository = {
  findUserByUsername: (db: Executor, username: string) =>
    db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst(),
  findUserById: (db: Executor, id: string) =>
    db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst(),

  async insertUser(db: Executor, row: Insertable<AppUserTable>) {
    return db.insertInto('app_user').values(row).returningAll().executeTakeFirstOrThrow();
  },
  async updateUser(db: Executor, id: string, patch: Updateable<AppUserTable>) {
    return db
      .updateTable('app_user')
      .set(patch)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async listUsers(
    db: Executor,
    scope: Scope,
    f: {
      q?: string | undefined;
      orgUnitId?: string | undefined;
      limit: number;
      offset: number;
    },
  ) {
    let q = db.selectFrom('app_user').where(unitInScope(scope, 'app_user.org_unit_id'));
    if (f.orgUnitId) q = q.where('org_unit_id', '=', f.orgUnitId);
    if (f.q)
      for (const w of foldForSearch(f.q).split(' ').filter(Boolean))
        q = q.where('search_key', 'like', `%${likeEscape(w)}%`);
    const [items, count] = await Promise.all([
      q.selectAll().orderBy('username').limit(f.limit).offset(f.offset).execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  },

  // sessions
  insertSession: (
    db: Executor,
    row: {
      id_hash: string;
      user_id: string;
      csrf_token: string;
      expires_at: Date;
      last_seen_at: Date;
      ip: string | null;
      user_agent: string | null;
    },
  ) => db.insertInto('session').values(row).execute(),
  findSession: (db: Executor, idHash: string) =>
    db
      .selectFrom('session')
      .innerJoin('app_user', 'app_user.id', 'session.user_id')
      .innerJoin('org_unit', 'org_unit.id', 'app_user.org_unit_id')
      .select([
        'session.id_hash',
        'session.csrf_token',
        'session.expires_at',
        'session.last_seen_at',
        'app_user.id as user_id',
        'app_user.username',
        'app_user.display_name',
        'app_user.roles',
        'app_user.active',
        'app_user.must_change_password',
        'app_user.org_unit_id',
        'org_unit.kind as unit_kind',
      ])
      .where('session.id_hash', '=', idHash)
      .executeTakeFirst(),
  touchSession: (db: Executor, idHash: string, lastSeen: Date, expiresAt: Date) =>
    db
      .updateTable('session')
      .set({ last_seen_at: lastSeen, expires_at: expiresAt })
      .where('id_hash', '=', idHash)
      .execute(),
  deleteSession: (db: Executor, idHash: string) =>
    db.deleteFrom('session').where('id_hash', '=', idHash).execute(),
  /** Ends a user's sessions (all of them, or all but `keepIdHash`). */
  deleteUserSessions: (db: Executor, userId: string, keepIdHash?: string) => {
    let q = db.deleteFrom('session').where('user_id', '=', userId);
    if (keepIdHash) q = q.where('id_hash', '<>', keepIdHash);
    return q.execute();
  },
  setPassword: (db: Executor, userId: string, passwordHash: string, mustChange: boolean, at: Date) =>
    db
      .updateTable('app_user')
      .set({
        password_hash: passwordHash,
        must_change_password: mustChange,
        password_changed_at: at,
        updated_at: at,
      })
      .where('id', '=', userId)
      .returningAll()
      .executeTakeFirstOrThrow(),

  // login throttling
  recordAttempt: (
    db: Executor,
    row: { id: string; username: string; ip: string; succeeded: boolean; at: Date },
  ) => db.insertInto('login_attempt').values(row).execute(),
  /**
   * Counts this attempt as a failure up front, atomically: the upsert holds the counter row's lock until the
   * transaction ends, so concurrent attempts on the same key queue and each sees the others' counts. No row
   * when the key is waiting out a delay.
   */
  async reserveAttempt(tx: Tx, key: string, now: Date, windowStart: Date): Promise<number | undefined> {
    const row = await tx
      .insertInto('login_throttle')
      .values({ key, failures: 1, window_start: now, blocked_until: null })
      .onConflict((oc) =>
        oc
          .column('key')
          .doUpdateSet({
            failures: sql<number>`case when login_throttle.window_start < ${windowStart} then 1 else login_throttle.failures + 1 end`,
            window_start: sql<Date>`case when login_throttle.window_start < ${windowStart} then ${now} else login_throttle.window_start end`,
            blocked_until: null,
          })
          .where((eb) =>
            eb.or([
              eb('login_throttle.blocked_until', 'is', null),
              eb('login_throttle.blocked_until', '<=', now),
            ]),
          ),
      )
      .returning('failures')
      .executeTakeFirst();
    return row?.failures;
  },
  blockUntil: (tx: Tx, key: string, until: Date) =>
    tx.updateTable('login_throttle').set({ blocked_until: until }).where('key', '=', key).execute(),
  async blockedUntil(db: Executor, key: string): Promise<Date | null> {
    const row = await db
      .selectFrom('login_throttle')
      .select('blocked_until')
      .where('key', '=', key)
      .executeTakeFirst();
    return row?.blocked_until ?? null;
  },
  /** A success: the account × address starts afresh; the address gets back the attempt counted up front. */
  async settleSuccess(db: Executor, accountKey: string, addressKey: string) {
    await db.deleteFrom('login_throttle').where('key', '=', accountKey).execute();
    await db
      .updateTable('login_throttle')
      .set({ failures: sql<number>`greatest(failures - 1, 0)` })
      .where('key', '=', addressKey)
      .execute();
  },
  /** Housekeeping: expired sessions, old login attempts, counters whose window and delay are over. */
  async purge(db: Executor, now: Date, attemptsBefore: Date, countersBefore: Date) {
    const sessions = await db.deleteFrom('session').where('expires_at', '<=', now).executeTakeFirst();
    const attempts = await db.deleteFrom('login_attempt').where('at', '<', attemptsBefore).executeTakeFirst();
    const counters = await db
      .deleteFrom('login_throttle')
      .where('window_start', '<', countersBefore)
      .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<=', now)]))
      .executeTakeFirst();
    return {
      sessions: Number(sessions.numDeletedRows),
      loginAttempts: Number(attempts.numDeletedRows),
      throttleCounters: Number(counters.numDeletedRows),
    };
  },

  // API keys
  insertApiKey: (db: Executor, row: Insertable<ApiKeyTable>) =>
    db.insertInto('api_key').values(row).returningAll().executeTakeFirstOrThrow(),
  findApiKeyByHash: (db: Executor, secretHash: string) =>
    db
      .selectFrom('api_key')
      .innerJoin('org_unit', 'org_unit.id', 'api_key.org_unit_id')
      .selectAll('api_key')
      .select('org_unit.kind as unit_kind')
      .where('secret_hash', '=', secretHash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst(),
  touchApiKey: (db: Executor, id: string, at: Date) =>
    db.updateTable('api_key').set({ last_used_at: at }).where('id', '=', id).execute(),
  findApiKey: (db: Executor, id: string) =>
    db.selectFrom('api_key').selectAll().where('id', '=', id).executeTakeFirst(),
  revokeApiKey: (db: Executor, id: string, at: Date) =>
    db
      .updateTable('api_key')
      .set({ revoked_at: at })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow(),
  async listApiKeys(db: Executor, scope: Scope, limit: number, offset: number) {
    const q = db.selectFrom('api_key').where(unitInScope(scope, 'api_key.org_unit_id'));
    const [items, count] = await Promise.all([
      q.selectAll().orderBy('created_at', 'desc').limit(limit).offset(offset).execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  },
};
