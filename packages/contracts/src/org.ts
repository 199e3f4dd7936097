import { z } from 'zod';
import { IdParams, IsoDate, Pagination, Uuid, listOf } from './common.ts';
import { defineRoutes } from './route.ts';

export const ORG_UNIT_KINDS = ['national', 'central_body', 'ministry', 'province', 'commune'] as const;
export const OrgUnitKind = z.enum(ORG_UNIT_KINDS);
export type OrgUnitKind = z.infer<typeof OrgUnitKind>;

export const OrgUnit = z.object({
  id: Uuid,
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  kind: OrgUnitKind,
  parentId: Uuid.nullable(),
  validFrom: IsoDate,
  validTo: IsoDate.nullable(),
  /** A former unit's successor (the 63 provinces before 1 July 2025 → the 34). */
  successorId: Uuid.nullable().optional(),
  childCount: z.number().int().nonnegative().optional(),
});
export type OrgUnit = z.infer<typeof OrgUnit>;

export const OrgUnitListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  kind: OrgUnitKind.optional(),
  parentId: Uuid.optional(),
  /** The official code (2 digits for a province, 5 for a commune; ministries' stable codes). */
  code: z.string().trim().min(1).max(50).optional(),
  /** Units valid on that date (former units too) instead of today's units. */
  validOn: IsoDate.optional(),
  ...Pagination,
});
export type OrgUnitListQuery = z.infer<typeof OrgUnitListQuery>;

export const orgRoutes = defineRoutes({
  list: {
    method: 'GET',
    path: '/api/org-units',
    summary: 'List and search org units (diacritic-insensitive), limited to what the caller may see',
    tags: ['org'],
    query: OrgUnitListQuery,
    response: listOf(OrgUnit),
  },
  get: {
    method: 'GET',
    path: '/api/org-units/:id',
    summary: 'One org unit with its ancestors',
    tags: ['org'],
    params: IdParams,
    response: OrgUnit.extend({ ancestors: z.array(OrgUnit) }),
  },
  children: {
    method: 'GET',
    path: '/api/org-units/:id/children',
    summary: 'Direct children of an org unit',
    tags: ['org'],
    params: IdParams,
    query: z.strictObject({ ...Pagination, limit: Pagination.limit.default(500) }),
    response: listOf(OrgUnit),
  },
});
