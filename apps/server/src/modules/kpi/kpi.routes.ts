import type { FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import { IMPORT_MAX_BYTES, kpiFileRoutes, kpiRoutes } from '@pilotage/contracts';
import { AppError } from '../../http/errors.ts';
import { importDataValueFile } from './file-import.ts';
import { route } from '../../http/route.ts';
import type { Kpi } from './index.ts';

export function kpiPlugin(kpi: Kpi) {
  return async (app: FastifyInstance) => {
    // multipart only in this plugin's scope (the data value file); the rest stays JSON-only
    await app.register(multipart, {
      limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 10, parts: 11 },
    });
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
    route(app, kpiFileRoutes.importDataValueFile, async ({ query, request }, ctx) => {
      if (!request.isMultipart())
        throw new AppError(415, 'import_file_required', {}, [{ path: 'file', key: 'import_file_required' }]);
      const part = await request.file();
      if (!part)
        throw new AppError(400, 'import_file_required', {}, [{ path: 'file', key: 'import_file_required' }]);
      let data: Buffer;
      try {
        data = await part.toBuffer();
      } catch (error) {
        if ((error as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw error;
        const max = Math.round(IMPORT_MAX_BYTES / 1024 / 1024);
        throw new AppError(413, 'import_file_too_large', { max }, [
          { path: 'file', key: 'import_file_too_large', params: { max } },
        ]);
      }
      return importDataValueFile(kpi.imports, ctx, { data }, query);
    });
    route(app, kpiRoutes.exportDataValueSet, ({ query }, ctx) => kpi.exports.exportSet(ctx, query));
  };
}
