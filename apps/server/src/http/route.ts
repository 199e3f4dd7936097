import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PUBLIC_SCOPE } from '../modules/org/index.ts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { RouteContract, RouteOutput } from '@pilotage/contracts';
import { AppError } from './errors.ts';
import type { RequestContext } from './context.ts';
import { requestLang } from './lang.ts';

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface HandlerInput<R extends RouteContract> {
  params: Parsed<R['params']>;
  query: Parsed<R['query']>;
  body: Parsed<R['body']>;
  request: FastifyRequest;
  reply: FastifyReply;
}

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext | null;
  }
  interface FastifyContextConfig {
    public?: boolean;
  }
}

/** The caller's context; 401 when there is none (routes are private unless their contract says public). */
export function requireContext(request: FastifyRequest): RequestContext {
  if (!request.ctx) throw new AppError(401, 'unauthenticated');
  return request.ctx;
}

export function langOf(request: FastifyRequest) {
  return request.ctx?.lang ?? requestLang(request);
}

/**
 * Registers a route from its shared contract: the contract's zod schemas validate input, serialize output
 * and feed OpenAPI. Handlers stay thin: take the parsed input, call a service, return its result.
 */
export function route<R extends RouteContract>(
  app: FastifyInstance,
  contract: R,
  handler: (input: HandlerInput<R>, ctx: RequestContext) => Promise<RouteOutput<R>> | RouteOutput<R>,
) {
  const status = contract.status ?? 200;
  app.withTypeProvider<ZodTypeProvider>().route({
    method: contract.method,
    url: contract.path,
    config: { public: contract.public ?? false },
    schema: {
      summary: contract.summary,
      tags: contract.tags ? [...contract.tags] : undefined,
      // OpenAPI: every operation needs a session or an API key (global requirement) unless public
      ...(contract.public ? { security: [] } : {}),
      ...(contract.params ? { params: contract.params } : {}),
      ...(contract.query ? { querystring: contract.query } : {}),
      ...(contract.body ? { body: contract.body } : {}),
      response: { [status]: contract.response },
    },
    // NUL cannot be stored in PostgreSQL text: refuse it with the field's path rather than fail in the database
    preHandler: async (request) => {
      const errors = [
        ...nulPaths(request.params, 'params'),
        ...nulPaths(request.query, 'querystring'),
        ...nulPaths(request.body, 'body'),
      ].map((path) => ({ path, key: 'invalid_characters' as const }));
      if (errors.length) throw new AppError(400, 'validation_failed', {}, errors);
    },
    handler: async (request, reply) => {
      const ctx = contract.public ? (request.ctx ?? anonymousContext(request)) : requireContext(request);
      const input = {
        params: request.params,
        query: request.query,
        body: request.body,
        request,
        reply,
      } as HandlerInput<R>;
      const result = await handler(input, ctx);
      void reply.code(status);
      return result;
    },
  });
}

function anonymousContext(request: FastifyRequest): RequestContext {
  return {
    actor: {
      kind: 'user',
      id: 'anonymous',
      userId: null,
      name: 'anonymous',
      unitId: '',
      roles: [],
      scopeRootId: '',
      scope: PUBLIC_SCOPE,
      csrfToken: null,
    },
    lang: requestLang(request),
    requestId: request.id,
  };
}

/** Paths of the strings that contain a NUL character (parsed JSON only: plain objects and arrays). */
function nulPaths(value: unknown, path: string): string[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => nulPaths(v, `${path}.${i}`));
  const proto: unknown =
    value !== null && typeof value === 'object' ? Object.getPrototypeOf(value) : undefined;
  if (proto === Object.prototype || proto === null) {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => nulPaths(v, `${path}.${k}`));
  }
  return [];
}
