/**
 * `npm run status:rebuild`: recomputes every assignment's stored status from the facts, in batches, with
 * progress (after a status rule change, a restore or a bulk load). ADR 0010.
 *
 * Opens the same database as the server (DATABASE_URL, else PILOTAGE_DATA_DIR, default ./data) and applies
 * pending migrations first. PGlite is single-process: stop the server before rebuilding a PGlite directory.
 * Exit code: 0 done, 2 the database could not be opened.
 */
import { sql } from 'kysely';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { rebuildAll } from '../modules/tasks/index.ts';

async function main(): Promise<number> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(database.db);
    const started = performance.now();
    let last = 0;
    const done = await rebuildAll(database.db, (n, total) => {
      const now = performance.now();
      if (now - last > 1000 || n === total) {
        last = now;
        const pct = total ? ((n / total) * 100).toFixed(1) : '100';
        process.stdout.write(
          `\rstatus:rebuild ${n.toLocaleString('en')} / ${total.toLocaleString('en')} (${pct} %)`,
        );
      }
    });
    // after a bulk load the planner needs fresh statistics (PGlite has no autovacuum)
    await sql`analyze`.execute(database.db);
    const s = (performance.now() - started) / 1000;
    console.log(`\nstatus:rebuild: ${done.toLocaleString('en')} assignments in ${s.toFixed(1)} s`);
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`status:rebuild: ${(error as Error).message}`);
    process.exit(2);
  },
);
