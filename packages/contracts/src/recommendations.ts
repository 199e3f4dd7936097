import { z } from 'zod';
import { IdParams, IsoDateTime, Uuid } from './common.ts';
import { FeedbackStatus } from './feedback.ts';
import { defineRoutes } from './route.ts';

/** From reports to recommendations (issue 10, item 6). */
export const ReportField = z.enum(['difficulties', 'proposals']);
export const PromoteBody = z.strictObject({
  field: ReportField,
  /** A topic code of the feedback module's managed list. */
  topic: z.string().trim().min(1).max(40),
});
export const ReportRecommendation = z.object({
  field: ReportField,
  itemId: Uuid,
  trackingCode: z.string(),
  title: z.string(),
  status: FeedbackStatus,
  unitName: z.string(),
  dueAt: IsoDateTime,
  promotedAt: IsoDateTime,
  /** How many reports cite the same recommendation. */
  citations: z.number().int(),
});
export const Promoted = ReportRecommendation.extend({ created: z.boolean() });
export const SourceReport = z.object({
  reportId: Uuid,
  assignmentId: Uuid,
  field: ReportField,
  period: z.string(),
  taskCode: z.string(),
  taskTitle: z.string(),
  unitName: z.string(),
  text: z.string(),
});
export const CitedRecommendation = z.object({
  itemId: Uuid,
  trackingCode: z.string(),
  title: z.string(),
  status: FeedbackStatus,
  unitName: z.string(),
  citations: z.number().int(),
  /** The published (approved) answer, if any. */
  answer: z.string().nullable(),
  answeredAt: IsoDateTime.nullable(),
});

export const recommendationRoutes = defineRoutes({
  promote: {
    method: 'POST',
    path: '/api/reports/:id/recommendations',
    summary:
      'Promote a report’s difficulties or proposals to a recommendation (a feedback item routed like the others); cited again if the same one is open',
    tags: ['recommendations'],
    status: 201,
    params: IdParams,
    body: PromoteBody,
    response: Promoted,
  },
  forReport: {
    method: 'GET',
    path: '/api/reports/:id/recommendations',
    summary: 'The recommendations a report’s difficulties and proposals became',
    tags: ['recommendations'],
    params: IdParams,
    response: z.object({ items: z.array(ReportRecommendation) }),
  },
  sources: {
    method: 'GET',
    path: '/api/feedback-items/:id/source-reports',
    summary: 'The progress reports a recommendation was promoted from (those the caller may see)',
    tags: ['recommendations'],
    params: IdParams,
    response: z.object({ items: z.array(SourceReport) }),
  },
  mostCited: {
    method: 'GET',
    path: '/api/recommendations/most-cited',
    summary: 'The difficulties most cited by reports, with their answers (items of the caller’s units)',
    tags: ['recommendations'],
    query: z.strictObject({ limit: z.coerce.number().int().min(1).max(100).default(10) }),
    response: z.object({ items: z.array(CitedRecommendation) }),
  },
});
