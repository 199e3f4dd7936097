import type { FastifyInstance } from 'fastify';
import { orgRoutes } from '@pilotage/contracts';
import { route } from '../../http/route.ts';
import type { OrgService } from './org.service.ts';

export function orgPlugin(org: OrgService) {
  return async (app: FastifyInstance) => {
    route(app, orgRoutes.list, ({ query }, ctx) => org.list(ctx, query));
    route(app, orgRoutes.get, ({ params }, ctx) => org.get(ctx, params.id));
    route(app, orgRoutes.children, ({ params, query }, ctx) => org.children(ctx, params.id, query));
  };
}
