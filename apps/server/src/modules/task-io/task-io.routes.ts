import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { IMPORT_MAX_BYTES, reviewRoutes, taskIoRoutes } from '@pilotage/contracts';
import { AppError } from '../../http/errors.ts';
import { cleanFileName } from '../../http/file-name.ts';
import { route } from '../../http/route.ts';
import { asDownload, CSV_TYPE, DOCX_TYPE, fileSlug, XLSX_TYPE } from './files.ts';
import type { UploadedFile } from './import.service.ts';
import type { TaskIo } from './index.ts';
import { reviewDocx } from './review.docx.ts';
import { reviewLabels } from './review.labels.ts';
import { reviewXlsx } from './review.xlsx.ts';
import { templateCsv, templateXlsx } from './template.ts';

/** The one file of a multipart upload (field "file"), within the size limit. */
async function uploadedFile(request: FastifyRequest): Promise<UploadedFile> {
  if (!request.isMultipart())
    throw new AppError(415, 'import_file_required', {}, [{ path: 'file', key: 'import_file_required' }]);
  const part = await request.file();
  if (!part)
    throw new AppError(400, 'import_file_required', {}, [{ path: 'file', key: 'import_file_required' }]);
  try {
    return { filename: cleanFileName(part.filename), data: await part.toBuffer() };
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      const max = Math.round(IMPORT_MAX_BYTES / 1024 / 1024);
      throw new AppError(413, 'import_file_too_large', { max }, [
        { path: 'file', key: 'import_file_too_large', params: { max } },
      ]);
    }
    throw error;
  }
}

export function taskIoPlugin({ imports, exports, reviews }: TaskIo) {
  return async (app: FastifyInstance) => {
    // multipart only in this plugin's scope: the rest of the API stays JSON-only
    await app.register(multipart, {
      limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 10, parts: 11 },
    });

    route(app, taskIoRoutes.importTasks, async ({ params, query, request }, ctx) =>
      imports.importFile(ctx, params.id, await uploadedFile(request), query.dryRun === 'true'),
    );
    route(app, taskIoRoutes.templateXlsx, async ({ reply }) =>
      asDownload(reply, await templateXlsx(), XLSX_TYPE, 'mau-nhap-nhiem-vu.xlsx'),
    );
    route(app, taskIoRoutes.templateCsv, ({ reply }) =>
      asDownload(reply, templateCsv(), CSV_TYPE, 'mau-nhap-nhiem-vu.csv'),
    );
    route(app, taskIoRoutes.exportXlsx, async ({ params, query, reply }, ctx) => {
      const file = await exports.xlsx(ctx, params.id, query.asOf);
      return asDownload(reply, file.data, XLSX_TYPE, file.filename);
    });
    route(app, taskIoRoutes.exportCsv, async ({ params, query, reply }, ctx) => {
      const file = await exports.csv(ctx, params.id, query.asOf, query.table);
      return asDownload(reply, file.data, CSV_TYPE, file.filename);
    });

    route(app, reviewRoutes.review, ({ params, query }, ctx) => reviews.review(ctx, params.id, query));
    route(app, reviewRoutes.reviewXlsx, async ({ params, query, reply }, ctx) => {
      const report = await reviews.review(ctx, params.id, query);
      const name = `bao-cao-so-ket-${fileSlug(report.programme.code)}-${report.asOf}.xlsx`;
      return asDownload(reply, reviewXlsx(report, reviewLabels(ctx.lang)), XLSX_TYPE, name);
    });
    route(app, reviewRoutes.reviewDocx, async ({ params, query, reply }, ctx) => {
      const report = await reviews.review(ctx, params.id, query);
      const name = `bao-cao-so-ket-${fileSlug(report.programme.code)}-${report.asOf}.docx`;
      return asDownload(reply, await reviewDocx(report, reviewLabels(ctx.lang)), DOCX_TYPE, name);
    });
  };
}
