import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { CreateApiKeyBody, CreateUserBody, Role, UpdateUserBody, User } from '@pilotage/contracts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction, type Executor } from '../../db/transaction.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { AppError, conflict, forbidden, notFound } from '../../http/errors.ts';
import type { AuditService } from '../audit/index.ts';
import { canSeeUnit, orgRepository } from '../org/index.ts';
import { sha256 } from './auth.service.ts';
import { identityRepository, toApiKey, toUser, userSearchKey } from './identity.repository.ts';
import { assertCanListUsers } from './identity.policy.ts';
import { hashPassword } from './password.ts';
import { assertStrongPassword } from './password.policy.ts';
import {
  checkCreate,
  checkPasswordReset,
  checkRevokeKey,
  checkUpdate,
  canManagePeople,
  isAdmin,
  type Denial,
  type Principal,
} from './roles.policy.ts';

const principal = (a: Actor): Principal => ({ id: a.userId, unitId: a.unitId, roles: a.roles });
const userPrincipal = (u: { id: string; org_unit_id: string; roles: string[] }): Principal => ({
  id: u.id,
  unitId: u.org_unit_id,
  roles: u.roles as Role[],
});

/** A role rule's denial as an HTTP error (the field it is about, when there is one). */
function deny(denial: Denial | null, path: string): void {
  if (!denial) return;
  if (denial === 'forbidden') throw forbidden();
  throw new AppError(403, denial, {}, [{ path, key: denial }]);
}

