import type { z } from 'zod';
import type { CalendarExceptionBody, DeadlineRuleBody, RoutingRuleBody } from '@pilotage/contracts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { RequestContext } from '../../http/context.ts';
import { badRequest, forbidden, notFound } from '../../http/errors.ts';
import type { AuditService } from '../audit/index.ts';
import { adminRepository } from './admin.repository.ts';
import { feedbackRepository } from './feedback.repository.ts';
import { canAdminister, canEditCalendar, canHandle } from './feedback.policy.ts';
import type { ReferenceCache } from './reference.ts';
import { holidaysOf } from './working-calendar.ts';

/** Topics and deadlines, routing rules, the working calendar's announced exceptions. */
export class FeedbackAdminService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly reference: ReferenceCache,
  ) {}

  async topics(ctx: RequestContext) {
    if (!canHandle(ctx.actor)) throw forbidden();
    const ref = await this.reference.get(this.db);
    const code = new Map(ref.topics.map((t) => [t.id, t.code]));
    return {
      items: ref.topics.map((t) => ({ code: t.code, name: t.name, nameEn: t.name_en, category: t.category })),
      deadlines: ref.deadlines.map((d) => ({
        kind: d.kind,
        topic: d.topicId ? (code.get(d.topicId) ?? null) : null,
        workingDays: d.workingDays,
      })),
    };
  }

  private async topicId(ex: Db, code: string | null, path: string): Promise<string | null> {
    if (code === null) return null;
    const t = (await this.reference.get(ex)).topics.find((x) => x.code === code);
    if (!t) throw badRequest([{ path, key: 'feedback_topic_unknown' }]);
    return t.id;
  }

  async setDeadline(ctx: RequestContext, body: z.infer<typeof DeadlineRuleBody>) {
    if (!canAdminister(ctx.actor)) throw forbidden();
    return inTransaction(this.db, async (tx) => {
      const topicId = await this.topicId(tx, body.topic, 'topic');
      const id = await adminRepository.upsertDeadline(tx, {
        id: newId(),
        kind: body.kind,
        topic_id: topicId,
        working_days: body.workingDays,
      });
      await this.audit.record(tx, ctx, {
        action: 'feedback.deadline_set',
        entityType: 'feedback_deadline_rule',
        entityId: id,
        after: body,
      });
      this.reference.invalidate();
      return body;
    });
  }

  async rules(ctx: RequestContext) {
    if (!canHandle(ctx.actor)) throw forbidden();
    return { items: (await adminRepository.rules(this.db)).map(toRule) };
  }

  async createRule(ctx: RequestContext, body: z.infer<typeof RoutingRuleBody>) {
    if (!canAdminister(ctx.actor)) throw forbidden();
    return inTransaction(this.db, async (tx) => {
      const topicId = await this.topicId(tx, body.topic, 'topic');
      if (!(await feedbackRepository.unit(tx, body.unitId)))
        throw badRequest([{ path: 'unitId', key: 'unit_not_found' }]);
      if (body.placeUnitId && !(await feedbackRepository.unit(tx, body.placeUnitId)))
        throw badRequest([{ path: 'placeUnitId', key: 'unit_not_found' }]);
      const id = newId();
      await adminRepository.insertRule(tx, {
        id,
        topic_id: topicId,
        place_unit_id: body.placeUnitId,
        unit_id: body.unitId,
        priority: body.priority,
        created_by: ctx.actor.userId,
      });
      await this.audit.record(tx, ctx, {
        action: 'feedback.rule_create',
        entityType: 'feedback_routing_rule',
        entityId: id,
        after: body,
      });
      this.reference.invalidate();
      return toRule((await adminRepository.rules(tx, id))[0]!);
    });
  }

  async deleteRule(ctx: RequestContext, id: string) {
    if (!canAdminister(ctx.actor)) throw forbidden();
    return inTransaction(this.db, async (tx) => {
      const [rule] = await adminRepository.rules(tx, id);
      if (!rule) throw notFound('feedback_rule_not_found');
      await adminRepository.deactivateRule(tx, id);
      await this.audit.record(tx, ctx, {
        action: 'feedback.rule_delete',
        entityType: 'feedback_routing_rule',
        entityId: id,
        before: toRule(rule),
      });
      this.reference.invalidate();
      return { ok: true as const };
    });
  }

  async calendar(ctx: RequestContext, year: number) {
    return {
      year,
      holidays: holidaysOf(year).map((h) => ({ day: h.day, name: ctx.lang === 'en' ? h.nameEn : h.name })),
      exceptions: (await adminRepository.exceptions(this.db, year)).map((e) => ({
        day: e.day,
        isWorking: e.is_working,
        note: e.note,
      })),
    };
  }

  async setException(ctx: RequestContext, day: string, body: z.infer<typeof CalendarExceptionBody>) {
    if (!canEditCalendar(ctx.actor)) throw forbidden();
    return inTransaction(this.db, async (tx) => {
      const before = await adminRepository.exception(tx, day);
      await adminRepository.upsertException(tx, {
        day,
        is_working: body.isWorking,
        note: body.note,
        created_by: ctx.actor.userId,
      });
      await this.audit.record(tx, ctx, {
        action: 'calendar.exception_set',
        entityType: 'working_calendar_exception',
        entityId: null,
        before: before ?? null,
        after: { day, ...body },
      });
      this.reference.invalidate();
      return { day, isWorking: body.isWorking, note: body.note };
    });
  }

  async deleteException(ctx: RequestContext, day: string) {
    if (!canEditCalendar(ctx.actor)) throw forbidden();
    return inTransaction(this.db, async (tx) => {
      const before = await adminRepository.exception(tx, day);
      if (!before) throw notFound();
      await adminRepository.deleteException(tx, day);
      await this.audit.record(tx, ctx, {
        action: 'calendar.exception_delete',
        entityType: 'working_calendar_exception',
        entityId: null,
        before,
      });
      this.reference.invalidate();
      return { ok: true as const };
    });
  }
}

function toRule(r: Awaited<ReturnType<typeof adminRepository.rules>>[number]) {
  return {
    id: r.id,
    topic: r.topic,
    placeUnitId: r.place_unit_id,
    placeName: r.place_name,
    unitId: r.unit_id,
    unitName: r.unit_name,
    priority: r.priority,
  };
}
