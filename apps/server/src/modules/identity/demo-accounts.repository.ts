import { sql } from 'kysely';
import type { Executor } from '../../db/transaction.ts';

/** Serialises demo seeding across server instances starting together (transaction-scoped lock). */
const DEMO_SEED_LOCK = 0x5049_4c44; // "PILD"

/** The only SQL about demo accounts (app_user.is_demo): the identity module owns the table. */
export const demoAccountsRepository = {
  /** Takes the seeding lock for the rest of the transaction. */
  async lockSeeding(tx: Executor): Promise<void> {
    await sql`select pg_advisory_xact_lock(${DEMO_SEED_LOCK})`.execute(tx);
  },

  /** True when at least one user (demo or real, active or not) exists. */
  async anyUser(db: Executor): Promise<boolean> {
    const row = await db.selectFrom('app_user').select('id').limit(1).executeTakeFirst();
    return row !== undefined;
  },

  /** Demo accounts that can still sign in (active or holding a password), locked for the update. */
  usable(db: Executor) {
    return db
      .selectFrom('app_user')
      .select(['id', 'username', 'active'])
      .where('is_demo', '=', true)
      .where((eb) => eb.or([eb('active', '=', true), eb('password_hash', 'is not', null)]))
      .orderBy('username')
      .forUpdate()
      .execute();
  },

  /**
   * Disables accounts for good: inactive, no password, sessions ended. The rows stay (audit events,
   * reports and signed commitments name them), so their history keeps its authors.
   */
  async disable(db: Executor, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await db
      .updateTable('app_user')
      .set({ active: false, password_hash: null, updated_at: new Date() })
      .where('id', 'in', ids)
      .execute();
    await db.deleteFrom('session').where('user_id', 'in', ids).execute();
  },
};
