import type { Db } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { inTransaction } from '../db/transaction.ts';
import { systemContext } from '../http/context.ts';
import { identityRepository, toUser, userSearchKey } from '../modules/identity/identity.repository.ts';
import { hashPassword } from '../modules/identity/password.ts';
import { orgRepository } from '../modules/org/org.repository.ts';
import type { Services } from '../services.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './accounts.ts';

/** Creates the demo accounts that do not exist yet. Returns the usernames created. */
export async function seedDemoAccounts(db: Db, services: Services, rootId: string): Promise<string[]> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return inTransaction(db, async (tx) => {
    const created: string[] = [];
    const ctx = systemContext(rootId, 'demo-seed');
    for (const account of DEMO_ACCOUNTS) {
      if (await identityRepository.findUserByUsername(tx, account.username)) continue;
      const unit = await orgRepository.findByCode(tx, account.unit);
      if (!unit) throw new Error(`demo unit ${account.unit} missing`);
      const row = await identityRepository.insertUser(tx, {
        id: newId(),
        username: account.username,
        display_name: account.displayName,
        email: null,
        org_unit_id: unit.id,
        roles: account.roles,
        password_hash: passwordHash,
        active: true,
        search_key: userSearchKey(account.username, account.displayName),
        updated_at: new Date(),
      });
      await services.audit.record(tx, ctx, {
        action: 'user.create',
        entityType: 'user',
        entityId: row.id,
        after: toUser(row),
      });
      created.push(account.username);
    }
    return created;
  });
}
