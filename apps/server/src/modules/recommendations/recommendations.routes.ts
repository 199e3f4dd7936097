import type { FastifyInstance } from 'fastify';
import { recommendationRoutes } from '@pilotage/contracts';
import { route } from '../../http/route.ts';
import type { RecommendationsService } from './recommendations.service.ts';

export function recommendationsPlugin(s: RecommendationsService) {
  return async (app: FastifyInstance) => {
    const r = recommendationRoutes;
    route(app, r.promote, ({ params, body }, ctx) => s.promote(ctx, params.id, body));
    route(app, r.forReport, ({ params }, ctx) => s.forReport(ctx, params.id));
    route(app, r.sources, ({ params }, ctx) => s.sources(ctx, params.id));
    route(app, r.mostCited, ({ query }, ctx) => s.mostCited(ctx, query.limit));
  };
}
