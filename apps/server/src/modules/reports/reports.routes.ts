import { contentDisposition } from '../../http/content-disposition.ts';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams, reportRoutes, reviewQueueRoutes } from '@pilotage/contracts';
import { AppError } from '../../http/errors.ts';
import { requireContext, route } from '../../http/route.ts';
import type { CompletenessService } from './completeness.service.ts';
import type { EvidenceService } from './evidence.service.ts';
import {
  IDEMPOTENCY_HEADER,
  readIdempotencyKey,
  REPLAYED_HEADER,
  type IdempotentResult,
} from './idempotency.ts';
import type { ReportsService } from './reports.service.ts';
import type { ReportWorkflow } from './reports.workflow.ts';
import type { TimelineService } from './timeline.service.ts';
import type { ReviewBulkService } from './review-bulk.service.ts';

export interface ReportsModule {
  reports: ReportsService;
  workflow: ReportWorkflow;
  evidence: EvidenceService;
  timeline: TimelineService;
  completeness: CompletenessService;
  review: ReviewBulkService;
}

const keyOf = (request: FastifyRequest) => readIdempotencyKey(request.headers[IDEMPOTENCY_HEADER]);

function unwrap<T>(reply: FastifyReply, result: IdempotentResult<T>): T {
  if (result.replayed) void reply.header(REPLAYED_HEADER, 'true');
  return result.value;
}

export function reportsPlugin(m: ReportsModule) {
  return async (app: FastifyInstance) => {
    await app.register(multipart, {
      limits: { fileSize: m.evidence.settings.evidenceMaxBytes, files: 1, fields: 5, parts: 6 },
    });

    route(app, reportRoutes.save, async ({ params, body, request, reply }, ctx) =>
      unwrap(reply, await m.reports.save(ctx, params.id, body, keyOf(request))),
    );
    route(app, reportRoutes.get, ({ params }, ctx) => m.reports.get(ctx, params.id));
    route(app, reportRoutes.listForAssignment, ({ params, query }, ctx) =>
      m.reports.listForAssignment(ctx, params.id, query.asOf),
    );
    route(app, reportRoutes.submit, async ({ params, body, request, reply }, ctx) =>
      unwrap(reply, await m.workflow.submit(ctx, params.id, body, keyOf(request))),
    );
    route(app, reportRoutes.approve, async ({ params, body, request, reply }, ctx) =>
      unwrap(reply, await m.workflow.approve(ctx, params.id, body, keyOf(request))),
    );
    route(app, reportRoutes.accept, async ({ params, body, request, reply }, ctx) =>
      unwrap(reply, await m.workflow.accept(ctx, params.id, body, keyOf(request))),
    );
    route(app, reportRoutes.return, async ({ params, body, request, reply }, ctx) =>
      unwrap(reply, await m.workflow.returnReport(ctx, params.id, body, keyOf(request))),
    );
    route(app, reportRoutes.withdraw, async ({ params, body, request, reply }, ctx) =>
      unwrap(reply, await m.workflow.withdraw(ctx, params.id, body, keyOf(request))),
    );
    route(app, reportRoutes.reviewQueue, ({ query }, ctx) => m.reports.queue(ctx, query));
    route(app, reviewQueueRoutes.acceptMany, async ({ body, request, reply }, ctx) =>
      unwrap(reply, await m.review.acceptMany(ctx, body, keyOf(request))),
    );
    route(app, reviewQueueRoutes.returnReasons, (_input, ctx) => m.review.returnReasons(ctx));
    route(app, reportRoutes.timeline, ({ params }, ctx) => m.timeline.timeline(ctx, params.id));
    route(app, reportRoutes.completeness, ({ query }, ctx) => m.completeness.report(ctx, query));
    route(app, reportRoutes.deleteEvidence, ({ params }, ctx) => m.evidence.remove(ctx, params.id));

    route(app, reportRoutes.uploadEvidence, async ({ params, request, reply }, ctx) => {
      const key = keyOf(request);
      if (!request.isMultipart()) throw new AppError(415, 'evidence_not_multipart');
      let part;
      let content: Buffer;
      try {
        part = await request.file();
        if (!part || part.fieldname !== 'file')
          throw new AppError(400, 'evidence_file_required', {}, [
            { path: 'file', key: 'evidence_file_required' },
          ]);
        content = await part.toBuffer();
      } catch (error) {
        if (error instanceof AppError) throw error;
        const code = (error as { code?: string }).code;
        if (code === 'FST_REQ_FILE_TOO_LARGE') throw m.evidence.tooLarge();
        if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw new AppError(415, 'evidence_not_multipart');
        if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
          throw new AppError(400, 'evidence_file_required', {}, [
            { path: 'file', key: 'evidence_file_required' },
          ]);
        }
        throw error;
      }
      return unwrap(
        reply,
        await m.evidence.upload(ctx, params.id, { filename: part.filename, content }, key),
      );
    });

    app.withTypeProvider<ZodTypeProvider>().get(
      '/api/evidence/:id',
      {
        schema: {
          summary: 'Download an evidence file (scoped to who may see its report)',
          tags: ['reports'],
          params: IdParams,
        },
      },
      async (request, reply) => {
        const ctx = requireContext(request);
        const file = await m.evidence.download(ctx, request.params.id);
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', contentDisposition(file.filename))
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('cache-control', 'private, no-store')
          .header('etag', `"${file.sha256}"`)
          .send(file.content);
      },
    );
  };
}
