import { z } from 'zod';
import { IdParams, IsoDate, Pagination, Uuid, listOf } from '../common.ts';
import { defineRoutes } from '../route.ts';
import { DocumentType, ReportingFrequency, StatusCounts } from './enums.ts';

export const DirectiveDocument = z.object({
  id: Uuid,
  code: z.string(),
  title: z.string(),
  docType: DocumentType,
  issuer: z.string(),
  issuedOn: IsoDate,
});
export type DirectiveDocument = z.infer<typeof DirectiveDocument>;

export const CreateDocumentBody = z.strictObject({
  code: z.string().trim().min(1).max(60),
  title: z.string().trim().min(1).max(500),
  docType: DocumentType,
  issuer: z.string().trim().min(1).max(200),
  issuedOn: IsoDate,
});

export const Programme = z.object({
  id: Uuid,
  code: z.string(),
  title: z.string(),
  documentId: Uuid.nullable(),
  document: DirectiveDocument.nullable(),
  ownerUnitId: Uuid,
  ownerUnitName: z.string(),
  periodStart: IsoDate,
  periodEnd: IsoDate,
  reportingFrequency: ReportingFrequency,
  atRiskMargin: z.number().int(),
  reportDueDays: z.number().int(),
  escalationDays: z.number().int(),
  taskCount: z.number().int(),
});
export type Programme = z.infer<typeof Programme>;

export const CreateProgrammeBody = z.strictObject({
  code: z.string().trim().min(1).max(60),
  title: z.string().trim().min(1).max(500),
  documentId: Uuid.nullable().optional(),
  ownerUnitId: Uuid,
  periodStart: IsoDate,
  periodEnd: IsoDate,
  reportingFrequency: ReportingFrequency.default('monthly'),
  atRiskMargin: z.number().int().min(0).max(100).default(20),
  reportDueDays: z.number().int().min(0).max(60).default(5),
  escalationDays: z.number().int().min(0).max(365).default(7),
});

export const AsOfQuery = z.strictObject({ asOf: IsoDate.optional() });

export const UnitStatusRow = z.object({
  unitId: Uuid,
  unitName: z.string(),
  /** English name (ministries, central bodies): shown in the English UI. */
  unitNameEn: z.string().nullable().optional(),
  unitKind: z.string(),
  total: z.number().int(),
  byStatus: StatusCounts,
  atRisk: z.number().int(),
});

export const ProgrammeSummary = z.object({
  programmeId: Uuid,
  asOf: IsoDate,
  total: z.number().int(),
  completed: z.number().int(),
  byStatus: StatusCounts,
  atRisk: z.number().int(),
  byCategory: z.array(z.object({ category: z.string(), total: z.number().int(), byStatus: StatusCounts })),
  /** Assignments of directly assigned units (ministries, provinces…), per unit. */
  byUnit: z.array(UnitStatusRow),
});
export type ProgrammeSummary = z.infer<typeof ProgrammeSummary>;

export const programmeRoutes = defineRoutes({
  listDocuments: {
    method: 'GET',
    path: '/api/documents',
    summary: 'Directive documents that assign work',
    tags: ['tasks'],
    query: z.strictObject({ q: z.string().trim().max(100).optional(), ...Pagination }),
    response: listOf(DirectiveDocument),
  },
  createDocument: {
    method: 'POST',
    path: '/api/documents',
    summary: 'Register a directive document (steering staff)',
    tags: ['tasks'],
    body: CreateDocumentBody,
    response: DirectiveDocument,
    status: 201,
  },
  list: {
    method: 'GET',
    path: '/api/programmes',
    summary: 'Programmes (every signed-in user sees the list; contents are scoped)',
    tags: ['tasks'],
    query: z.strictObject({ q: z.string().trim().max(100).optional(), ...Pagination }),
    response: listOf(Programme),
  },
  create: {
    method: 'POST',
    path: '/api/programmes',
    summary: 'Create a programme implementing a document',
    tags: ['tasks'],
    body: CreateProgrammeBody,
    response: Programme,
    status: 201,
  },
  get: {
    method: 'GET',
    path: '/api/programmes/:id',
    summary: 'One programme',
    tags: ['tasks'],
    params: IdParams,
    response: Programme,
  },
  summary: {
    method: 'GET',
    path: '/api/programmes/:id/summary',
    summary: 'Status totals of a programme as of a date (tasks rolled up from their assignments)',
    tags: ['tasks'],
    params: IdParams,
    query: AsOfQuery,
    response: ProgrammeSummary,
  },
});
