import type { FastifyInstance } from 'fastify';
import { identityRoutes } from '@pilotage/contracts';
import { route } from '../../http/route.ts';
import { AppError } from '../../http/errors.ts';
import type { AuthService } from './auth.service.ts';
import type { UsersService } from './users.service.ts';

export const SESSION_COOKIE = 'pilotage_session';

export function identityPlugin(auth: AuthService, users: UsersService, cookie: { secure: boolean }) {
  return async (app: FastifyInstance) => {
    route(app, identityRoutes.login, async ({ body, request, reply }) => {
      const result = await auth
        .login({
          ...body,
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
          requestId: request.id,
        })
        .catch((error: unknown) => {
          // failed and throttled sign-ins go to the server log too (the audit trail has them as well)
          if (error instanceof AppError)
            request.log.warn(
              { username: body.username.slice(0, 64), ip: request.ip, status: error.status },
              'login refused',
            );
          throw error;
        });
      void reply.setCookie(SESSION_COOKIE, result.sessionToken, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: cookie.secure,
        expires: result.expiresAt,
      });
      return result.me;
    });
    route(app, identityRoutes.logout, async ({ request, reply }, ctx) => {
      await auth.logout(ctx, request.cookies[SESSION_COOKIE]);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    });
    route(app, identityRoutes.me, (_, ctx) => auth.me(ctx));
    route(app, identityRoutes.changePassword, async ({ body, request }, ctx) => {
      await auth.changePassword(ctx, body, request.cookies[SESSION_COOKIE]);
      return { ok: true as const };
    });
    route(app, identityRoutes.resetPassword, ({ params, body }, ctx) =>
      users.resetPassword(ctx, params.id, body.temporaryPassword),
    );
    route(app, identityRoutes.listUsers, ({ query }, ctx) => users.list(ctx, query));
    route(app, identityRoutes.createUser, ({ body }, ctx) => users.create(ctx, body));
    route(app, identityRoutes.getUser, ({ params }, ctx) => users.get(ctx, params.id));
    route(app, identityRoutes.updateUser, ({ params, body }, ctx) => users.update(ctx, params.id, body));
    route(app, identityRoutes.listApiKeys, ({ query }, ctx) => users.listApiKeys(ctx, query));
    route(app, identityRoutes.createApiKey, ({ body }, ctx) => users.createApiKey(ctx, body));
    route(app, identityRoutes.revokeApiKey, ({ params }, ctx) => users.revokeApiKey(ctx, params.id));
  };
}
