import { randomUUID } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { qualityRoutes } from '@pilotage/contracts';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { contentDisposition } from '../../http/content-disposition.ts';
import { AppError } from '../../http/errors.ts';
import { cleanFileName } from '../../http/file-name.ts';
import { route } from '../../http/route.ts';
import { dictionaryFromCsv } from './dictionary.service.ts';
import type { Quality } from './index.ts';

const CSV_TYPE = 'text/csv; charset=utf-8';

function download(reply: FastifyReply, text: string, filename: string): string {
  void reply
    .header('content-type', CSV_TYPE)
    .header('content-disposition', contentDisposition(filename))
    .header('cache-control', 'no-store');
  return text;
}

/**
 * The uploaded sample, streamed straight to a private temp file (never held in memory); 413 past the limit,
 * the partial file removed. The caller owns the returned path.
 */
async function sampleToDisk(
  request: FastifyRequest,
  maxBytes: number,
): Promise<{ path: string; name: string }> {
  const required = () =>
    new AppError(400, 'quality_file_required', {}, [{ path: 'file', key: 'quality_file_required' }]);
  if (!request.isMultipart())
    throw new AppError(415, 'quality_file_required', {}, [{ path: 'file', key: 'quality_file_required' }]);
  const part = await request.file();
  if (!part || part.fieldname !== 'file') throw required();
  const path = join(tmpdir(), `pilotage-sample-${randomUUID()}`);
  try {
    // for-await (not stream.pipeline): a form cut short errors the file stream's iterator, never a pipe
    const fh = await open(path, 'w', 0o600);
    try {
      for await (const chunk of part.file) await fh.write(chunk as Buffer);
    } finally {
      await fh.close();
    }
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
  if (part.file.truncated) {
    await rm(path, { force: true });
    const max = Math.round(maxBytes / 1024 / 1024);
    throw new AppError(413, 'quality_file_too_large', { max }, [
      { path: 'file', key: 'quality_file_too_large', params: { max } },
    ]);
  }
  return { path, name: cleanFileName(part.filename) };
}

export function qualityPlugin(q: Quality, opts: { maxUploadBytes: number }) {
  return async (app: FastifyInstance) => {
    await app.register(multipart, {
      limits: { fileSize: opts.maxUploadBytes, files: 1, fields: 5, parts: 6 },
    });
    // checks may be declared in YAML (the same structure as the JSON)
    app.addContentTypeParser(
      ['application/yaml', 'application/x-yaml', 'text/yaml'],
      { parseAs: 'string' },
      (_req, body, done) => {
        try {
          done(null, parseYaml(body as string, { maxAliasCount: 50 }));
        } catch (error) {
          const line = error instanceof YAMLParseError ? (error.linePos?.[0].line ?? 0) : 0;
          done(
            new AppError(400, 'quality_yaml_invalid', { line }, [
              { path: 'body', key: 'quality_yaml_invalid', params: { line } },
            ]),
            undefined,
          );
        }
      },
    );
    // the dictionary may be published as the CSV its export gives (code lists kept)
    app.addContentTypeParser('text/csv', { parseAs: 'string' }, async (_req: FastifyRequest, body: string) =>
      dictionaryFromCsv(body, (await q.dictionary.current()).codeLists),
    );

    route(app, qualityRoutes.createDatabase, ({ body }, ctx) => q.register.create(ctx, body));
    route(app, qualityRoutes.listDatabases, (_i, ctx) => q.register.list(ctx));
    route(app, qualityRoutes.getDatabase, ({ params }, ctx) => q.register.get(ctx, params.id));
    route(app, qualityRoutes.updateDatabase, ({ params, body }, ctx) =>
      q.register.update(ctx, params.id, body),
    );
    route(app, qualityRoutes.putChecks, ({ params, body }, ctx) =>
      q.register.putChecks(ctx, params.id, body.checks),
    );
    route(app, qualityRoutes.uploadAssessment, async ({ params, request }, ctx) => {
      const file = await sampleToDisk(request, opts.maxUploadBytes);
      return q.assessments.startFile(ctx, params.id, file.path, file.name);
    });
    route(app, qualityRoutes.postgresAssessment, ({ params, body }, ctx) =>
      q.assessments.startPostgres(ctx, params.id, body),
    );
    route(app, qualityRoutes.getAssessment, ({ params }, ctx) => q.assessments.get(ctx, params.id));
    route(app, qualityRoutes.rankings, ({ query }) => q.rankings.rankings(query.year));
    route(app, qualityRoutes.rankingsCsv, async ({ query, reply }) => {
      const r = await q.rankings.csv(query.year);
      return download(reply, r.text, `xep-hang-chat-luong-csdl-${r.year}.csv`);
    });
    route(app, qualityRoutes.dictionary, () => q.dictionary.current());
    route(app, qualityRoutes.dictionaryCsv, async ({ reply }) =>
      download(reply, await q.dictionary.csv(), 'tu-dien-du-lieu-dung-chung.csv'),
    );
    route(app, qualityRoutes.putDictionary, ({ body }, ctx) => q.dictionary.publish(ctx, body));
  };
}