export class UsersService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly config: Pick<Config, 'apiKeyMaxDays'>,
  ) {}

  private async assertUnitInScope(tx: Executor, ctx: RequestContext, unitId: string, path = 'orgUnitId') {
    const unit = await orgRepository.findById(tx, unitId);
    if (!unit) throw new AppError(400, 'validation_failed', {}, [{ path, key: 'unit_not_found' }]);
    if (!(await canSeeUnit(tx, ctx.actor, unitId)))
      throw new AppError(403, 'unit_out_of_scope', {}, [{ path, key: 'unit_out_of_scope' }]);
  }

  async list(
    ctx: RequestContext,
    query: { q?: string | undefined; orgUnitId?: string | undefined; limit: number; offset: number },
  ) {
    assertCanListUsers(ctx.actor);
    const { items, total } = await identityRepository.listUsers(this.db, ctx.actor.scope, query);
    return { items: items.map(toUser), total };
  }

  /** A user outside the caller's scope is reported as not found. */
  async get(ctx: RequestContext, id: string): Promise<User> {
    const row = await identityRepository.findUserById(this.db, id);
    const self = ctx.actor.userId === id;
    if (!row || (!self && !(await canSeeUnit(this.db, ctx.actor, row.org_unit_id)))) throw notFound();
    if (!self) assertCanListUsers(ctx.actor);
    return toUser(row);
  }

  async create(ctx: RequestContext, body: z.infer<typeof CreateUserBody>): Promise<User> {
    const username = body.username.toLowerCase();
    assertStrongPassword(body.password, [username, body.displayName]);
    const passwordHash = await hashPassword(body.password);
    return inTransaction(this.db, async (tx) => {
      deny(checkCreate(principal(ctx.actor), body.orgUnitId, body.roles), 'roles');
      await this.assertUnitInScope(tx, ctx, body.orgUnitId);
      if (await identityRepository.findUserByUsername(tx, username)) {
        throw new AppError(409, 'username_taken', {}, [{ path: 'username', key: 'username_taken' }]);
      }
      const row = await identityRepository
        .insertUser(tx, {
          id: newId(),
          username,
          display_name: body.displayName,
          email: body.email ?? null,
          org_unit_id: body.orgUnitId,
          roles: [...new Set(body.roles)],
          password_hash: passwordHash,
          active: true,
          search_key: userSearchKey(username, body.displayName),
          updated_at: new Date(),
        })
        .catch((error: unknown) => {
          // another request created the same username between the check above and this insert
          if (isUniqueViolation(error))
            throw new AppError(409, 'username_taken', {}, [{ path: 'username', key: 'username_taken' }]);
          throw error;
        });
      const user = toUser(row);
      await this.audit.record(tx, ctx, {
        action: 'user.create',
        entityType: 'user',
        entityId: user.id,
        after: user,
      });
      return user;
    });
  }

  async update(ctx: RequestContext, id: string, body: z.infer<typeof UpdateUserBody>): Promise<User> {
    if (!canManagePeople(principal(ctx.actor))) throw forbidden();
    return inTransaction(this.db, async (tx) => {
      const before = await identityRepository.findUserById(tx, id);
      if (!before || !(await canSeeUnit(tx, ctx.actor, before.org_unit_id))) throw notFound();
      const newRoles = body.roles;
      deny(
        checkUpdate(principal(ctx.actor), userPrincipal(before), {
          newRoles,
          deactivates: body.active === false,
        }),
        body.roles ? 'roles' : 'active',
      );
      const displayName = body.displayName ?? before.display_name;
      const row = await identityRepository.updateUser(tx, id, {
        display_name: displayName,
        email: body.email === undefined ? before.email : body.email,
        roles: body.roles ? [...new Set(body.roles)] : before.roles,
        active: body.active ?? before.active,
        search_key: userSearchKey(before.username, displayName),
        updated_at: new Date(),
      });
      if (body.active === false || body.roles) await identityRepository.deleteUserSessions(tx, id);
      const after = toUser(row);
      await this.audit.record(tx, ctx, {
        action: 'user.update',
        entityType: 'user',
        entityId: id,
        before: toUser(before),
        after,
      });
      return after;
    });
  }

  /** An admin sets a temporary password: the user's sessions end and a change is forced at next login. */
  async resetPassword(ctx: RequestContext, id: string, temporaryPassword: string): Promise<User> {
    if (!isAdmin(ctx.actor)) throw forbidden();
    const passwordHash = await hashPassword(temporaryPassword);
    return inTransaction(this.db, async (tx) => {
      const target = await identityRepository.findUserById(tx, id);
      if (!target || !(await canSeeUnit(tx, ctx.actor, target.org_unit_id))) throw notFound();
      deny(checkPasswordReset(principal(ctx.actor), userPrincipal(target)), 'id');
      assertStrongPassword(temporaryPassword, [target.username, target.display_name], 'temporaryPassword');
      const row = await identityRepository.setPassword(tx, id, passwordHash, true, new Date());
      await identityRepository.deleteUserSessions(tx, id);
      const user = toUser(row);
      await this.audit.record(tx, ctx, {
        action: 'auth.password_reset',
        entityType: 'user',
        entityId: id,
        after: { mustChangePassword: true },
      });
      return user;
    });
  }

  async listApiKeys(ctx: RequestContext, page: { limit: number; offset: number }) {
    if (!canManagePeople(principal(ctx.actor))) throw forbidden();
    const { items, total } = await identityRepository.listApiKeys(
      this.db,
      ctx.actor.scope,
      page.limit,
      page.offset,
    );
    return { items: items.map(toApiKey), total };
  }

  /** The secret is returned once; only its SHA-256 is stored (it has 256 bits of entropy, no stretching needed). */
  async createApiKey(ctx: RequestContext, body: z.infer<typeof CreateApiKeyBody>) {
    const prefix = randomBytes(4).toString('hex');
    const secret = `plk_${prefix}_${randomBytes(32).toString('base64url')}`;
    const days = Math.min(body.expiresInDays ?? this.config.apiKeyMaxDays, this.config.apiKeyMaxDays);
    return inTransaction(this.db, async (tx) => {
      // a key acts as its unit with its roles: the same rule as creating a person there
      deny(checkCreate(principal(ctx.actor), body.orgUnitId, body.roles), 'roles');
      await this.assertUnitInScope(tx, ctx, body.orgUnitId);
      const row = await identityRepository.insertApiKey(tx, {
        id: newId(),
        org_unit_id: body.orgUnitId,
        name: body.name,
        prefix,
        secret_hash: sha256(secret),
        roles: [...new Set(body.roles)],
        created_by: ctx.actor.userId,
        expires_at: new Date(Date.now() + days * 86_400_000),
      });
      const key = toApiKey(row);
      await this.audit.record(tx, ctx, {
        action: 'api_key.create',
        entityType: 'api_key',
        entityId: key.id,
        after: key,
      });
      return { ...key, secret };
    });
  }

  async revokeApiKey(ctx: RequestContext, id: string) {
    if (!canManagePeople(principal(ctx.actor))) throw forbidden();
    return inTransaction(this.db, async (tx) => {
      const before = await identityRepository.findApiKey(tx, id);
      if (!before || !(await canSeeUnit(tx, ctx.actor, before.org_unit_id))) throw notFound();
      deny(
        checkRevokeKey(principal(ctx.actor), {
          unitId: before.org_unit_id,
          roles: before.roles,
        }),
        'id',
      );
      if (before.revoked_at) throw conflict();
      const key = toApiKey(await identityRepository.revokeApiKey(tx, id, new Date()));
      await this.audit.record(tx, ctx, {
        action: 'api_key.revoke',
        entityType: 'api_key',
        entityId: id,
        before: toApiKey(before),
        after: key,
      });
      return key;
    });
  }
}
