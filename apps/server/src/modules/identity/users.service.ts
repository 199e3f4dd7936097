import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { CreateApiKeyBody, CreateUserBody, UpdateUserBody, User } from '@pilotage/contracts';
import type { Db } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError, conflict, notFound } from '../../http/errors.ts';
import type { AuditService } from '../audit/index.ts';
import { canSeeUnit, orgRepository } from '../org/index.ts';
import { sha256 } from './auth.service.ts';
import { identityRepository, toApiKey, toUser, userSearchKey } from './identity.repository.ts';
import {
  assertCanChangeUser,
  assertCanGrant,
  assertCanListUsers,
  assertCanManageUsers,
} from './identity.policy.ts';
import { hashPassword } from './password.ts';

export class UsersService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
  ) {}

  private async assertUnitInScope(ctx: RequestContext, unitId: string, path = 'orgUnitId') {
    const unit = await orgRepository.findById(this.db, unitId);
    if (!unit) throw new AppError(400, 'validation_failed', {}, [{ path, key: 'unit_not_found' }]);
    if (!(await canSeeUnit(this.db, ctx.actor, unitId)))
      throw new AppError(403, 'unit_out_of_scope', {}, [{ path, key: 'unit_out_of_scope' }]);
  }

  async list(
    ctx: RequestContext,
    query: { q?: string | undefined; orgUnitId?: string | undefined; limit: number; offset: number },
  ) {
    assertCanListUsers(ctx.actor);
    const { items, total } = await identityRepository.listUsers(this.db, {
      ...query,
      scopeRootId: ctx.actor.scopeRootId,
    });
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
    assertCanManageUsers(ctx.actor);
    assertCanGrant(ctx.actor, body.roles);
    await this.assertUnitInScope(ctx, body.orgUnitId);
    const username = body.username.toLowerCase();
    if (await identityRepository.findUserByUsername(this.db, username)) {
      throw new AppError(409, 'username_taken', {}, [{ path: 'username', key: 'username_taken' }]);
    }
    const passwordHash = await hashPassword(body.password);
    return inTransaction(this.db, async (tx) => {
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
    assertCanManageUsers(ctx.actor);
    if (body.roles) assertCanGrant(ctx.actor, body.roles);
    return inTransaction(this.db, async (tx) => {
      const before = await identityRepository.findUserById(tx, id);
      if (!before || !(await canSeeUnit(tx, ctx.actor, before.org_unit_id))) throw notFound();
      assertCanChangeUser(ctx.actor, before.roles);
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

  async listApiKeys(ctx: RequestContext, page: { limit: number; offset: number }) {
    assertCanManageUsers(ctx.actor);
    const { items, total } = await identityRepository.listApiKeys(
      this.db,
      ctx.actor.scopeRootId,
      page.limit,
      page.offset,
    );
    return { items: items.map(toApiKey), total };
  }

  /** The secret is returned once; only its SHA-256 is stored (it has 256 bits of entropy, no stretching needed). */
  async createApiKey(ctx: RequestContext, body: z.infer<typeof CreateApiKeyBody>) {
    assertCanManageUsers(ctx.actor);
    assertCanGrant(ctx.actor, body.roles);
    await this.assertUnitInScope(ctx, body.orgUnitId);
    const prefix = randomBytes(4).toString('hex');
    const secret = `plk_${prefix}_${randomBytes(32).toString('base64url')}`;
    return inTransaction(this.db, async (tx) => {
      const row = await identityRepository.insertApiKey(tx, {
        id: newId(),
        org_unit_id: body.orgUnitId,
        name: body.name,
        prefix,
        secret_hash: sha256(secret),
        roles: [...new Set(body.roles)],
        created_by: ctx.actor.userId,
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
    assertCanManageUsers(ctx.actor);
    return inTransaction(this.db, async (tx) => {
      const before = await identityRepository.findApiKey(tx, id);
      if (!before || !(await canSeeUnit(tx, ctx.actor, before.org_unit_id))) throw notFound();
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
