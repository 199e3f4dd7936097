import { z } from 'zod';
import { defineRoutes } from './route.ts';

export const healthRoutes = defineRoutes({
  health: {
    method: 'GET',
    path: '/api/health',
    summary: 'Liveness and migration state',
    tags: ['system'],
    public: true,
    response: z.object({
      status: z.literal('ok'),
      database: z.enum(['pglite', 'postgres']),
      migrations: z.number().int(),
    }),
  },
});
