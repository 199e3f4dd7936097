import { z } from 'zod';
import { IdParams, IsoDate, listOf } from '../common.ts';
import { defineRoutes } from '../route.ts';
import {
  AssignmentReportsResponse,
  CompletenessQuery,
  CompletenessReport,
  Evidence,
  ProgressReport,
  ReportActionBody,
  ReturnReportBody,
  ReviewQueueItem,
  ReviewQueueQuery,
  SaveReportBody,
  TimelineEvent,
} from './reports.schemas.ts';

export * from './reports.schemas.ts';

const tags = ['reports'] as const;

export const reportRoutes = defineRoutes({
  save: {
    method: 'PUT',
    path: '/api/reports/:id',
    summary: 'Create (client-generated id) or update a draft or returned report; Idempotency-Key supported',
    tags,
    params: IdParams,
    body: SaveReportBody,
    response: ProgressReport,
  },
  get: {
    method: 'GET',
    path: '/api/reports/:id',
    summary: 'One report with its evidence',
    tags,
    params: IdParams,
    response: ProgressReport,
  },
  listForAssignment: {
    method: 'GET',
    path: '/api/assignments/:id/reports',
    summary: "An assignment's reports and reporting periods (drafts only for the assigned unit)",
    tags,
    params: IdParams,
    query: z.strictObject({ asOf: IsoDate.optional() }),
    response: AssignmentReportsResponse,
  },
  submit: {
    method: 'POST',
    path: '/api/reports/:id/submit',
    summary: 'Submit (to the unit lead for ministries and provinces, else to the reviewer)',
    tags,
    params: IdParams,
    body: ReportActionBody,
    response: ProgressReport,
  },
  approve: {
    method: 'POST',
    path: '/api/reports/:id/approve',
    summary: "Unit lead approves the unit's report; it goes to the assigning unit",
    tags,
    params: IdParams,
    body: ReportActionBody,
    response: ProgressReport,
  },
  accept: {
    method: 'POST',
    path: '/api/reports/:id/accept',
    summary: "Assigning unit accepts; the assignment takes the report's progress (and completion)",
    tags,
    params: IdParams,
    body: ReportActionBody,
    response: ProgressReport,
  },
  return: {
    method: 'POST',
    path: '/api/reports/:id/return',
    summary: 'Return with a reason (assigning unit for submitted, unit lead for pending_approval)',
    tags,
    params: IdParams,
    body: ReturnReportBody,
    response: ProgressReport,
  },
  withdraw: {
    method: 'POST',
    path: '/api/reports/:id/withdraw',
    summary:
      'The assigned unit takes back a submitted or pending_approval report, until reviewed: back to draft',
    tags,
    params: IdParams,
    body: ReportActionBody,
    response: ProgressReport,
  },
  reviewQueue: {
    method: 'GET',
    path: '/api/review-queue',
    summary: "Reports awaiting the caller's unit's review, and the caller's approval as unit lead",
    tags,
    query: ReviewQueueQuery,
    response: listOf(ReviewQueueItem),
  },
  timeline: {
    method: 'GET',
    path: '/api/assignments/:id/timeline',
    summary: 'Reports and status changes of an assignment, from the audit trail, newest first',
    tags,
    params: IdParams,
    response: listOf(TimelineEvent),
  },
  /**
   * Upload: multipart/form-data with one part named `file` (≤ 10 MB by default, 413 above; 415 when the
   * content is not PDF, Office, PNG, JPEG, WebP or GIF). Not callable through the JSON client: post a
   * FormData with the x-csrf-token header. Answers 201 with the Evidence.
   */
  uploadEvidence: {
    method: 'POST',
    path: '/api/reports/:id/evidence',
    summary: 'Attach an evidence file (multipart field "file"); type checked by content',
    tags,
    params: IdParams,
    response: Evidence,
    status: 201,
  },
  deleteEvidence: {
    method: 'DELETE',
    path: '/api/evidence/:id',
    summary: 'Remove an evidence file while its report is draft or returned',
    tags,
    params: IdParams,
    response: z.object({ ok: z.literal(true) }),
  },
  completeness: {
    method: 'GET',
    path: '/api/reporting/completeness',
    summary: 'Reporting completeness and timeliness per unit for a programme and period (DHIS2-style)',
    tags,
    query: CompletenessQuery,
    response: CompletenessReport,
  },
});

/** Download of an evidence file (binary body; not part of the JSON route table). */
export const EVIDENCE_DOWNLOAD_PATH = '/api/evidence/:id';
