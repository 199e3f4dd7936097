import type { FastifyInstance } from 'fastify';
import { scorecardRoutes as r } from '@pilotage/contracts';
import { route } from '../../http/route.ts';
import type { Scorecards } from './index.ts';

export function scorecardsPlugin(s: Scorecards) {
  return async (app: FastifyInstance) => {
    route(app, r.targets, ({ params }, ctx) => s.scorecards.targets(ctx, params.code));
    route(app, r.setTargets, ({ params, body }, ctx) => s.scorecards.setTargets(ctx, params.code, body));
    route(app, r.trajectory, ({ params, query }, ctx) => s.scorecards.trajectory(ctx, params.code, query));
    route(app, r.provinceValues, ({ params, query }, ctx) =>
      s.scorecards.provinceValues(ctx, params.code, query.period),
    );
    route(app, r.formulas, (_input, ctx) => s.scorecards.formulas(ctx));
    route(app, r.newFormula, ({ body }, ctx) => s.scorecards.newFormula(ctx, body));
    route(app, r.rankings, ({ query }, ctx) => s.rankings.rankings(ctx, query));
    route(app, r.publish, ({ body }, ctx) => s.rankings.publish(ctx, body));
    route(app, r.rankDetail, ({ params, query }, ctx) => s.rankings.detail(ctx, params.code, query));
    route(app, r.pins, (_input, ctx) => s.scorecards.pins(ctx));
    route(app, r.setPins, ({ body }, ctx) => s.scorecards.setPins(ctx, body));
  };
}
