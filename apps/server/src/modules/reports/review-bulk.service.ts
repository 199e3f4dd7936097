import type { BulkAcceptBody, BulkAcceptResult, BulkItemResult, ReturnReason } from '@pilotage/contracts';
import type { z } from 'zod';
import type { Db } from '../../db/database.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { t } from '../../http/messages.ts';
import { runIdempotent, type IdempotentResult } from './idempotency.ts';
import type { ReportWorkflow } from './reports.workflow.ts';
import { reviewRepository } from './review.repository.ts';

/**
 * The reviewer at 100+ reports: accept many in ONE transaction. Each report goes through the same accept
 * transition as one click (visibility, reviewer check, lock, audit, domain event, stored status), inside a
 * savepoint so a refused report changes nothing and does not stop the others. A report accepted already
 * (a retried request, two reviewers at once) answers `already_accepted`, not an error.
 */
export class ReviewBulkService {
  constructor(
    private readonly db: Db,
    private readonly workflow: ReportWorkflow,
  ) {}

  acceptMany(
    ctx: RequestContext,
    body: z.infer<typeof BulkAcceptBody>,
    key?: string,
  ): Promise<IdempotentResult<BulkAcceptResult>> {
    // locks are taken in id order, so two bulk decisions over the same reports cannot deadlock
    const ids = [...new Set(body.ids)].sort();
    const note = body.note ? { note: body.note } : {};
    return runIdempotent(
      this.db,
      ctx,
      { key, status: 200, fingerprint: { method: 'POST', path: '/api/reviews/accept', body } },
      async (tx) => {
        const workflow = this.workflow.within(tx);
        const byId = new Map<string, BulkItemResult>();
        for (const id of ids) {
          await reviewRepository.savepoint(tx);
          try {
            const { value } = await workflow.accept(ctx, id, note);
            await reviewRepository.release(tx);
            byId.set(id, { id, outcome: 'accepted', status: value.status, message: null });
          } catch (error) {
            await reviewRepository.rollbackTo(tx);
            if (!(error instanceof AppError)) throw error;
            byId.set(id, refusal(ctx, id, error));
          }
        }
        const results = body.ids.filter((id, i) => body.ids.indexOf(id) === i).map((id) => byId.get(id)!);
        const count = (o: BulkItemResult['outcome']) => results.filter((r) => r.outcome === o).length;
        return {
          accepted: count('accepted'),
          alreadyAccepted: count('already_accepted'),
          refused: count('refused'),
          results,
        };
      },
    );
  }

  /** Reasons the caller's unit returned reports with, to pick from instead of typing again. */
  async returnReasons(ctx: RequestContext): Promise<{ items: ReturnReason[] }> {
    return { items: await reviewRepository.returnReasons(this.db, ctx.actor.unitId) };
  }
}

function refusal(ctx: RequestContext, id: string, error: AppError): BulkItemResult {
  const status = typeof error.params.status === 'string' ? error.params.status : null;
  if (error.key === 'report_invalid_transition' && status === 'accepted')
    return { id, outcome: 'already_accepted', status: 'accepted', message: null };
  return {
    id,
    outcome: 'refused',
    status: error.key === 'report_invalid_transition' ? (status as BulkItemResult['status']) : null,
    message: t(ctx.lang, error.key, error.params),
  };
}
