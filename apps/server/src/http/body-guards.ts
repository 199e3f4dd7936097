import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.ts';

/**
 * Guards on request bodies before any code walks them (issue 7 item 12).
 *
 * - JSON nesting: a 1 MB body of `[[[[…]]]]` nests 500,000 levels; walking it recursively (the NUL check,
 *   prototype-poisoning scan, zod) overflows the stack and answered 500. Bodies nested deeper than
 *   MAX_JSON_DEPTH are refused with a 400 before they are parsed; the scan is a loop, not a recursion.
 * - Malformed multipart (no boundary, truncated parts): busboy's errors become a 400 problem.
 */
export const MAX_JSON_DEPTH = 32;

/** The deepest nesting of arrays and objects in a JSON text (strings skipped), stopping past `limit`. */
export function jsonDepth(text: string, limit = MAX_JSON_DEPTH): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) max = depth;
      if (max > limit) return max;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}

/** Replaces the JSON body parser with one that refuses too deeply nested bodies (then parses as before). */
export function registerJsonDepthGuard(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (jsonDepth(text) > MAX_JSON_DEPTH) {
      done(
        new AppError(400, 'json_too_deep', { max: MAX_JSON_DEPTH }, [
          { path: 'body', key: 'json_too_deep', params: { max: MAX_JSON_DEPTH } },
        ]),
        undefined,
      );
      return;
    }
    void parse(request, text, done);
  });
}

const MALFORMED_MULTIPART =
  /^(Multipart: Boundary not found|Unexpected end of (form|multipart data)|Malformed part header|Malformed urlencoded form)/;

/** An upload whose multipart framing is broken (no boundary, truncated): the client's fault, a 400. */
export function isMalformedMultipart(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return (
    MALFORMED_MULTIPART.test(error.message) ||
    code === 'FST_INVALID_MULTIPART_CONTENT_TYPE' ||
    // the part's stream ended before its closing boundary (a truncated upload)
    code === 'ERR_STREAM_PREMATURE_CLOSE' ||
    code === 'FST_PROTO_VIOLATION'
  );
}
