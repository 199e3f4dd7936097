/**
 * `npm run admin:create -- --username NAME [--password PASS] [--unit CODE] [--name "Display name"]`
 *
 * Creates an administrator in an org unit (default: the national root, code VN), e.g. on a server started
 * with PILOTAGE_DEMO=0. The password comes from --password or, better (it stays out of the shell history),
 * from the environment variable PILOTAGE_ADMIN_PASSWORD. Opens the same database as the server (DATABASE_URL,
 * else the PGlite directory PILOTAGE_DATA_DIR, default ./data), applies migrations and loads the organisation
 * first. PGlite is single-process: stop the server first. The creation is audited as `user.create` by the
 * system actor "admin:create".
 *
 * Exit code: 0 created, 1 refused (username taken, weak password, unknown unit…) or failed, 2 usage error.
 */
import { parseArgs } from 'node:util';
import { CreateUserBody } from '@pilotage/contracts';
import { bootstrap } from '../bootstrap.ts';
import { loadConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { systemContext } from '../http/context.ts';
import { AppError } from '../http/errors.ts';
import { t } from '../http/messages.ts';
import { orgRepository } from '../modules/org/index.ts';

const USAGE =
  'Usage: npm run admin:create -- --username NAME [--password PASS] [--unit CODE] [--name "Display name"]\n' +
  '       (or set PILOTAGE_ADMIN_PASSWORD instead of --password)';

class UsageError extends Error {}

function readArgs() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        username: { type: 'string' },
        password: { type: 'string' },
        unit: { type: 'string', default: 'VN' },
        name: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) throw new UsageError('');
  if (!values.username) throw new UsageError('--username is required');
  const password = values.password ?? process.env.PILOTAGE_ADMIN_PASSWORD;
  if (!password) throw new UsageError('a password is required: --password or PILOTAGE_ADMIN_PASSWORD');
  return { username: values.username, password, unit: values.unit, name: values.name ?? values.username };
}

async function main(): Promise<number> {
  let args: ReturnType<typeof readArgs>;
  try {
    args = readArgs();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    if (error.message) console.error(`admin:create: ${error.message}`);
    console.error(USAGE);
    return 2;
  }

  let database: Database | undefined;
  try {
    // Check the input before touching the database (same rules as POST /api/users).
    const draft = CreateUserBody.safeParse({
      username: args.username,
      displayName: args.name,
      orgUnitId: '00000000-0000-4000-8000-000000000000',
      roles: ['admin'],
      password: args.password,
    });
    if (!draft.success) {
      for (const issue of draft.error.issues) {
        const field = issue.path.join('.') === 'displayName' ? 'name' : issue.path.join('.');
        console.error(`admin:create: --${field}: ${issue.message}`);
      }
      return 1;
    }

    const boot = await bootstrap(loadConfig());
    database = boot.database;
    const unit = await orgRepository.findByCode(database.db, args.unit);
    if (!unit) {
      console.error(`admin:create: no current org unit with code "${args.unit}"`);
      return 1;
    }
    const ctx = systemContext(boot.rootId, 'admin:create');
    const user = await boot.services.users.create(ctx, { ...draft.data, orgUnitId: unit.id });
    await boot.services.audit.seal(); // link the event into the chain and sign a checkpoint before exiting
    console.log(`Created administrator "${user.username}" (${user.id}) in ${unit.code} ${unit.name}.`);
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      const message = t('en', error.key, error.params);
      const details = error.errors
        .map((e) => ({ path: e.path, text: e.message ?? (e.key ? t('en', e.key, e.params) : '') }))
        .filter((e) => e.text !== message)
        .map((e) => `${e.path}: ${e.text}`);
      console.error(`admin:create: ${message}${details.length ? ` (${details.join('; ')})` : ''}`);
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    console.error(`admin:create failed: ${message}`);
    if (/lock|already in use/i.test(message))
      console.error('Is the server running on this PGlite directory? Stop it first.');
    return 1;
  } finally {
    await database?.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
