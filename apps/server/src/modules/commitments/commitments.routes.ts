import type { FastifyInstance } from 'fastify';
import { commitmentRoutes } from '@pilotage/contracts';
import { route } from '../../http/route.ts';
import { IDEMPOTENCY_HEADER, readIdempotencyKey, REPLAYED_HEADER } from '../reports/index.ts';
import type { CommitmentsService } from './commitments.service.ts';

export function commitmentsPlugin(commitments: CommitmentsService) {
  return async (app: FastifyInstance) => {
    route(app, commitmentRoutes.sign, async ({ body, request, reply }, ctx) => {
      const result = await commitments.sign(
        ctx,
        body,
        readIdempotencyKey(request.headers[IDEMPOTENCY_HEADER]),
      );
      if (result.replayed) void reply.header(REPLAYED_HEADER, 'true');
      return result.value;
    });
    route(app, commitmentRoutes.list, ({ query }, ctx) => commitments.list(ctx, query));
    route(app, commitmentRoutes.get, ({ params, query }, ctx) => commitments.get(ctx, params.id, query.asOf));
  };
}
