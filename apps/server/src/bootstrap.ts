import type { Role } from '@pilotage/contracts';
import { sql } from 'kysely';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { inTransaction } from './db/transaction.ts';
import { systemContext } from './http/context.ts';
import { AuditAnchor } from './modules/audit/index.ts';
import { loadOrganisation } from './modules/org/index.ts';
import { createServices, type Services } from './services.ts';

const ORG_LOAD_LOCK = 5707_2025;

/** Opens the database, applies migrations and loads the organisation (reference data, always present). */
export async function bootstrap(
  config: Config,
): Promise<{ database: Database; services: Services; rootId: string }> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrate(database.db);
  const auditAnchor =
    config.auditKeyFile && config.auditCheckpointFile
      ? await AuditAnchor.fromFiles(config.auditKeyFile, config.auditCheckpointFile)
      : AuditAnchor.inMemory();
  const services = createServices(database, config, { auditAnchor });
  const rootId = await inTransaction(database.db, async (tx) => {
    // instances starting at once on an empty database: one loads the organisation, the others wait and see it
    await sql`select pg_advisory_xact_lock(${ORG_LOAD_LOCK})`.execute(tx);
    const before = await tx.selectFrom('org_unit').select('id').limit(1).executeTakeFirst();
    const loaded = await loadOrganisation(tx);
    if (!before) {
      await services.audit.record(tx, systemContext(loaded.rootId), {
        action: 'org.load',
        entityType: 'org_unit',
        entityId: loaded.rootId,
        after: {
          units: loaded.units,
          source: 'vietnamese-provinces-database (official codes) + central.json',
        },
      });
    }
    return loaded.rootId;
  });
  return { database, services, rootId };
}

export type { Role };
