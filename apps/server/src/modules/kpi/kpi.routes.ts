import type { FastifyInstance } from 'fastify';
import { kpiRoutes } from '@pilotage/contracts';
import { route } from '../../http/route.ts';
import type { Kpi } from './index.ts';

export function kpiPlugin(kpi: Kpi) {
  return async (app: FastifyInstance) => {
    const m = kpi.metadata;
    route(app, kpiRoutes.listDataElements, ({ query }, ctx) => m.list.dataElements(ctx, query));
    route(app, kpiRoutes.createDataElement, ({ body }, ctx) => m.createDataElement(ctx, body));
    route(app, kpiRoutes.listIndicators, ({ query }, ctx) => m.list.indicators(ctx, query));
    route(app, kpiRoutes.createIndicator, ({ body }, ctx) => m.createIndicator(ctx, body));
    route(app, kpiRoutes.listDataSets, ({ query }, ctx) => m.list.dataSets(ctx, query));
    route(app, kpiRoutes.createDataSet, ({ body }, ctx) => m.createDataSet(ctx, body));
    route(app, kpiRoutes.listValidationRules, ({ query }, ctx) => m.list.validationRules(ctx, query));
    route(app, kpiRoutes.createValidationRule, ({ body }, ctx) => m.createValidationRule(ctx, body));
    route(app, kpiRoutes.indicatorValues, ({ params, query }, ctx) =>
      kpi.rollups.indicatorValues(ctx, params.code, query),
    );
    route(app, kpiRoutes.dataSetCompleteness, ({ params, query }, ctx) =>
      kpi.rollups.completeness(ctx, params.code, query),
    );
    route(app, kpiRoutes.importDataValueSet, ({ query, body }, ctx) =>
      kpi.imports.importSet(ctx, query, body),
    );
    route(app, kpiRoutes.exportDataValueSet, ({ query }, ctx) => kpi.exports.exportSet(ctx, query));
  };
}
