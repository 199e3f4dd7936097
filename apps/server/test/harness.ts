import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { loadConfig, type Config } from '../src/config.ts';
import { openDatabase, type Database } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { orgRepository } from '../src/modules/org/org.repository.ts';
import { createServices, type Services } from '../src/services.ts';
import { TEMPLATE_DB, TEMPLATE_FILE } from './template.ts';

export interface TestEnv {
  database: Database;
  services: Services;
  config: Config;
  app: FastifyInstance;
  rootId: string;
  close(): Promise<void>;
}

/**
 * A fresh, migrated database with the real organisation loaded, private to the calling test file:
 * PGlite in memory by default, a clone of the template database when TEST_DATABASE_URL is set.
 */
export async function createTestEnv(overrides: Partial<Config> = {}): Promise<TestEnv> {
  const url = process.env.TEST_DATABASE_URL;
  let database: Database;
  let dropDb: (() => Promise<void>) | undefined;
  if (url) {
    const name = `pilotage_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${TEMPLATE_DB}`);
    await admin.end();
    const testUrl = new URL(url);
    testUrl.pathname = `/${name}`;
    database = await openDatabase({ databaseUrl: testUrl.toString(), poolSize: 4 });
    dropDb = async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  } else {
    const dump = await readFile(TEMPLATE_FILE);
    database = await openDatabase({ dataDir: ':memory:', loadDataDir: new Blob([dump]) });
  }
  await migrate(database.db); // no-op unless migrations were added after the template was built
  const config = loadConfig(
    {},
    { databaseUrl: url, dataDir: ':memory:', webDist: '/nonexistent', ...overrides },
  );
  const services = createServices(database, config);
  const app = await buildApp({ config, services });
  const root = await orgRepository.findRoot(database.db);
  if (!root) throw new Error('template database has no organisation');
  return {
    database,
    services,
    config,
    app,
    rootId: root.id,
    async close() {
      await app.close();
      await database.close();
      await dropDb?.();
    },
  };
}
