import type { FastifyInstance } from 'fastify';
import { healthRoutes } from '@pilotage/contracts';
import type { Database } from '../../db/database.ts';
import { appliedMigrationCount } from '../../db/migrate.ts';
import { isConnectionError } from '../../db/errors.ts';
import { AppError } from '../../http/errors.ts';
import { DATABASE_RETRY_AFTER_SECONDS } from '../../http/problem.ts';
import { route } from '../../http/route.ts';

export function healthPlugin(database: Database) {
  return async (app: FastifyInstance) => {
    // the database is asked on every call: while it is away the answer is a 503 problem (with Retry-After),
    // and it is 200 again as soon as the pool can connect, without a restart
    route(app, healthRoutes.health, async () => {
      let migrations: number;
      try {
        migrations = await appliedMigrationCount(database.db);
      } catch (error) {
        if (isConnectionError(error)) throw error;
        throw new AppError(503, 'database_unavailable', {}, [], {
          'retry-after': String(DATABASE_RETRY_AFTER_SECONDS),
        });
      }
      return { status: 'ok' as const, database: database.kind, migrations };
    });
  };
}
