import { existsSync } from 'node:fs';
import path from 'node:path';
import { constants as zlib } from 'node:zlib';
import compress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Vite names everything under assets/ by content hash: a changed file gets a new name, so it never goes stale. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html and un-hashed files (favicon, robots) are revalidated on every load. */
export const REVALIDATE = 'no-cache';

/**
 * Responses are compressed (brotli first, gzip second) above 1 KB: on a 50 kbit/s link a JSON list or the
 * JS bundle shrinks four- to eight-fold. Brotli runs at quality 5, a fraction of the CPU of the default 11
 * for nearly the same size on responses built per request. Downloads already zipped (DOCX, XLSX) are
 * skipped by their content type.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, {
    global: true,
    encodings: ['br', 'gzip'],
    threshold: 1024,
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } },
  });
}

export function cacheControlFor(filePath: string, webDist: string): string {
  const rel = path.relative(webDist, filePath).split(path.sep);
  return rel.length > 1 && rel[0] === 'assets' ? IMMUTABLE : REVALIDATE;
}

/** Serves the built web app when apps/web/dist (config.webDist) holds one; answers whether it does. */
export async function registerWebApp(app: FastifyInstance, webDist: string): Promise<boolean> {
  if (!existsSync(path.join(webDist, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root: webDist,
    wildcard: false,
    index: ['index.html'],
    cacheControl: false,
    setHeaders: (res, filePath) => {
      res.setHeader('cache-control', cacheControlFor(filePath, webDist));
    },
  });
  return true;
}
