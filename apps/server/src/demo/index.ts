import type { Db } from '../db/database.ts';
import type { Services } from '../services.ts';
import { seedDemoAccounts } from './seed.ts';
import { seedTasksDemo } from './tasks-demo.ts';

/** Everything the demo needs on top of the organisation. Later modules add their demo data here. */
export async function seedDemo(db: Db, services: Services, rootId: string): Promise<void> {
  await seedDemoAccounts(db, services, rootId);
  await seedTasksDemo(db, services, rootId);
}
