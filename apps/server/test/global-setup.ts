import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { bootstrap } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import { TEMPLATE_DB, TEMPLATE_FILE } from './template.ts';

/**
 * Builds the migrated database with the organisation loaded, once per run:
 * - PGlite: a data-dir dump that each test file loads (seconds saved per file);
 * - PostgreSQL (TEST_DATABASE_URL): a template database that each test file clones.
 */
export default async function setup() {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${TEMPLATE_DB} with (force)`);
    await admin.query(`create database ${TEMPLATE_DB}`);
    await admin.end();
    const templateUrl = new URL(url);
    templateUrl.pathname = `/${TEMPLATE_DB}`;
    const { database } = await bootstrap(
      loadConfig({}, { databaseUrl: templateUrl.toString(), dataDir: ':memory:' }),
    );
    await database.close();
    return;
  }
  const { database } = await bootstrap(loadConfig({}, { databaseUrl: undefined, dataDir: ':memory:' }));
  if (!database.pglite) throw new Error('expected PGlite');
  const dump = await database.pglite.dumpDataDir('none');
  await mkdir(path.dirname(TEMPLATE_FILE), { recursive: true });
  await writeFile(TEMPLATE_FILE, Buffer.from(await dump.arrayBuffer()));
  await database.close();
}
