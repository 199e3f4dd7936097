import type { DemoRemoval } from '@pilotage/contracts';
import type { Db } from '../../db/database.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { RequestContext } from '../../http/context.ts';
import { forbidden } from '../../http/errors.ts';
import type { AuditService } from '../audit/index.ts';
import { demoAccountsRepository } from './demo-accounts.repository.ts';

/** Removing the demo accounts of a database that went into real use: national administrators only. */
export class DemoAccountsService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
  ) {}

  async removeAll(ctx: RequestContext): Promise<DemoRemoval> {
    return inTransaction(this.db, async (tx) => {
      const { actor } = ctx;
      if (!actor.roles.includes('admin') || actor.scope.kind !== 'national') throw forbidden();
      const accounts = await demoAccountsRepository.usable(tx);
      await demoAccountsRepository.disable(
        tx,
        accounts.map((a) => a.id),
      );
      const usernames = accounts.map((a) => a.username);
      await this.audit.record(tx, ctx, {
        action: 'user.demo_remove',
        entityType: 'user',
        entityId: null,
        before: { usernames, active: accounts.filter((a) => a.active).map((a) => a.username) },
        after: { removed: usernames.length },
      });
      return { removed: usernames.length, usernames };
    });
  }
}
