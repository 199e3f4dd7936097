import { z } from 'zod';
import { IsoDate, IsoDateTime, Pagination, Uuid, listOf } from './common.ts';
import { defineRoutes } from './route.ts';

export const AuditEvent = z.object({
  id: Uuid,
  /** Place in the chain; null while the event waits for the sealer (a few seconds). */
  seq: z.number().int().nullable(),
  occurredAt: IsoDateTime,
  actorUserId: Uuid.nullable(),
  actorName: z.string().nullable(),
  actorUnitId: Uuid.nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  requestId: z.string().nullable(),
  hash: z.string().nullable(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditQuery = z.strictObject({
  action: z.string().max(100).optional(),
  entityType: z.string().max(100).optional(),
  entityId: z.string().max(100).optional(),
  actorUserId: Uuid.optional(),
  unitId: Uuid.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  ...Pagination,
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const auditRoutes = defineRoutes({
  list: {
    method: 'GET',
    path: '/api/audit',
    summary: 'Browse the audit trail (admins; newest first)',
    tags: ['audit'],
    query: AuditQuery,
    response: listOf(AuditEvent),
  },
});
