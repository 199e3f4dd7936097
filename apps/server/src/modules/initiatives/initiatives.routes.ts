import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams, initiativeRoutes, publicInitiativeRoutes } from '@pilotage/contracts';
import { contentDisposition } from '../../http/content-disposition.ts';
import { AppError } from '../../http/errors.ts';
import { requireContext, route } from '../../http/route.ts';
import type { EvaluationService } from './evaluation.service.ts';
import type { InitiativesService } from './initiatives.service.ts';
import type { PortalService } from './portal.service.ts';

export interface InitiativesModule {
  initiatives: InitiativesService;
  evaluation: EvaluationService;
  portal: PortalService;
}

const fileRequired = () =>
  new AppError(400, 'evidence_file_required', {}, [{ path: 'file', key: 'evidence_file_required' }]);

export function initiativesPlugin(m: InitiativesModule) {
  return async (app: FastifyInstance) => {
    await app.register(multipart, {
      limits: { fileSize: m.portal.settings.maxBytes, files: 1, fields: 5, parts: 6 },
    });
    const pub = publicInitiativeRoutes;
    route(app, pub.catalogue, ({ query }) => m.portal.catalogue(query));
    route(app, pub.facets, () => m.portal.facets());
    route(app, pub.get, ({ params }) => m.portal.publicGet(params.code));
    route(app, pub.propose, ({ body, request }, ctx) => m.portal.propose(ctx, body, request.ip));
    route(app, pub.attach, async ({ params, query, request }, ctx) => {
      if (!request.isMultipart()) throw new AppError(415, 'evidence_not_multipart');
      let part;
      let content: Buffer;
      try {
        part = await request.file();
        if (!part || part.fieldname !== 'file') throw fileRequired();
        content = await part.toBuffer();
      } catch (error) {
        if (error instanceof AppError) throw error;
        const code = (error as { code?: string }).code;
        if (code === 'FST_REQ_FILE_TOO_LARGE') throw m.portal.tooLarge();
        if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw new AppError(415, 'evidence_not_multipart');
        if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT')
          throw fileRequired();
        throw error;
      }
      return m.portal.attach(ctx, params.code, query.secret, { filename: part.filename, content });
    });

    const r = initiativeRoutes;
    route(app, r.list, ({ query }, ctx) => m.initiatives.list(ctx, query));
    route(app, r.experts, (_input, ctx) => m.initiatives.expertCandidates(ctx));
    route(app, r.rubric, (_input, ctx) => m.evaluation.rubric(ctx));
    route(app, r.createRubric, ({ body }, ctx) => m.evaluation.createRubric(ctx, body));
    route(app, r.get, ({ params }, ctx) => m.initiatives.get(ctx, params.id));
    route(app, r.screen, ({ params, body }, ctx) => m.initiatives.screen(ctx, params.id, body));
    route(app, r.assignExperts, ({ params, body }, ctx) => m.initiatives.assignExperts(ctx, params.id, body));
    route(app, r.decide, ({ params, body }, ctx) => m.initiatives.decide(ctx, params.id, body));
    route(app, r.declare, ({ params, body }, ctx) => m.evaluation.declare(ctx, params.id, body));
    route(app, r.score, ({ params, body }, ctx) => m.evaluation.score(ctx, params.id, body));

    app.withTypeProvider<ZodTypeProvider>().get(
      '/api/initiative-attachments/:id',
      {
        schema: {
          summary: 'Download an initiative attachment (steering and assigned experts)',
          tags: ['initiatives'],
          params: IdParams,
        },
      },
      async (request, reply) => {
        const ctx = requireContext(request);
        const file = await m.portal.download(ctx, request.params.id);
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
