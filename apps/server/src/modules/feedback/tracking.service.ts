import { timingSafeEqual } from 'node:crypto';
import { foldForSearch, type FeedbackStatus, type Lang } from '@pilotage/contracts';
import type { z } from 'zod';
import type { PublicAnswersQuery } from '@pilotage/contracts';
import type { FeedbackConfig } from '../../config.feedback.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction, type Tx } from '../../db/transaction.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError, conflict, notFound } from '../../http/errors.ts';
import type { AuditService } from '../audit/index.ts';
import { recordEvent } from '../events/index.ts';
import { feedbackRepository, type ItemRow } from './feedback.repository.ts';
import { detailRepository } from './feedback-detail.repository.ts';
import { nextStatus } from './feedback-status.ts';
import { hashSecret } from './intake.service.ts';
import { clockView } from './item-view.ts';
import type { ReferenceCache } from './reference.ts';
import { dueAt, pausedDays } from './working-calendar.ts';

const DAY_MS = 86_400_000;

/** The submitter's side, with the tracking code and the secret (no account). */
export class TrackingService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly config: FeedbackConfig,
    private readonly reference: ReferenceCache,
  ) {}

  /** The item when the secret matches; otherwise the same 404 as an unknown code (nothing revealed). */
  private async authenticate(tx: Db | Tx, code: string, secret: string, lock: boolean): Promise<ItemRow> {
    const item = lock
      ? await feedbackRepository.lockByTrackingCode(tx, code)
      : await feedbackRepository.byTrackingCode(tx, code);
    const given = Buffer.from(hashSecret(secret));
    const stored = Buffer.from(item?.secret_hash ?? '0'.repeat(64));
    if (!item || given.length !== stored.length || !timingSafeEqual(given, stored))
      throw notFound('feedback_not_found');
    return item;
  }

  async track(code: string, secret: string, lang: Lang) {
    return this.view(this.db, await this.authenticate(this.db, code, secret, false), lang);
  }

  private async view(ex: Db | Tx, row: ItemRow, lang: Lang) {
    // a merged item shows its survivor's progress
    const shown = row.merged_into_id ? ((await feedbackRepository.lock(ex, row.merged_into_id)) ?? row) : row;
    const ref = await this.reference.get(ex);
    const topic = ref.topics.find((t) => t.id === row.topic_id);
    const unit = await feedbackRepository.unit(ex, shown.unit_id);
    const answer = await detailRepository.approvedAnswer(ex, shown.id);
    const rating = await detailRepository.rating(ex, row.id);
    const steps = (await detailRepository.steps(ex, row.id)).filter((s) => s.public);
    const question =
      row.status === 'info_requested'
        ? ([...steps].reverse().find((s) => s.action === 'request_info')?.message ?? null)
        : null;
    return {
      trackingCode: row.tracking_code,
      status: shown.status,
      kind: row.kind,
      topic: topic ? (lang === 'en' && topic.name_en ? topic.name_en : topic.name) : '',
      title: row.title,
      submittedAt: row.submitted_at.toISOString(),
      dueAt: shown.due_at.toISOString(),
      clock: clockView(shown, ref.exceptions),
      unitName: unit?.name ?? '',
      answer:
        answer && answer.approved_at
          ? { body: answer.body, answeredAt: answer.approved_at.toISOString() }
          : null,
      question,
      mergedInto: row.merged_into_id ? shown.tracking_code : null,
      rating: rating ? { score: rating.score, comment: rating.comment } : null,
      canRate: !rating && (shown.status === 'answered' || shown.status === 'closed') && !row.merged_into_id,
      canReopen: this.canReopen(row),
      // steps keep no names: the public sees what happened and when, not who
      history: steps.map((s) => ({
        at: s.at.toISOString(),
        action: s.action,
        status: s.to_status,
        message: s.message,
      })),
    };
  }

  private canReopen(row: ItemRow, now = Date.now()): boolean {
    return (
      (row.status === 'answered' || row.status === 'closed') &&
      row.answered_at !== null &&
      now - row.answered_at.getTime() <= this.config.reopenDays * DAY_MS
    );
  }

  private async step(
    tx: Tx,
    ctx: RequestContext,
    row: ItemRow,
    action: string,
    to: FeedbackStatus | null,
    message: string | null,
    now: Date,
  ) {
    await feedbackRepository.insertStep(tx, {
      id: newId(),
      item_id: row.id,
      at: now,
      action,
      from_status: row.status,
      to_status: to,
      message,
      public: true,
    });
    await this.audit.record(tx, ctx, {
      action: 'feedback.public_act',
      entityType: 'feedback_item',
      entityId: row.id,
      before: { status: row.status },
      after: { action, status: to ?? row.status },
    });
  }

  /** The submitter answers a request for information: the clock resumes, the paused working days added. */
  async reply(ctx: RequestContext, code: string, secret: string, message: string) {
    return inTransaction(this.db, async (tx) => {
      const row = await this.authenticate(tx, code, secret, true);
      const to = nextStatus(row.status, 'reply');
      if (!to) throw conflict('feedback_transition_refused');
      const now = new Date();
      const ref = await this.reference.get(tx);
      const paused =
        row.paused_working_days + (row.paused_at ? pausedDays(row.paused_at, now, ref.exceptions) : 0);
      const due = dueAt(
        {
          submittedAt: row.submitted_at,
          deadlineWorkingDays: row.deadline_working_days,
          pausedWorkingDays: paused,
        },
        ref.exceptions,
      );
      await feedbackRepository.update(tx, row.id, {
        status: to,
        paused_at: null,
        paused_working_days: paused,
        due_at: due,
        updated_at: now,
      });
      await this.step(tx, ctx, row, 'reply', to, message, now);
      await recordEvent(tx, {
        type: 'feedback.changed',
        change: 'replied',
        itemId: row.id,
        trackingCode: row.tracking_code,
        unitId: row.unit_id,
        title: row.title,
        status: to,
        dueAt: due.toISOString(),
      });
      return this.view(
        tx,
        { ...row, status: to, paused_at: null, paused_working_days: paused, due_at: due },
        ctx.lang,
      );
    });
  }

  async rate(ctx: RequestContext, code: string, secret: string, score: number, comment: string | undefined) {
    return inTransaction(this.db, async (tx) => {
      const row = await this.authenticate(tx, code, secret, true);
      if (row.status !== 'answered' && row.status !== 'closed') throw conflict('feedback_cannot_rate');
      const answer = await detailRepository.approvedAnswer(tx, row.id);
      if (await detailRepository.rating(tx, row.id)) throw conflict('feedback_already_rated');
      const now = new Date();
      await detailRepository.insertRating(tx, {
        id: newId(),
        item_id: row.id,
        answer_id: answer?.id ?? null,
        score,
        comment: comment || null,
        rated_at: now,
      });
      await this.step(tx, ctx, row, 'rated', null, null, now);
      return this.view(tx, row, ctx.lang);
    });
  }

  /** Reopens within the allowed days: back to processing on a fresh clock of the same length. */
  async reopen(ctx: RequestContext, code: string, secret: string, reason: string) {
    return inTransaction(this.db, async (tx) => {
      const row = await this.authenticate(tx, code, secret, true);
      const to = nextStatus(row.status, 'reopen');
      if (!to) throw conflict('feedback_transition_refused');
      if (!this.canReopen(row))
        throw new AppError(409, 'feedback_reopen_expired', { days: this.config.reopenDays });
      const now = new Date();
      const ref = await this.reference.get(tx);
      // a fresh clock of the same length from today: the working days since submission count as paused
      const paused = pausedDays(row.submitted_at, now, ref.exceptions);
      const due = dueAt(
        {
          submittedAt: row.submitted_at,
          deadlineWorkingDays: row.deadline_working_days,
          pausedWorkingDays: paused,
        },
        ref.exceptions,
      );
      await feedbackRepository.update(tx, row.id, {
        status: to,
        paused_at: null,
        paused_working_days: paused,
        due_at: due,
        closed_at: null,
        reopened_count: row.reopened_count + 1,
        reminded_at: null,
        escalated_at: null,
        updated_at: now,
      });
      await this.step(tx, ctx, row, 'reopen', to, reason, now);
      await recordEvent(tx, {
        type: 'feedback.changed',
        change: 'assigned',
        itemId: row.id,
        trackingCode: row.tracking_code,
        unitId: row.unit_id,
        title: row.title,
        status: to,
        dueAt: due.toISOString(),
      });
      return this.view(tx, { ...row, status: to, due_at: due, paused_working_days: paused }, ctx.lang);
    });
  }

  async answers(query: z.infer<typeof PublicAnswersQuery>) {
    const words = foldForSearch(query.q ?? '')
      .split(' ')
      .filter(Boolean);
    const { items, total } = await detailRepository.publicAnswers(this.db, {
      words,
      topic: query.topic,
      kind: query.kind,
      limit: query.limit,
      offset: query.offset,
    });
    return {
      total,
      items: items.map((a) => ({
        id: a.id,
        kind: a.kind,
        topic: a.topic,
        title: a.title,
        answer: a.body,
        unitName: a.unit_name,
        submittedAt: a.submitted_at.toISOString(),
        answeredAt: a.published_at!.toISOString(),
      })),
    };
  }
}
