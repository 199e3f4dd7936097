/**
 * `npm run audit:verify [-- --json] [--public-key FILE] [--checkpoints FILE]`: recomputes the audit trail's
 * hash chain, checks events not sealed yet by their own hash, and compares the chain with every signed
 * checkpoint (issue 7 item 10): an event edited with every later hash recomputed, or the newest events
 * deleted and the head moved back, no longer match what was signed. The key defaults to
 * PILOTAGE_AUDIT_KEY_FILE (or its `.pub`), the checkpoints to PILOTAGE_AUDIT_CHECKPOINT_FILE (both default
 * to the data directory). Without a key or checkpoints only the chain is checked, with a warning.
 *
 * Opens the same database as the server (DATABASE_URL, else the PGlite directory PILOTAGE_DATA_DIR, default
 * ./data). PGlite is single-process: stop the server before verifying a PGlite directory. On PostgreSQL it
 * can run next to a live server (events written meanwhile are verified too). Read-only: no migration.
 *
 * Exit code: 0 the chain is intact, 1 the chain is broken, 2 the database could not be verified.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { openDatabase, type Database } from '../db/database.ts';
import { AuditAnchor, AuditService, type ChainCheck } from '../modules/audit/index.ts';

async function anchorFor(keyFile: string | null, checkpointFile: string | null): Promise<AuditAnchor | null> {
  if (!keyFile || !checkpointFile) return null;
  const key = existsSync(`${keyFile}.pub`) ? `${keyFile}.pub` : keyFile;
  if (!existsSync(key) || !existsSync(checkpointFile)) return null;
  return AuditAnchor.forVerification(key, checkpointFile);
}

async function verifyAuditTrail(
  options: { publicKey?: string | undefined; checkpoints?: string | undefined },
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ where: string; check: ChainCheck; anchored: string | null }> {
  const config = loadConfig(env);
  const anchor = await anchorFor(
    options.publicKey ?? config.auditKeyFile,
    options.checkpoints ?? config.auditCheckpointFile,
  );
  const where = config.databaseUrl
    ? `PostgreSQL ${redactUrl(config.databaseUrl)}`
    : `PGlite ${config.dataDir}`;
  if (!config.databaseUrl && (config.dataDir === ':memory:' || !existsSync(config.dataDir))) {
    throw new Error(`no database at ${config.dataDir} (set PILOTAGE_DATA_DIR or DATABASE_URL)`);
  }
  let database: Database | undefined;
  try {
    database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 1 });
    const tables = await database.db.introspection.getTables();
    if (!tables.some((t) => t.name === 'audit_event'))
      throw new Error(`${where} has no audit trail (never started?)`);
    const check = await new AuditService(database.db, anchor).verify();
    return { where, check, anchored: anchor ? anchor.log.where : null };
  } finally {
    await database?.close();
  }
}

function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(DATABASE_URL)';
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      'public-key': { type: 'string' },
      checkpoints: { type: 'string' },
    },
    strict: true,
  });
  try {
    const { where, check, anchored } = await verifyAuditTrail({
      publicKey: values['public-key'],
      checkpoints: values.checkpoints,
    });
    if (!anchored)
      console.error('Warning: no signing key or checkpoint file found: only the hash chain is checked.');
    if (values.json) console.log(JSON.stringify({ database: where, checkpointLog: anchored, ...check }));
    else if (check.ok)
      console.log(
        `Audit trail intact: ${check.checked} events checked, ${check.pending} pending, ${check.checkpoints} signed checkpoints match (${where}).`,
      );
    else {
      console.error(`Audit trail BROKEN at seq ${check.brokenAtSeq ?? '-'}: ${check.reason}.`);
      console.error(`${check.checked} events before it are intact (${where}).`);
    }
    return check.ok ? 0 : 1;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`audit:verify could not run: ${message}`);
    if (/lock|already in use|ELOCKED/i.test(message))
      console.error('Is the server running on this PGlite directory? Stop it first.');
    return 2;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
