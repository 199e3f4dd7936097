import type { ProgressReport, ReportStatus } from '@pilotage/contracts';
import type { Db } from '../../db/database.ts';
import type { Tx } from '../../db/transaction.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError, forbidden } from '../../http/errors.ts';
import type { AuditService } from '../audit/index.ts';
import { recordEvents, type DomainEvent, type ReportFacts } from '../events/index.ts';
import { refreshStatuses } from '../tasks/index.ts';
import { runIdempotent } from './idempotency.ts';
import { partiesOf } from './reports.mapper.ts';
import {
  canApprove,
  canReview,
  canWrite,
  EDITABLE,
  requiresApproval,
  WITHDRAWABLE,
} from './reports.policy.ts';
import { reportsRepository, type ReportRow } from './reports.repository.ts';
import { checkCompletion, reportSnapshot } from './reports.rules.ts';
import type { ReportsService } from './reports.service.ts';

type Action = 'submit' | 'approve' | 'accept' | 'return' | 'withdraw';

const invalid = (status: string) => new AppError(409, 'report_invalid_transition', { status });

/** A report says what was done: no submitting an empty one (the draft may stay empty while it is written). */
function checkNarrative(narrative: string | null) {
  if (narrative === null || narrative.trim() === '') {
    throw new AppError(400, 'report_narrative_required', {}, [
      { path: 'narrative', key: 'report_narrative_required' },
    ]);
  }
}

/**
 * The report workflow. Each transition locks the report row, checks the caller and the current status,
 * writes, audits and records its domain event in ONE transaction (optionally idempotent); the event
 * dispatcher turns the events into notifications and e-mails.
 */
