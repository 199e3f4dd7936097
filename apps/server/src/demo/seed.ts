import type { Tx } from '../db/transaction.ts';
import { newId } from '../db/ids.ts';
import { systemContext } from '../http/context.ts';
import { identityRepository, toUser, userSearchKey } from '../modules/identity/index.ts';
import { orgRepository } from '../modules/org/index.ts';
import type { Services } from '../services.ts';
import { DEMO_ACCOUNTS } from './accounts.ts';

/** Creates the demo accounts (marked `is_demo`) inside the caller's transaction. Returns the usernames. */
export async function seedDemoAccounts(
  tx: Tx,
  services: Services,
  rootId: string,
  passwordHash: string,
): Promise<string[]> {
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
      is_demo: true,
      search_key: userSearchKey(account.username, account.displayName),
      updated_at: new Date(),
    });
    await services.audit.record(tx, ctx, {
      action: 'user.create',
      entityType: 'user',
      entityId: row.id,
      after: { ...toUser(row), demo: true },
    });
    created.push(account.username);
  }
  return created;
}
