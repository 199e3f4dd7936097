import { foldForSearch, type User } from '@pilotage/contracts';
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { ApiKeyTable, AppUserTable } from '../../db/schema.ts';
import type { Executor } from '../../db/transaction.ts';
import { likeEscape, unitUnder } from '../org/index.ts';

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
    f: {
      scopeRootId: string;
      q?: string | undefined;
      orgUnitId?: string | undefined;
      limit: number;
      offset: number;
    },
  ) {
    let q = db.selectFrom('app_user').where(unitUnder(f.scopeRootId, 'org_unit_id'));
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
  deleteUserSessions: (db: Executor, userId: string) =>
    db.deleteFrom('session').where('user_id', '=', userId).execute(),

  // login throttling
  recordAttempt: (
    db: Executor,
    row: { id: string; username: string; ip: string; succeeded: boolean; at: Date },
  ) => db.insertInto('login_attempt').values(row).execute(),
  async recentFailures(db: Executor, since: Date, username: string, ip: string) {
    const row = await db
      .selectFrom('login_attempt')
      .select((eb) => [
        eb.fn.countAll<number>().filterWhere('username', '=', username).as('by_account'),
        eb.fn.countAll<number>().filterWhere('ip', '=', ip).as('by_ip'),
      ])
      .where('succeeded', '=', false)
      .where('at', '>=', since)
      .where((eb) => eb.or([eb('username', '=', username), eb('ip', '=', ip)]))
      .executeTakeFirstOrThrow();
    return { byAccount: Number(row.by_account), byIp: Number(row.by_ip) };
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
  findApiKey: (db: Executor, id: string) =>
    db.selectFrom('api_key').selectAll().where('id', '=', id).executeTakeFirst(),
  revokeApiKey: (db: Executor, id: string, at: Date) =>
    db
      .updateTable('api_key')
      .set({ revoked_at: at })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow(),
  async listApiKeys(db: Executor, scopeRootId: string, limit: number, offset: number) {
    const q = db.selectFrom('api_key').where(unitUnder(scopeRootId, 'org_unit_id'));
    const [items, count] = await Promise.all([
      q.selectAll().orderBy('created_at', 'desc').limit(limit).offset(offset).execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  },
};
