import type { FastifyInstance } from 'fastify';
import { healthRoutes } from '@pilotage/contracts';
import type { Database } from '../../db/database.ts';
import { appliedMigrationCount } from '../../db/migrate.ts';
import { route } from '../../http/route.ts';

export function healthPlugin(database: Database) {
  return async (app: FastifyInstance) => {
    route(app, healthRoutes.health, async () => ({
      status: 'ok' as const,
      database: database.kind,
      migrations: await appliedMigrationCount(database.db),
    }));
  };
}
