import type { FastifyInstance } from 'fastify';
import { dashboardRoutes, homeRoutes } from '@pilotage/contracts';
import { route } from '../../http/route.ts';
import type { DashboardService } from './dashboard.service.ts';
import type { HomeService } from './home.service.ts';

/** Thin HTTP layer of the home page and the programme dashboard. */
export function dashboardPlugin(home: HomeService, dashboard: DashboardService) {
  return async (app: FastifyInstance) => {
    route(app, homeRoutes.get, (_input, ctx) => home.get(ctx));
    route(app, dashboardRoutes.programme, ({ params, query }, ctx) =>
      dashboard.programme(ctx, params.id, query.asOf),
    );
  };
}
