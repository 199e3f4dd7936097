import { z } from 'zod';
import { Uuid } from '../common.ts';
import { defineRoutes } from '../route.ts';
import { ReportStatus } from './enums.ts';

/** At most this many reports in one bulk decision (one page of the queue at its largest). */
export const BULK_REVIEW_MAX = 100;

export const BulkAcceptBody = z.strictObject({
  ids: z.array(Uuid).min(1).max(BULK_REVIEW_MAX),
  note: z.string().trim().max(2000).nullable().optional(),
});

/**
 * One report's outcome: accepted now, already accepted before (a retried or double request changes
 * nothing), or refused (not visible → not_found, not the caller's to review → forbidden, no longer waiting
 * for review → invalid_status) with a human message in the caller's language.
 */
export const BulkItemResult = z.object({
  id: Uuid,
  outcome: z.enum(['accepted', 'already_accepted', 'refused']),
  status: ReportStatus.nullable(),
  message: z.string().nullable(),
});
export type BulkItemResult = z.infer<typeof BulkItemResult>;

export const BulkAcceptResult = z.object({
  accepted: z.number().int(),
  alreadyAccepted: z.number().int(),
  refused: z.number().int(),
  results: z.array(BulkItemResult),
});
export type BulkAcceptResult = z.infer<typeof BulkAcceptResult>;

/** A reason to return a report with, as the reviewing unit used it before (most used first). */
export const ReturnReason = z.object({ text: z.string(), uses: z.number().int() });
export type ReturnReason = z.infer<typeof ReturnReason>;

export const reviewQueueRoutes = defineRoutes({
  acceptMany: {
    method: 'POST',
    path: '/api/reviews/accept',
    summary:
      'Accept several submitted reports in one transaction (each audited, with its event); per-report result; Idempotency-Key supported',
    tags: ['reports'],
    body: BulkAcceptBody,
    response: BulkAcceptResult,
  },
  returnReasons: {
    method: 'GET',
    path: '/api/reviews/return-reasons',
    summary: "Reasons the caller's unit returned reports with, most used first (to pick from)",
    tags: ['reports'],
    response: z.object({ items: z.array(ReturnReason) }),
  },
});
