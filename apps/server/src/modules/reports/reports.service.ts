import {
  dueOn,
  frequencyOfKey,
  isPeriodKey,
  periodBounds,
  periodOf,
  reportingPeriods,
  todayVn,
  vnDate,
  canSeeAssignment,
} from '../tasks/index.ts';
import type { z } from 'zod';
import type {
  AssignmentReportsResponse,
  ProgressReport,
  ReportStatus,
  ReviewQueueItem,
  ReviewQueueQuery,
  SaveReportBody,
} from '@pilotage/contracts';
import type { Db } from '../../db/database.ts';
import type { Executor, Tx } from '../../db/transaction.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError, conflict, forbidden, notFound } from '../../http/errors.ts';
import type { AuditService } from '../audit/index.ts';
import { evidenceRepository } from './evidence.repository.ts';
import { runIdempotent } from './idempotency.ts';
import { partiesOf, toReport } from './reports.mapper.ts';
import { canApprove, canReview, canWrite, EDITABLE, isInternal, isMember } from './reports.policy.ts';
import { reportsRepository, type ReportAssignmentRow, type ReportRow } from './reports.repository.ts';
import { badField, checkCompletion, frequencyOf, reportSnapshot } from './reports.rules.ts';

export class ReportsService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
  ) {}

  /** Visible: the assignment is visible (tasks.policy), and drafts only to the assigned unit itself. */
  async canSee(
    ex: Executor,
    ctx: RequestContext,
    a: ReportAssignmentRow,
    status: ReportStatus | null,
  ): Promise<boolean> {
    if (status && isInternal(status) && !isMember(ctx.actor, partiesOf(a))) return false;
    return canSeeAssignment(ex, ctx.actor, a);
  }

  /** A report the caller may see, else 404 (its existence is not disclosed). */
  async visibleReport(ex: Executor, ctx: RequestContext, id: string): Promise<ReportRow> {
    const row = await reportsRepository.findReport(ex, id);
    if (!row || !(await this.canSee(ex, ctx, row, row.status as ReportStatus)))
      throw notFound('report_not_found');
    return row;
  }

  async dto(ex: Executor, ctx: RequestContext, id: string): Promise<ProgressReport> {
    const row = await reportsRepository.findReport(ex, id);
    if (!row) throw notFound('report_not_found');
    return toReport(row, await evidenceRepository.listMeta(ex, [id]), ctx.actor);
  }

  async get(ctx: RequestContext, id: string): Promise<ProgressReport> {
    const row = await this.visibleReport(this.db, ctx, id);
    return toReport(row, await evidenceRepository.listMeta(this.db, [id]), ctx.actor);
  }

  /** PUT: creates the report under the client's id, or updates it while draft or returned. */
  async save(ctx: RequestContext, id: string, body: SaveReportBody, idempotencyKey?: string) {
    return runIdempotent(
      this.db,
      ctx,
      { key: idempotencyKey, status: 200, fingerprint: { method: 'PUT', path: `/api/reports/${id}`, body } },
      async (tx) => {
        const existing = await reportsRepository.findReport(tx, id);
        return existing ? this.update(tx, ctx, existing, body) : this.create(tx, ctx, id, body);
      },
    );
  }

  private async create(
    tx: Tx,
    ctx: RequestContext,
    id: string,
    body: SaveReportBody,
  ): Promise<ProgressReport> {
    const a = await reportsRepository.findAssignment(tx, body.assignmentId);
    if (!a || !(await canSeeAssignment(tx, ctx.actor, a)))
      throw badField('assignmentId', 'report_assignment_not_found');
    if (!canWrite(ctx.actor, partiesOf(a))) throw forbidden('report_not_writer');
    const freq = frequencyOf(a);
    const today = todayVn();
    if (!isPeriodKey(body.period) || frequencyOfKey(body.period) !== freq) {
      throw badField('period', 'report_period_frequency', {
        frequency: freq,
        example: periodOf(today, freq),
      });
    }
    const bounds = periodBounds(body.period);
    if (bounds.end < a.start_date)
      throw badField('period', 'report_period_out_of_range', { period: body.period });
    if (bounds.start > today) throw badField('period', 'report_period_future', { period: body.period });
    const completedOn = body.completedOn ?? null;
    checkCompletion(a, { progress: body.progress, completedOn }, false);
    const sameTerm = await reportsRepository.findByPeriod(tx, a.id, body.period);
    if (sameTerm) {
      // a concurrent retry of this very report committed since we looked: it becomes an update
      const retried = sameTerm.id === id ? await reportsRepository.findReport(tx, id) : undefined;
      if (retried) return this.update(tx, ctx, retried, body);
      throw periodTaken(body.period);
    }
    const inserted = await reportsRepository.insert(tx, {
      id,
      assignment_id: a.id,
      period: body.period,
      period_start: bounds.start,
      period_end: bounds.end,
      due_on: dueOn(body.period, a.report_due_days),
      progress: body.progress,
      narrative: body.narrative ?? null,
      difficulties: body.difficulties ?? null,
      proposals: body.proposals ?? null,
      product: body.product ?? null,
      completed_on: completedOn,
      status: 'draft',
      created_by: ctx.actor.userId,
      updated_at: new Date(),
    });
    if (!inserted) {
      // a concurrent request committed first: the same id (a retry) becomes an update, else the period is taken
      const existing = await reportsRepository.findReport(tx, id);
      if (existing) return this.update(tx, ctx, existing, body);
      throw periodTaken(body.period);
    }
    const row = (await reportsRepository.findReport(tx, id))!;
    await this.audit.record(tx, ctx, {
      action: 'report.create',
      entityType: 'progress_report',
      entityId: id,
      after: reportSnapshot(row),
    });
    return this.dto(tx, ctx, id);
  }

  private async update(
    tx: Tx,
    ctx: RequestContext,
    before: ReportRow,
    body: SaveReportBody,
  ): Promise<ProgressReport> {
    // an id held by a report the caller cannot see is a conflict, and says nothing about that report
    if (!(await this.canSee(tx, ctx, before, before.status as ReportStatus))) throw conflict();
    if (!canWrite(ctx.actor, partiesOf(before))) throw forbidden('report_not_writer');
    await reportsRepository.lockReport(tx, before.report_id);
    if (before.id !== body.assignmentId || before.period !== body.period) {
      throw new AppError(409, 'report_key_immutable', {}, [
        { path: before.id !== body.assignmentId ? 'assignmentId' : 'period', key: 'report_key_immutable' },
      ]);
    }
    if (!EDITABLE.has(before.status as ReportStatus))
      throw new AppError(409, 'report_not_editable', { status: before.status });
    const completedOn = body.completedOn ?? null;
    checkCompletion(before, { progress: body.progress, completedOn }, false);
    await reportsRepository.update(tx, before.report_id, {
      progress: body.progress,
      narrative: body.narrative ?? null,
      difficulties: body.difficulties ?? null,
      proposals: body.proposals ?? null,
      product: body.product ?? null,
      completed_on: completedOn,
      updated_at: new Date(),
    });
    const after = (await reportsRepository.findReport(tx, before.report_id))!;
    await this.audit.record(tx, ctx, {
      action: 'report.update',
      entityType: 'progress_report',
      entityId: before.report_id,
      before: reportSnapshot(before),
      after: reportSnapshot(after),
    });
    return this.dto(tx, ctx, before.report_id);
  }

  /** The assignment's reports (drafts for its own unit only) and its periods up to asOf, latest first. */
  async listForAssignment(
    ctx: RequestContext,
    assignmentId: string,
    asOf?: string,
  ): Promise<z.infer<typeof AssignmentReportsResponse>> {
    const a = await reportsRepository.findAssignment(this.db, assignmentId);
    if (!a || !(await canSeeAssignment(this.db, ctx.actor, a))) throw notFound('assignment_not_found');
    const rows = await reportsRepository.listForAssignment(this.db, assignmentId);
    const visible = rows.filter(
      (r) => !isInternal(r.status as ReportStatus) || isMember(ctx.actor, partiesOf(a)),
    );
    const evidence = await evidenceRepository.listMeta(
      this.db,
      visible.map((r) => r.report_id),
    );
    const freq = frequencyOf(a);
    const until = asOf ?? todayVn();
    const shown = new Set(visible.map((r) => r.report_id));
    // one rule for the periods (tasks/reporting-state.ts): stops at completion, lists every reported period
    const periods = reportingPeriods(
      {
        startDate: a.start_date,
        completedOn: a.completed_on,
        frequency: freq,
        reportDueDays: a.report_due_days,
        reports: rows.map((r) => ({
          id: r.report_id,
          period: r.period,
          status: r.status as ReportStatus,
          progress: r.report_progress,
          submittedOn: r.submitted_at ? vnDate(r.submitted_at) : null,
          submittedAt: r.submitted_at,
        })),
      },
      until,
    ).map((p) => {
      const report = p.report && shown.has(p.report.id) ? p.report : null;
      return {
        period: p.period,
        periodStart: p.periodStart,
        periodEnd: p.periodEnd,
        dueOn: p.dueOn,
        reportId: report?.id ?? null,
        status: report?.status ?? null,
        missing: p.missing,
      };
    });
    return {
      items: visible.map((r) => toReport(r, evidence, ctx.actor)),
      total: visible.length,
      frequency: freq,
      periods,
    };
  }

  /** Reports waiting for the caller: review (assigning unit's reviewers) and approval (unit leads). */
  async queue(
    ctx: RequestContext,
    query: z.infer<typeof ReviewQueueQuery>,
  ): Promise<{ items: ReviewQueueItem[]; total: number }> {
    const self = { unitId: ctx.actor.unitId, unitKind: '', assignedByUnitId: ctx.actor.unitId };
    const review = (!query.awaiting || query.awaiting === 'review') && canReview(ctx.actor, self);
    const approval = (!query.awaiting || query.awaiting === 'approval') && canApprove(ctx.actor, self);
    if (!review && !approval) return { items: [], total: 0 };
    const { unitId: reportingUnitId, awaiting: _awaiting, ...filters } = query;
    // the queue is always the caller's own unit's; unitId only narrows it to one reporting unit
    const { items, total } = await reportsRepository.queue(this.db, {
      ...filters,
      reportingUnitId,
      unitId: ctx.actor.unitId,
      review,
      approval,
    });
    const evidence = await evidenceRepository.listMeta(
      this.db,
      items.map((r) => r.report_id),
    );
    return {
      items: items.map((r) => ({
        ...toReport(r, evidence, ctx.actor),
        awaiting: r.status === 'pending_approval' ? 'approval' : 'review',
      })),
      total,
    };
  }
}

const periodTaken = (period: string) =>
  new AppError(409, 'report_exists', { period }, [
    { path: 'period', key: 'report_exists', params: { period } },
  ]);
