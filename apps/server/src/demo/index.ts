import type { Db } from '../db/database.ts';
import { inTransaction } from '../db/transaction.ts';
import { demoAccountsRepository, hashPassword } from '../modules/identity/index.ts';
import type { Services } from '../services.ts';
import { DEMO_PASSWORD } from './accounts.ts';
import { seedFeedbackDemoIn } from './feedback-demo.ts';
import { seedInitiativesDemoIn } from './initiatives-demo.ts';
import { seedDemoAccounts } from './seed.ts';
import { seedKpiDemo } from './kpi-demo.ts';
import { seedTasksDemoIn } from './tasks-demo.ts';
import { seedQualityDemo } from '../modules/quality/index.ts';

export type DemoSeedResult = { seeded: true; accounts: string[] } | { seeded: false; reason: 'has_users' };

/**
 * Everything the demo needs on top of the organisation, created ONLY on an empty database (no user at all),
 * in one transaction under a transaction-scoped lock (instances starting together seed once). Once any user
 * exists — a real one, or demo accounts an administrator removed — nothing is (re-)created.
 * Later modules add their demo data here.
 */
export async function seedDemo(db: Db, services: Services, rootId: string): Promise<DemoSeedResult> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return inTransaction(db, async (tx) => {
    await demoAccountsRepository.lockSeeding(tx);
    if (await demoAccountsRepository.anyUser(tx)) return { seeded: false, reason: 'has_users' };
    const accounts = await seedDemoAccounts(tx, services, rootId, passwordHash);
    await seedTasksDemoIn(tx, services, rootId);
    await seedKpiDemo(tx);
    await seedInitiativesDemoIn(tx, services, rootId);
    await seedFeedbackDemoIn(tx, services, rootId);
    await seedQualityDemo(tx, services.audit, rootId);
    return { seeded: true, accounts };
  });
}
