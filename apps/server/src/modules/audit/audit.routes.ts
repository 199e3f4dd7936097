import type { FastifyInstance } from 'fastify';
import { auditRoutes } from '@pilotage/contracts';
import { route } from '../../http/route.ts';
import type { AuditService } from './audit.service.ts';

export function auditPlugin(audit: AuditService) {
  return async (app: FastifyInstance) => {
    route(app, auditRoutes.list, ({ query }, ctx) => audit.list(ctx, query));
  };
}
