import { randomBytes } from 'node:crypto';
import { foldForSearch } from '@pilotage/contracts';
import type { z } from 'zod';
import type { PromoteBody } from '@pilotage/contracts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError, badRequest, forbidden } from '../../http/errors.ts';
import type { AuditService } from '../audit/index.ts';
import {
  dueAt,
  hashSecret,
  newTrackingCode,
  normaliseForSimilarity,
  routeItem,
  workingDaysFor,
  type Feedback,
} from '../feedback/index.ts';
import type { Reporting } from '../reports/index.ts';
import { recommendationsRepository } from './recommendations.repository.ts';

/** Who may promote: those who review or steer the reports (not the officer who wrote it alone). */
const PROMOTERS = ['steering', 'admin', 'reviewer', 'unit_lead'] as const;
const TITLE_CHARS = 160;

const titleOf = (taskCode: string, text: string) => {
  const first = text.split(/(?<=[.!?])\s|\n/)[0]!.trim();
  const cut = first.length > TITLE_CHARS ? `${first.slice(0, TITLE_CHARS).replace(/\s+\S*$/, '')}…` : first;
  return `${taskCode}: ${cut}`;
};

/**
 * A report's difficulties or proposals become a recommendation in one action: a feedback item of kind
 * `recommendation`, source `report`, routed and timed like any other (the feedback module's rules), linked
 * both ways (report_recommendation; feedback_item.source_report_id). An open recommendation with the same
 * normalised text is cited again instead of duplicated.
 */
export class RecommendationsService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly reporting: Reporting,
    private readonly feedback: Feedback,
  ) {}

  async promote(ctx: RequestContext, reportId: string, body: z.infer<typeof PromoteBody>) {
    return inTransaction(this.db, async (tx) => {
      const report = await this.reporting.reports.visibleReport(tx, ctx, reportId);
      if (!PROMOTERS.some((r) => ctx.actor.roles.includes(r))) throw forbidden('recommendation_forbidden');
      if (report.status === 'draft' || report.status === 'pending_approval')
        throw new AppError(409, 'recommendation_report_not_sent');
      const text = (body.field === 'difficulties' ? report.difficulties : report.proposals)?.trim();
      if (!text) throw badRequest([{ path: 'field', key: 'recommendation_field_empty' }]);
      if (await recommendationsRepository.link(tx, reportId, body.field))
        throw new AppError(409, 'recommendation_already');
      const ref = await this.feedback.intake.reference.get(tx);
      const topic = ref.topics.find((t) => t.code === body.topic);
      if (!topic) throw badRequest([{ path: 'topic', key: 'feedback_topic_unknown' }]);
      const similarityKey = normaliseForSimilarity(text);
      const twin = await recommendationsRepository.openTwin(tx, similarityKey);
      let itemId = twin?.id;
      if (!itemId) itemId = await this.createItem(tx, ctx, report, text, topic.id, similarityKey, ref);
      await recommendationsRepository.insertLink(tx, {
        report_id: reportId,
        field: body.field,
        item_id: itemId,
        promoted_by: ctx.actor.userId,
      });
      await this.audit.record(tx, ctx, {
        action: 'recommendation.promote',
        entityType: 'progress_report',
        entityId: reportId,
        after: { field: body.field, itemId, created: !twin },
      });
      const link = (await this.rows(tx, reportId)).find((r) => r.field === body.field)!;
      return { ...link, created: !twin };
    });
  }

  private async createItem(
    tx: Parameters<Parameters<typeof inTransaction>[1]>[0],
    ctx: RequestContext,
    report: Awaited<ReturnType<Reporting['reports']['visibleReport']>>,
    text: string,
    topicId: string,
    similarityKey: string,
    ref: Awaited<ReturnType<Feedback['intake']['reference']['get']>>,
  ) {
    const now = new Date();
    const id = newId();
    const trackingCode = newTrackingCode();
    const province =
      report.unit_kind === 'commune'
        ? report.unit_parent_id
        : report.unit_kind === 'province'
          ? report.unit_id
          : null;
    const commune = report.unit_kind === 'commune' ? report.unit_id : null;
    const unitId = routeItem(
      ref.rules,
      { topicId, provinceUnitId: province, communeUnitId: commune },
      ref.triageUnitId,
    );
    const days = workingDaysFor(ref, 'recommendation', topicId);
    const due = dueAt({ submittedAt: now, deadlineWorkingDays: days, pausedWorkingDays: 0 }, ref.exceptions);
    const title = titleOf(report.task_code, text);
    const content = `${text}\n\n— Báo cáo kỳ ${report.period} của ${report.unit_name}, nhiệm vụ ${report.task_code} ${report.task_title}`;
    await recommendationsRepository.insertItem(tx, {
      id,
      tracking_code: trackingCode,
      secret_hash: hashSecret(randomBytes(24).toString('base64url')), // nobody follows it from outside
      kind: 'recommendation',
      topic_id: topicId,
      title,
      content,
      submitter_type: 'agency',
      source: 'report',
      source_report_id: report.report_id,
      province_unit_id: province,
      commune_unit_id: commune,
      programme_id: report.programme_id,
      task_id: report.task_id,
      status: 'received',
      unit_id: unitId,
      submitted_at: now,
      deadline_working_days: days,
      due_at: due,
      search_key: foldForSearch(`${trackingCode} ${title} ${content}`),
      similarity_key: similarityKey,
      updated_at: now,
    });
    await this.feedback.intake.afterInsert(tx, ctx, {
      id,
      trackingCode,
      unitId,
      title,
      due,
      now,
      routed: unitId !== ref.triageUnitId,
    });
    return id;
  }

  private async rows(ex: Parameters<typeof recommendationsRepository.forReport>[0], reportId: string) {
    return (await recommendationsRepository.forReport(ex, reportId)).map((r) => ({
      field: r.field,
      itemId: r.id,
      trackingCode: r.tracking_code,
      title: r.title,
      status: r.status,
      unitName: r.unit_name,
      dueAt: r.due_at.toISOString(),
      promotedAt: r.promoted_at.toISOString(),
      citations: Number(r.citations),
    }));
  }

  async forReport(ctx: RequestContext, reportId: string) {
    await this.reporting.reports.visibleReport(this.db, ctx, reportId);
    return { items: await this.rows(this.db, reportId) };
  }

  /** The reports a recommendation came from, limited to those the caller may see. */
  async sources(ctx: RequestContext, itemId: string) {
    const rows = await recommendationsRepository.sources(this.db, itemId);
    const items = [];
    for (const r of rows) {
      const visible = await this.reporting.reports.visibleReport(this.db, ctx, r.report_id).then(
        () => true,
        () => false,
      );
      if (!visible) continue;
      items.push({
        reportId: r.report_id,
        assignmentId: r.assignment_id,
        field: r.field,
        period: r.period,
        taskCode: r.task_code,
        taskTitle: r.task_title,
        unitName: r.unit_name,
        text: (r.field === 'difficulties' ? r.difficulties : r.proposals) ?? '',
      });
    }
    return { items };
  }

  async mostCited(ctx: RequestContext, limit: number) {
    const rows = await recommendationsRepository.mostCited(this.db, ctx.actor.scope, limit);
    return {
      items: rows.map((r) => ({
        itemId: r.id,
        trackingCode: r.tracking_code,
        title: r.title,
        status: r.status,
        unitName: r.unit_name,
        citations: Number(r.citations),
        answer: r.answer,
        answeredAt: r.answered_at?.toISOString() ?? null,
      })),
    };
  }
}
