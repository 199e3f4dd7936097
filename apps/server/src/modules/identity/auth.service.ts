import { createHash, randomBytes } from 'node:crypto';
import type { Me, OrgUnitKind, Role } from '@pilotage/contracts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import type { AuditService } from '../audit/index.ts';
import { isUnitInScope, orgRepository, scopeAt, toOrgUnit, type Scope } from '../org/index.ts';
import { identityRepository, toUser } from './identity.repository.ts';
import { scopeRootFor } from './identity.scope.ts';
import { accountKey, addressKey } from './login-throttle.rule.ts';
import { recordLoginFailure, reserveLoginAttempt } from './login-attempts.ts';
import { dummyHash, hashPassword, verifyPassword } from './password.ts';
import { assertStrongPassword } from './password.policy.ts';
import { keyStillGranted } from './roles.policy.ts';

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const token = () => randomBytes(32).toString('base64url');

export interface LoginResult {
  sessionToken: string;
  expiresAt: Date;
  me: Me;
}

export class AuthService {
  private nationalRootId: string | undefined;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly config: Pick<Config, 'sessionTtlHours' | 'login'>,
  ) {}

  private async rootId(): Promise<string> {
    if (!this.nationalRootId) this.nationalRootId = (await orgRepository.findRoot(this.db))?.id ?? '';
    return this.nationalRootId;
  }

  /** The actor's scope root and scope value, computed once per request. */
  private async scopeOf(
    unit: { id: string; kind: OrgUnitKind },
    roles: readonly Role[],
  ): Promise<{ scopeRootId: string; scope: Scope }> {
    const national = await this.rootId();
    const scopeRootId = scopeRootFor(unit, roles, national);
    return { scopeRootId, scope: scopeAt(scopeRootId, national) };
  }

  /**
   * Password login. Throttled per account × address and per address (login-throttle.rule.ts): the attempt
   * is counted before the password is checked, atomically, so concurrent guesses cannot all get through.
   * Failures and lockouts are audited. Creates a server-side session.
   */
  async login(input: {
    username: string;
    password: string;
    ip: string;
    userAgent: string | null;
    requestId: string;
  }): Promise<LoginResult> {
    const username = input.username.toLowerCase();
    const { windowMinutes, maxFailuresPerAccount, maxFailuresPerIp } = this.config.login;
    const keys = { account: accountKey(username, input.ip), address: addressKey(input.ip) };
    const now = new Date();
    const reserved = await reserveLoginAttempt(this.db, keys, now, windowMinutes, [
      maxFailuresPerAccount,
      maxFailuresPerIp,
    ]);
    if ('blockedUntil' in reserved) {
      const seconds = Math.max(1, Math.ceil((reserved.blockedUntil.getTime() - Date.now()) / 1000));
      throw new AppError(429, 'too_many_attempts', { minutes: Math.ceil(seconds / 60) }, [], {
        'retry-after': String(seconds),
      });
    }
    const user = await identityRepository.findUserByUsername(this.db, username);
    const ok = user
      ? await verifyPassword(user.password_hash, input.password)
      : await verifyPassword(await dummyHash(), input.password + '!');
    if (!user || !ok || !user.active) {
      await recordLoginFailure(this.db, this.audit, await this.rootId(), {
        userId: user?.id ?? null,
        username,
        ip: input.ip,
        requestId: input.requestId,
        lockedSeconds: reserved.lockedSeconds,
      });
      throw new AppError(401, 'invalid_credentials');
    }
    await identityRepository.settleSuccess(this.db, keys.account, keys.address);
    const sessionToken = token();
    const csrfToken = token();
    const expiresAt = new Date(now.getTime() + this.config.sessionTtlHours * 3_600_000);
    const unit = await orgRepository.findById(this.db, user.org_unit_id);
    if (!unit) throw new AppError(401, 'invalid_credentials');
    const scopeRootId = scopeRootFor({ id: unit.id, kind: unit.kind }, user.roles, await this.rootId());
    const me: Me = {
      user: toUser(user),
      unit: toOrgUnit(unit),
      scopeRootId,
      csrfToken,
      mustChangePassword: user.must_change_password,
    };
    await inTransaction(this.db, async (tx) => {
      await identityRepository.recordAttempt(tx, {
        id: newId(),
        username,
        ip: input.ip,
        succeeded: true,
        at: now,
      });
      await identityRepository.insertSession(tx, {
        id_hash: sha256(sessionToken),
        user_id: user.id,
        csrf_token: csrfToken,
        expires_at: expiresAt,
        last_seen_at: now,
        ip: input.ip,
        user_agent: input.userAgent,
      });
      const ctx = this.contextFor(this.actorFromMe(me, await this.rootId()), input.requestId);
      await this.audit.record(tx, ctx, {
        action: 'auth.login',
        entityType: 'session',
        entityId: user.id,
        after: { ip: input.ip },
      });
    });
    return { sessionToken, expiresAt, me };
  }

  /** Housekeeping job: expired sessions, login attempts older than 30 days, finished throttle counters. */
  async purge(now = new Date()) {
    const windowStart = new Date(now.getTime() - this.config.login.windowMinutes * 60_000);
    return identityRepository.purge(this.db, now, new Date(now.getTime() - 30 * 86_400_000), windowStart);
  }

  private actorFromMe(me: Me, nationalRootId: string): Actor {
    return {
      kind: 'user',
      id: me.user.id,
      userId: me.user.id,
      name: me.user.username,
      unitId: me.user.orgUnitId,
      roles: me.user.roles,
      scopeRootId: me.scopeRootId,
      scope: scopeAt(me.scopeRootId, nationalRootId),
      csrfToken: me.csrfToken,
    };
  }

  private contextFor(actor: Actor, requestId: string): RequestContext {
    return { actor, lang: 'vi', requestId };
  }

  /** Resolves a session cookie to an actor; expired or unknown sessions resolve to null. Sliding expiry. */
  async fromSession(sessionToken: string): Promise<Actor | null> {
    const idHash = sha256(sessionToken);
    const s = await identityRepository.findSession(this.db, idHash);
    const now = new Date();
    if (!s || !s.active || s.expires_at <= now) return null;
    if (now.getTime() - s.last_seen_at.getTime() > 60_000) {
      await identityRepository.touchSession(
        this.db,
        idHash,
        now,
        new Date(now.getTime() + this.config.sessionTtlHours * 3_600_000),
      );
    }
    const roles = s.roles;
    return {
      kind: 'user',
      id: s.user_id,
      userId: s.user_id,
      name: s.username,
      unitId: s.org_unit_id,
      roles,
      ...(await this.scopeOf({ id: s.org_unit_id, kind: s.unit_kind }, roles)),
      csrfToken: s.csrf_token,
      mustChangePassword: s.must_change_password,
    };
  }

  /**
   * Resolves `Authorization: Bearer plk_…` to the key's unit, with the key's roles, while the key lives: not
   * revoked, not expired, and its maker still active and still able to grant it (roles.policy.ts).
   */
  async fromApiKey(secret: string): Promise<Actor | null> {
    const key = await identityRepository.findApiKeyByHash(this.db, sha256(secret));
    const now = new Date();
    if (!key || key.expires_at <= now) return null;
    const roles = key.roles;
    if (key.created_by) {
      const creator = await identityRepository.findUserById(this.db, key.created_by);
      const creatorUnit = creator && (await orgRepository.findById(this.db, creator.org_unit_id));
      if (!creator || !creatorUnit) return null;
      const creatorRoles = creator.roles;
      const { scope } = await this.scopeOf({ id: creatorUnit.id, kind: creatorUnit.kind }, creatorRoles);
      const reaches = await isUnitInScope(this.db, scope, key.org_unit_id);
      const principal = {
        id: creator.id,
        unitId: creator.org_unit_id,
        roles: creatorRoles,
        active: creator.active,
      };
      if (!keyStillGranted(principal, { unitId: key.org_unit_id, roles }, reaches)) return null;
    }
    if (!key.last_used_at || now.getTime() - key.last_used_at.getTime() > 60_000)
      await identityRepository.touchApiKey(this.db, key.id, now);
    return {
      kind: 'api_key',
      id: key.id,
      userId: null,
      name: `api-key:${key.prefix}`,
      unitId: key.org_unit_id,
      roles,
      ...(await this.scopeOf({ id: key.org_unit_id, kind: key.unit_kind }, roles)),
      csrfToken: null,
    };
  }

  async logout(ctx: RequestContext, sessionToken: string | undefined): Promise<void> {
    if (!sessionToken) return;
    await inTransaction(this.db, async (tx) => {
      await identityRepository.deleteSession(tx, sha256(sessionToken));
      await this.audit.record(tx, ctx, {
        action: 'auth.logout',
        entityType: 'session',
        entityId: ctx.actor.userId,
      });
    });
  }

  async me(ctx: RequestContext): Promise<Me> {
    if (!ctx.actor.userId) throw new AppError(403, 'forbidden');
    const user = await identityRepository.findUserById(this.db, ctx.actor.userId);
    const unit = user ? await orgRepository.findById(this.db, user.org_unit_id) : undefined;
    if (!user || !unit) throw new AppError(401, 'unauthenticated');
    return {
      user: toUser(user),
      unit: toOrgUnit(unit),
      scopeRootId: ctx.actor.scopeRootId,
      csrfToken: ctx.actor.csrfToken,
      mustChangePassword: user.must_change_password,
    };
  }

  /** The signed-in user changes their own password (current one required); other sessions end. */
  async changePassword(
    ctx: RequestContext,
    body: { currentPassword: string; newPassword: string },
    currentSessionToken: string | undefined,
  ): Promise<void> {
    const userId = ctx.actor.userId;
    if (!userId) throw new AppError(403, 'forbidden');
    const user = await identityRepository.findUserById(this.db, userId);
    if (!user) throw new AppError(401, 'unauthenticated');
    if (!(await verifyPassword(user.password_hash, body.currentPassword)))
      throw new AppError(400, 'validation_failed', {}, [
        { path: 'currentPassword', key: 'wrong_current_password' },
      ]);
    assertStrongPassword(body.newPassword, [user.username, user.display_name], 'newPassword');
    if (body.newPassword === body.currentPassword)
      throw new AppError(400, 'validation_failed', {}, [{ path: 'newPassword', key: 'password_unchanged' }]);
    const passwordHash = await hashPassword(body.newPassword);
    await inTransaction(this.db, async (tx) => {
      const now = new Date();
      await identityRepository.setPassword(tx, userId, passwordHash, false, now);
      await identityRepository.deleteUserSessions(
        tx,
        userId,
        currentSessionToken ? sha256(currentSessionToken) : undefined,
      );
      await this.audit.record(tx, ctx, {
        action: 'auth.password_change',
        entityType: 'user',
        entityId: userId,
        after: { at: now.toISOString() },
      });
    });
  }
}
