import type { Lang } from '@pilotage/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { langFromHeader } from './messages.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The language the user chose in the UI (`?lang=vi|en`), when the request carries it. */
    chosenLang: Lang | null;
  }
}

/**
 * The language of an answer: the one the user chose in the UI first, the browser's Accept-Language second.
 * The web client sends its language as Accept-Language on every API call; plain download links (review
 * report, exports), which the browser fetches with its own Accept-Language, carry `?lang=` instead. Any
 * route takes `lang` in its query: the hook removes it before the route's own (strict) query schema runs.
 */
export function registerLanguage(app: FastifyInstance): void {
  app.decorateRequest('chosenLang', null);
  app.addHook('onRequest', async (request) => {
    const query = request.query as Record<string, unknown> | undefined;
    if (!query || typeof query !== 'object' || !('lang' in query)) return;
    const value = query.lang;
    delete query.lang;
    if (value === 'vi' || value === 'en') request.chosenLang = value;
  });
}

export function requestLang(request: FastifyRequest): Lang {
  return request.chosenLang ?? langFromHeader(request.headers['accept-language']);
}