export class ReportWorkflow {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly reports: ReportsService,
    /** Bound to a caller's open transaction (bulk review): transitions run in it, without keys of their own. */
    private readonly outer?: Tx,
  ) {}

  /** The same workflow running its transitions inside `tx` (one transaction for many reports). */
  within(tx: Tx): ReportWorkflow {
    return new ReportWorkflow(this.db, this.audit, this.reports, tx);
  }

  private async transition(
    ctx: RequestContext,
    id: string,
    action: Action,
    body: unknown,
    key: string | undefined,
    apply: (tx: Tx, r: ReportRow, now: Date) => Promise<DomainEvent[]>,
  ): Promise<{ value: ProgressReport; replayed: boolean }> {
    return (this.outer ? inOuter(this.outer) : runIdempotent)(
      this.db,
      ctx,
      {
        key,
        status: 200,
        fingerprint: { method: 'POST', path: `/api/reports/${id}/${action}`, body: body ?? null },
      },
      async (tx) => {
        await this.reports.visibleReport(tx, ctx, id);
        await reportsRepository.lockReport(tx, id);
        const before = (await reportsRepository.findReport(tx, id))!;
        const events = await apply(tx, before, new Date());
        // the stored status follows the report in the same transaction (ADR 0010)
        await refreshStatuses(tx, [before.id]);
        const after = (await reportsRepository.findReport(tx, id))!;
        await this.audit.record(tx, ctx, {
          action: `report.${action}`,
          entityType: 'progress_report',
          entityId: id,
          before: reportSnapshot(before),
          after: { ...reportSnapshot(after), note: noteOf(body) },
        });
        await recordEvents(
          tx,
          events.map((event) => ({ event, options: { actorUserId: ctx.actor.userId } })),
        );
        return this.reports.dto(tx, ctx, id);
      },
    );
  }

  /** Draft/returned → pending_approval (ministry, province; unless a lead submits) or submitted. */
  submit(ctx: RequestContext, id: string, body: unknown, key?: string) {
    return this.transition(ctx, id, 'submit', body, key, async (tx, r, now) => {
      const p = partiesOf(r);
      if (!canWrite(ctx.actor, p)) throw forbidden('report_not_writer');
      if (!EDITABLE.has(r.status as ReportStatus)) throw invalid(r.status);
      checkCompletion(r, { progress: r.report_progress, completedOn: r.report_completed_on }, true);
      checkNarrative(r.narrative);
      const needsLead = requiresApproval(r.unit_kind) && !canApprove(ctx.actor, p);
      const base = { submitted_by: ctx.actor.userId, reviewed_by: null, reviewed_at: null, updated_at: now };
      if (needsLead) {
        await reportsRepository.update(tx, id, {
          ...base,
          status: 'pending_approval',
          submitted_at: null,
          approved_by: null,
          approved_at: null,
        });
        return [{ type: 'report.approval_requested', ...facts(r) }];
      }
      const approval = requiresApproval(r.unit_kind)
        ? { approved_by: ctx.actor.userId, approved_at: now }
        : { approved_by: null, approved_at: null };
      await reportsRepository.update(tx, id, {
        ...base,
        ...approval,
        status: 'submitted',
        submitted_at: now,
      });
      return [{ type: 'report.submitted', ...facts(r) }];
    });
  }

  /** pending_approval → submitted, by a unit_lead of the assigned unit. */
  approve(ctx: RequestContext, id: string, body: unknown, key?: string) {
    return this.transition(ctx, id, 'approve', body, key, async (tx, r, now) => {
      if (!canApprove(ctx.actor, partiesOf(r))) throw forbidden('report_not_lead');
      if (r.status !== 'pending_approval') throw invalid(r.status);
      await reportsRepository.update(tx, id, {
        status: 'submitted',
        approved_by: ctx.actor.userId,
        approved_at: now,
        submitted_at: now,
        updated_at: now,
      });
      return [{ type: 'report.submitted', ...facts(r) }];
    });
  }

  /** submitted → returned (assigning unit), or pending_approval → returned (the unit's lead). */
  returnReport(ctx: RequestContext, id: string, body: { reason: string }, key?: string) {
    return this.transition(ctx, id, 'return', body, key, async (tx, r, now) => {
      const p = partiesOf(r);
      if (r.status === 'submitted') {
        if (!canReview(ctx.actor, p)) throw forbidden('report_not_reviewer');
        await reportsRepository.update(tx, id, {
          status: 'returned',
          return_reason: body.reason,
          reviewed_by: ctx.actor.userId,
          reviewed_at: now,
          updated_at: now,
        });
      } else if (r.status === 'pending_approval') {
        if (!canApprove(ctx.actor, p)) throw forbidden('report_not_lead');
        await reportsRepository.update(tx, id, {
          status: 'returned',
          return_reason: body.reason,
          updated_at: now,
        });
      } else {
        if (!canReview(ctx.actor, p) && !canApprove(ctx.actor, p)) throw forbidden('report_not_reviewer');
        throw invalid(r.status);
      }
      return [{ type: 'report.returned', ...facts(r), reason: body.reason }];
    });
  }

  /**
   * submitted or pending_approval → draft, by a writer of the assigned unit, until the report is reviewed:
   * the approval and submission are cleared, the reviewers' queue no longer lists it.
   */
  withdraw(ctx: RequestContext, id: string, body: unknown, key?: string) {
    return this.transition(ctx, id, 'withdraw', body, key, async (tx, r, now) => {
      if (!canWrite(ctx.actor, partiesOf(r))) throw forbidden('report_not_writer');
      if (!WITHDRAWABLE.has(r.status as ReportStatus)) throw invalid(r.status);
      await reportsRepository.update(tx, id, {
        status: 'draft',
        submitted_at: null,
        submitted_by: null,
        approved_by: null,
        approved_at: null,
        updated_at: now,
      });
      return [{ type: 'report.withdrawn', ...facts(r) }];
    });
  }

  /**
   * submitted → accepted, by the assigning unit. The assignment takes the report's progress unless a later
   * period was accepted already; a completion report also sets its completion date and product.
   */
  accept(ctx: RequestContext, id: string, body: unknown, key?: string) {
    return this.transition(ctx, id, 'accept', body, key, async (tx, r, now) => {
      if (!canReview(ctx.actor, partiesOf(r))) throw forbidden('report_not_reviewer');
      if (r.status !== 'submitted') throw invalid(r.status);
      await reportsRepository.update(tx, id, {
        status: 'accepted',
        reviewed_by: ctx.actor.userId,
        reviewed_at: now,
        updated_at: now,
      });
      const latest = await reportsRepository.latestAcceptedEnd(tx, r.id, id);
      const completes = r.report_completed_on !== null && !r.is_continuous;
      if (completes || latest === null || r.period_end >= latest) {
        const before = { progress: r.progress, completedOn: r.completed_on, product: r.product };
        const after = completes
          ? { progress: 100, completedOn: r.report_completed_on, product: r.report_product ?? r.product }
          : { progress: r.report_progress, completedOn: r.completed_on, product: r.product };
        await reportsRepository.updateAssignment(tx, r.id, {
          progress: after.progress,
          completed_on: after.completedOn,
          product: after.product,
        });
        await this.audit.record(tx, ctx, {
          action: completes ? 'assignment.completed' : 'assignment.progress',
          entityType: 'assignment',
          entityId: r.id,
          before,
          after: { ...after, reportId: id, period: r.period },
        });
      }
      return [{ type: 'report.accepted', ...facts(r) }];
    });
  }
}

const noteOf = (body: unknown) =>
  body && typeof body === 'object' && 'note' in body && typeof body.note === 'string' ? body.note : null;

const facts = (r: ReportRow): ReportFacts => ({
  reportId: r.report_id,
  assignmentId: r.id,
  period: r.period,
  unitId: r.unit_id,
  unitName: r.unit_name,
  assignedByUnitId: r.assigned_by_unit_id,
  taskCode: r.task_code,
  taskTitle: r.task_title,
  progress: r.report_progress,
});

/** Runs a transition inside a caller's transaction: the caller holds the idempotency key. */
const inOuter =
  (tx: Tx): typeof runIdempotent =>
  async (_db, _ctx, _req, fn) => ({ value: await fn(tx), replayed: false });
