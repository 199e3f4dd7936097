import { createHash, randomBytes } from 'node:crypto';
import type { Me, OrgUnitKind, Role } from '@pilotage/contracts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import type { AuditService } from '../audit/index.ts';
import { orgRepository, toOrgUnit, scopeAt, type Scope } from '../org/index.ts';
import { identityRepository, toUser } from './identity.repository.ts';
import { scopeRootFor } from './identity.scope.ts';
import { dummyHash, verifyPassword } from './password.ts';

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

  /** Password login with throttling per account and per IP; creates a server-side session. */
  async login(input: {
    username: string;
    password: string;
    ip: string;
    userAgent: string | null;
    requestId: string;
  }): Promise<LoginResult> {
    const username = input.username.toLowerCase();
    const { windowMinutes, maxFailuresPerAccount, maxFailuresPerIp } = this.config.login;
    const since = new Date(Date.now() - windowMinutes * 60_000);
    const failures = await identityRepository.recentFailures(this.db, since, username, input.ip);
    if (failures.byAccount >= maxFailuresPerAccount || failures.byIp >= maxFailuresPerIp) {
      throw new AppError(429, 'too_many_attempts', { minutes: windowMinutes }, [], {
        'retry-after': String(windowMinutes * 60),
      });
    }
    const user = await identityRepository.findUserByUsername(this.db, username);
    const ok = user
      ? await verifyPassword(user.password_hash, input.password)
      : await verifyPassword(await dummyHash(), input.password + '!');
    if (!user || !ok || !user.active) {
      await identityRepository.recordAttempt(this.db, {
        id: newId(),
        username,
        ip: input.ip,
        succeeded: false,
        at: new Date(),
      });
      throw new AppError(401, 'invalid_credentials');
    }
    const sessionToken = token();
    const csrfToken = token();
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.config.sessionTtlHours * 3_600_000);
    const unit = await orgRepository.findById(this.db, user.org_unit_id);
    if (!unit) throw new AppError(401, 'invalid_credentials');
    const scopeRootId = scopeRootFor({ id: unit.id, kind: unit.kind }, user.roles, await this.rootId());
    const me: Me = { user: toUser(user), unit: toOrgUnit(unit), scopeRootId, csrfToken };
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
    };
  }

  /** Resolves `Authorization: Bearer plk_…` to the key's unit, with the key's roles. */
  async fromApiKey(secret: string): Promise<Actor | null> {
    const key = await identityRepository.findApiKeyByHash(this.db, sha256(secret));
    if (!key) return null;
    const roles = key.roles;
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
    };
  }
}
