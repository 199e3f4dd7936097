import { foldForSearch, type FeedbackActionBody, type FeedbackStatus } from '@pilotage/contracts';
import type { z } from 'zod';
import type { FeedbackListQuery } from '@pilotage/contracts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction, type Tx } from '../../db/transaction.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError, badRequest, forbidden, notFound } from '../../http/errors.ts';
import type { AuditService } from '../audit/index.ts';
import { unitsInScope } from '../org/index.ts';
import { recordEvent, type FeedbackChange } from '../events/index.ts';
import { feedbackRepository, type ItemRow } from './feedback.repository.ts';
import { detailRepository } from './feedback-detail.repository.ts';
import { canHandle, refusal } from './feedback.policy.ts';
import { nextStatus, type StatusEvent } from './feedback-status.ts';
import { itemDetail } from './item-detail.ts';
import { clockView } from './item-view.ts';
import type { Keyring } from './personal-data.ts';
import type { ReferenceCache } from './reference.ts';

type Body = FeedbackActionBody;

/** Handlers' side: the scoped list, one item, and every workflow action (issue 10 item 2). */
export class WorkflowService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly reference: ReferenceCache,
    private readonly keyring: Keyring,
  ) {}

  async list(ctx: RequestContext, q: z.infer<typeof FeedbackListQuery>) {
    if (!canHandle(ctx.actor)) throw forbidden();
    const ref = await this.reference.get(this.db);
    const { items, total } = await feedbackRepository.list(this.db, {
      scope: ctx.actor.scope,
      status: q.status,
      unitId: q.unitId,
      topic: q.topic,
      kind: q.kind,
      q: q.q ? foldForSearch(q.q) : undefined,
      overdueAt: q.overdue === 'true' ? new Date() : undefined,
      triageUnitId: q.triage === 'true' ? ref.triageUnitId : undefined,
      limit: q.limit,
      offset: q.offset,
    });
    return {
      total,
      items: items.map((r) => ({
        id: r.id,
        trackingCode: r.tracking_code,
        kind: r.kind,
        topic: r.topic,
        topicName: ctx.lang === 'en' && r.topic_name_en ? r.topic_name_en : r.topic_name,
        title: r.title,
        status: r.status,
        unitId: r.unit_id,
        unitName: r.unit_name,
        provinceName: r.province_name,
        submittedAt: r.submitted_at.toISOString(),
        clock: clockView(r, ref.exceptions),
        hasPendingAnswer: r.has_pending_answer,
      })),
    };
  }

  private async load(ex: Db | Tx, ctx: RequestContext, id: string, lock: boolean) {
    if (!canHandle(ctx.actor)) throw forbidden();
    const row = lock ? await feedbackRepository.lock(ex, id) : await feedbackRepository.byId(ex, id);
    if (!row) throw notFound('feedback_not_found');
    const v = await feedbackRepository.visible(ex, ctx.actor.scope, id);
    if (!v.routed && !v.contributing) throw notFound('feedback_not_found');
    return { row, v };
  }

  async get(ctx: RequestContext, id: string) {
    return inTransaction(this.db, async (tx) => {
      const { row, v } = await this.load(tx, ctx, id, false);
      return itemDetail(tx, ctx.actor, ctx.lang, row, v, await this.reference.get(tx), this.keyring);
    });
  }

  async act(ctx: RequestContext, id: string, body: Body) {
    return inTransaction(this.db, async (tx) => {
      const { row, v } = await this.load(tx, ctx, id, true);
      const refused = refusal(ctx.actor, body.action, row.status, v);
      if (refused === 403) throw forbidden();
      if (refused === 409) throw new AppError(409, 'feedback_transition_refused', { status: row.status });
      const now = new Date();
      const after = await this.apply(tx, ctx, row, body, now);
      await this.audit.record(tx, ctx, {
        action: 'feedback.act',
        entityType: 'feedback_item',
        entityId: row.id,
        before: { status: row.status, unitId: row.unit_id },
        after: { action: body.action, status: after.status, unitId: after.unit_id },
      });
      const fresh = (await feedbackRepository.lock(tx, id))!;
      return itemDetail(
        tx,
        ctx.actor,
        ctx.lang,
        fresh,
        await feedbackRepository.visible(tx, ctx.actor.scope, id),
        await this.reference.get(tx),
        this.keyring,
      );
    });
  }

  private async step(
    tx: Tx,
    ctx: RequestContext,
    row: ItemRow,
    s: {
      action: string;
      to?: FeedbackStatus | null;
      toUnitId?: string | null;
      reason?: string | null;
      message?: string | null;
      public?: boolean;
    },
    now: Date,
  ) {
    await feedbackRepository.insertStep(tx, {
      id: newId(),
      item_id: row.id,
      at: now,
      action: s.action,
      from_status: row.status,
      to_status: s.to ?? null,
      actor_user_id: ctx.actor.userId,
      from_unit_id: s.toUnitId ? row.unit_id : null,
      to_unit_id: s.toUnitId ?? null,
      reason: s.reason ?? null,
      message: s.message ?? null,
      public: s.public ?? true,
    });
  }

  private async event(
    tx: Tx,
    row: ItemRow,
    change: FeedbackChange,
    status: FeedbackStatus,
    unitId = row.unit_id,
  ) {
    await recordEvent(tx, {
      type: 'feedback.changed',
      change,
      itemId: row.id,
      trackingCode: row.tracking_code,
      unitId,
      title: row.title,
      status,
      dueAt: row.due_at.toISOString(),
    });
  }

  /** Moves the status (already checked legal by the policy) and records step and event. */
  private async move(
    tx: Tx,
    ctx: RequestContext,
    row: ItemRow,
    ev: StatusEvent,
    now: Date,
    extra: Parameters<typeof feedbackRepository.update>[2] = {},
    s: { reason?: string | null; message?: string | null } = {},
    change: FeedbackChange = 'status',
  ) {
    const to = nextStatus(row.status, ev)!;
    await feedbackRepository.update(tx, row.id, { status: to, updated_at: now, ...extra });
    await this.step(tx, ctx, row, { action: ev, to, ...s }, now);
    await this.event(tx, row, change, to);
    return { ...row, status: to };
  }

  private async apply(tx: Tx, ctx: RequestContext, row: ItemRow, body: Body, now: Date): Promise<ItemRow> {
    const by = ctx.actor.userId;
    switch (body.action) {
      case 'accept':
        return this.move(tx, ctx, row, 'accept', now, { accepted_at: now });
      case 'start':
        return this.move(tx, ctx, row, 'start', now);
      case 'request_info':
        return this.move(
          tx,
          ctx,
          row,
          'request_info',
          now,
          { paused_at: now },
          { message: body.question },
          'info_requested',
        );
      case 'reject':
        return this.move(
          tx,
          ctx,
          row,
          'reject',
          now,
          { reject_reason: body.reason, closed_at: now },
          { reason: body.reason, message: body.message },
        );
      case 'close':
        return this.move(tx, ctx, row, 'close', now, { closed_at: now });
      case 'transfer': {
        if (body.unitId === row.unit_id) throw badRequest([{ path: 'unitId', key: 'feedback_same_unit' }]);
        if (!(await feedbackRepository.unit(tx, body.unitId)))
          throw badRequest([{ path: 'unitId', key: 'unit_not_found' }]);
        await feedbackRepository.update(tx, row.id, { unit_id: body.unitId, updated_at: now });
        await this.step(
          tx,
          ctx,
          row,
          { action: 'transfer', toUnitId: body.unitId, reason: body.reason },
          now,
        );
        await this.event(tx, row, 'assigned', row.status, body.unitId);
        return { ...row, unit_id: body.unitId };
      }
      case 'add_contributor': {
        if (!(await feedbackRepository.unit(tx, body.unitId)))
          throw badRequest([{ path: 'unitId', key: 'unit_not_found' }]);
        await detailRepository.addContributor(tx, {
          item_id: row.id,
          unit_id: body.unitId,
          reason: body.reason,
          requested_by: by,
          requested_at: now,
        });
        await this.step(
          tx,
          ctx,
          row,
          { action: 'add_contributor', toUnitId: body.unitId, reason: body.reason, public: false },
          now,
        );
        await this.event(tx, row, 'assigned', row.status, body.unitId);
        return row;
      }
      case 'contribute': {
        const mine = (await detailRepository.contributors(tx, row.id)).map((c) => c.unit_id);
        const inScope = await unitsInScope(tx, ctx.actor.scope, mine);
        if (!(await detailRepository.contribute(tx, row.id, [...inScope], body.text, by, now)))
          throw forbidden('feedback_not_contributor');
        await this.step(tx, ctx, row, { action: 'contribute', public: false }, now);
        return row;
      }
      case 'note':
        await detailRepository.insertNote(tx, {
          id: newId(),
          item_id: row.id,
          unit_id: ctx.actor.unitId,
          author_user_id: by ?? ctx.actor.id,
          body: body.body,
          created_at: now,
        });
        return row;
      case 'merge':
        return this.merge(tx, ctx, row, body.intoId, now);
      default:
        return this.answer(tx, ctx, row, body, now);
    }
  }

  private async merge(
    tx: Tx,
    ctx: RequestContext,
    row: ItemRow,
    intoId: string,
    now: Date,
  ): Promise<ItemRow> {
    if (intoId === row.id) throw badRequest([{ path: 'intoId', key: 'feedback_merge_self' }]);
    const into = await feedbackRepository.lock(tx, intoId);
    const seen = into ? await feedbackRepository.visible(tx, ctx.actor.scope, intoId) : null;
    if (!into || !seen?.routed) throw badRequest([{ path: 'intoId', key: 'feedback_not_found' }]);
    if (!nextStatus(into.status, 'merge'))
      throw badRequest([{ path: 'intoId', key: 'feedback_merge_target' }]);
    await detailRepository.moveFollowers(tx, row.id, into.id, now);
    await feedbackRepository.repointMerged(tx, row.id, into.id);
    const moved = await this.move(
      tx,
      ctx,
      row,
      'merge',
      now,
      { merged_into_id: into.id, closed_at: now },
      { reason: 'duplicate', message: into.tracking_code },
    );
    await this.step(tx, ctx, into, { action: 'merged_in', message: row.tracking_code, public: false }, now);
    return moved;
  }

  private async answer(tx: Tx, ctx: RequestContext, row: ItemRow, body: Body, now: Date): Promise<ItemRow> {
    const open = await detailRepository.openAnswer(tx, row.id);
    switch (body.action) {
      case 'save_answer': {
        const fields = {
          body: body.body,
          public_title: body.publicTitle ?? null,
          search_key: foldForSearch(`${body.publicTitle ?? row.title} ${body.body}`),
          updated_at: now,
        };
        if (open) await detailRepository.updateAnswer(tx, open.id, { ...fields, status: 'draft' });
        else
          await detailRepository.insertAnswer(tx, {
            id: newId(),
            item_id: row.id,
            unit_id: row.unit_id,
            status: 'draft',
            author_user_id: ctx.actor.userId ?? ctx.actor.id,
            created_at: now,
            ...fields,
          });
        return row;
      }
      case 'submit_answer':
        if (!open || open.status === 'pending_approval') throw new AppError(409, 'feedback_no_answer');
        await detailRepository.updateAnswer(tx, open.id, { status: 'pending_approval', updated_at: now });
        await this.step(tx, ctx, row, { action: 'submit_answer', public: false }, now);
        await this.event(tx, row, 'answer_pending', row.status);
        return row;
      case 'return_answer':
        if (open?.status !== 'pending_approval') throw new AppError(409, 'feedback_no_answer');
        await detailRepository.updateAnswer(tx, open.id, {
          status: 'returned',
          return_reason: body.reason,
          updated_at: now,
        });
        await this.step(tx, ctx, row, { action: 'return_answer', reason: body.reason, public: false }, now);
        return row;
      case 'approve_answer': {
        if (open?.status !== 'pending_approval') throw new AppError(409, 'feedback_no_answer');
        await detailRepository.supersedeApproved(tx, row.id, now);
        await detailRepository.updateAnswer(tx, open.id, {
          status: 'approved',
          approved_by: ctx.actor.userId,
          approved_at: now,
          published_at: row.consent_to_publish ? now : null,
          updated_at: now,
        });
        return this.move(tx, ctx, row, 'approve_answer', now, { answered_at: now }, {}, 'answered');
      }
      default:
        throw badRequest([{ path: 'action', key: 'validation_failed' }]);
    }
  }
}
