import type { FastifyInstance } from 'fastify';
import { type AuthService, SESSION_COOKIE } from '../modules/identity/index.ts';
import { AppError } from './errors.ts';
import { requestLang } from './lang.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** What a user whose password was reset may still do before changing it. */
const WHILE_PASSWORD_MUST_CHANGE = new Set(['/api/me', '/api/auth/password', '/api/auth/logout']);
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Resolves the caller (API key or session cookie) before validation, so that an anonymous call to a private
 * route is a 401 whatever its input. Cookie-authenticated writes must echo the session's CSRF token.
 */
export function registerAuthHook(app: FastifyInstance, auth: AuthService) {
  app.decorateRequest('ctx', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/') || /^\/api\/docs(?:[/?]|$)/.test(request.url)) return;
    const lang = requestLang(request);
    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ')) {
      const actor = await auth.fromApiKey(authorization.slice(7).trim());
      if (!actor) throw new AppError(401, 'unauthenticated');
      request.ctx = { actor, lang, requestId: request.id };
    } else {
      const token = request.cookies[SESSION_COOKIE];
      const actor = token ? await auth.fromSession(token) : null;
      if (actor) {
        request.ctx = { actor, lang, requestId: request.id };
        const isPublic = request.routeOptions.config.public === true;
        if (
          !SAFE_METHODS.has(request.method) &&
          !isPublic &&
          request.headers[CSRF_HEADER] !== actor.csrfToken
        ) {
          throw new AppError(403, 'csrf_failed');
        }
        if (actor.mustChangePassword && !WHILE_PASSWORD_MUST_CHANGE.has(request.routeOptions.url ?? ''))
          throw new AppError(403, 'password_change_required');
      }
    }
    if (!request.ctx && request.routeOptions.config.public !== true)
      throw new AppError(401, 'unauthenticated');
  });
}
