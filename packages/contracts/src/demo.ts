import { z } from 'zod';
import { defineRoutes } from './route.ts';

export const DemoRemoval = z.object({
  /** Demo accounts disabled by this call (already removed ones are not counted again). */
  removed: z.number().int(),
  usernames: z.array(z.string()),
});
export type DemoRemoval = z.infer<typeof DemoRemoval>;

export const demoRoutes = defineRoutes({
  removeAccounts: {
    method: 'POST',
    path: '/api/admin/demo/remove',
    summary: 'Remove every demo account (national administrators)',
    tags: ['identity'],
    response: DemoRemoval,
  },
});
