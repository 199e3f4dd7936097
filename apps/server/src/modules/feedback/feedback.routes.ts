import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { feedbackRoutes, publicFeedbackRoutes } from '@pilotage/contracts';
import { AppError } from '../../http/errors.ts';
import { langOf, route } from '../../http/route.ts';
import type { Feedback } from './index.ts';
import { checkFile, fileTooLarge, type UploadedFile } from './uploads.ts';

declare module 'fastify' {
  interface FastifyRequest {
    feedbackFiles?: UploadedFile[];
  }
}

/**
 * A multipart submission: the `payload` part (the JSON body) becomes the body the contract validates, the
 * `files` parts are checked (count, size, type by content) before anything is stored. Any refusal is a
 * clear 4xx and nothing is written.
 */
async function readMultipart(request: FastifyRequest, f: Feedback): Promise<void> {
  const { maxFiles } = f.config;
  const files: UploadedFile[] = [];
  let payload: unknown;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (part.fieldname === 'payload') payload = JSON.parse(String(part.value));
        continue;
      }
      if (files.length >= maxFiles) {
        await part.toBuffer().catch(() => undefined);
        throw new AppError(400, 'feedback_too_many_files', { max: maxFiles }, [
          { path: 'files', key: 'feedback_too_many_files', params: { max: maxFiles } },
        ]);
      }
      const content = await part.toBuffer();
      files.push(checkFile({ filename: part.filename, content }, files.length, f.config));
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw fileTooLarge(files.length, f.config.maxFileBytes);
    if (code === 'FST_FILES_LIMIT')
      throw new AppError(400, 'feedback_too_many_files', { max: maxFiles }, [
        { path: 'files', key: 'feedback_too_many_files', params: { max: maxFiles } },
      ]);
    if (error instanceof SyntaxError) throw new AppError(400, 'invalid_json');
    throw error;
  }
  if (payload === undefined)
    throw new AppError(400, 'feedback_payload_missing', {}, [
      { path: 'payload', key: 'feedback_payload_missing' },
    ]);
  request.body = payload;
  request.feedbackFiles = files;
}

export function feedbackPlugin(f: Feedback) {
  return async (app: FastifyInstance) => {
    await app.register(multipart, {
      limits: {
        fileSize: f.config.maxFileBytes,
        files: f.config.maxFiles + 1,
        fields: 4,
        parts: f.config.maxFiles + 5,
      },
    });
    app.addHook('preValidation', async (request) => {
      if (request.routeOptions.url === publicFeedbackRoutes.submit.path && request.isMultipart())
        await readMultipart(request, f);
    });

    route(app, publicFeedbackRoutes.topics, (_, ctx) => f.intake.topics(ctx.lang));
    route(app, publicFeedbackRoutes.challenge, ({ request }) => f.intake.challenge(request.ip));
    route(app, publicFeedbackRoutes.similar, ({ query }) => f.intake.similar(query.q));
    route(app, publicFeedbackRoutes.submit, ({ body, request }, ctx) =>
      f.intake.submit(ctx, body, request.feedbackFiles ?? [], request.ip),
    );
    route(app, publicFeedbackRoutes.track, ({ params, query, request }) =>
      f.tracking.track(params.trackingCode, query.secret, langOf(request)),
    );
    route(app, publicFeedbackRoutes.reply, ({ params, body }, ctx) =>
      f.tracking.reply(ctx, params.trackingCode, body.secret, body.message),
    );
    route(app, publicFeedbackRoutes.rate, ({ params, body }, ctx) =>
      f.tracking.rate(ctx, params.trackingCode, body.secret, body.score, body.comment),
    );
    route(app, publicFeedbackRoutes.reopen, ({ params, body }, ctx) =>
      f.tracking.reopen(ctx, params.trackingCode, body.secret, body.reason),
    );
    route(app, publicFeedbackRoutes.answers, ({ query }) => f.tracking.answers(query));

    route(app, feedbackRoutes.list, ({ query }, ctx) => f.workflow.list(ctx, query));
    route(app, feedbackRoutes.get, ({ params }, ctx) => f.workflow.get(ctx, params.id));
    route(app, feedbackRoutes.act, ({ params, body }, ctx) => f.workflow.act(ctx, params.id, body));
    route(app, feedbackRoutes.listTopics, (_, ctx) => f.admin.topics(ctx));
    route(app, feedbackRoutes.setDeadline, ({ body }, ctx) => f.admin.setDeadline(ctx, body));
    route(app, feedbackRoutes.listRoutingRules, (_, ctx) => f.admin.rules(ctx));
    route(app, feedbackRoutes.createRoutingRule, ({ body }, ctx) => f.admin.createRule(ctx, body));
    route(app, feedbackRoutes.deleteRoutingRule, ({ params }, ctx) => f.admin.deleteRule(ctx, params.id));
    route(app, feedbackRoutes.calendar, ({ query }, ctx) => f.admin.calendar(ctx, query.year));
    route(app, feedbackRoutes.setCalendarException, ({ params, body }, ctx) =>
      f.admin.setException(ctx, params.day, body),
    );
    route(app, feedbackRoutes.deleteCalendarException, ({ params }, ctx) =>
      f.admin.deleteException(ctx, params.day),
    );
  };
}
