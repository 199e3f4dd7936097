import type { z } from 'zod';
import type {
  AssignExpertsBody,
  DecideBody,
  Initiative,
  InitiativeListQuery,
  InitiativeStatus,
  ScreenBody,
} from '@pilotage/contracts';
import type { Db } from '../../db/database.ts';
import { inTransaction, type Executor } from '../../db/transaction.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import type { AuditService } from '../audit/index.ts';
import { tasksRepository } from '../tasks/index.ts';
import { expertState, progressOf, toInitiative, toPublic } from './initiatives.mapper.ts';
import { ASSIGNABLE, decisionRefusal, evaluationStatus, isExpert, isSteering } from './initiatives.policy.ts';
import { initiativesRepository, type InitiativeRow } from './initiatives.repository.ts';
import { rubricRepository } from './rubric.repository.ts';

const wrongStatus = (status: string) => new AppError(409, 'initiative_wrong_status', { status });

/** Internal side of the portal: steering screens, assigns experts and decides; experts read theirs. */
export class InitiativesService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
  ) {}

  async list(ctx: RequestContext, query: z.infer<typeof InitiativeListQuery>) {
    const a = ctx.actor;
    if (!isSteering(a) && !isExpert(a)) throw forbidden('initiative_forbidden');
    const onlyMine = !isSteering(a) || query.assigned === 'true';
    const { rows, total } = await initiativesRepository.list(this.db, {
      ...query,
      expertUserId: onlyMine ? (a.userId ?? undefined) : undefined,
    });
    const experts = await initiativesRepository.experts(
      this.db,
      rows.map((r) => r.id),
    );
    return {
      total,
      items: rows.map((r) => ({
        ...toPublic(r),
        id: r.id,
        proposerName: r.proposer_name,
        progress: progressOf(experts.filter((e) => e.initiative_id === r.id)),
      })),
    };
  }

  /** The initiative if the caller may see it (steering: any; an expert: assigned ones), else 404. */
  async visible(ex: Executor, ctx: RequestContext, id: string): Promise<InitiativeRow> {
    const row = await initiativesRepository.findById(ex, id);
    if (!row) throw notFound('initiative_not_found');
    if (isSteering(ctx.actor)) return row;
    if (isExpert(ctx.actor)) {
      const experts = await initiativesRepository.experts(ex, [id]);
      if (experts.some((e) => e.user_id === ctx.actor.userId)) return row;
    }
    throw notFound('initiative_not_found');
  }

  async detail(ex: Executor, ctx: RequestContext, row: InitiativeRow): Promise<Initiative> {
    const experts = await initiativesRepository.experts(ex, [row.id]);
    const rubric = row.rubric_id ? await rubricRepository.byId(ex, row.rubric_id) : undefined;
    const tasks = await initiativesRepository.tasks(ex, row.id);
    const attachments = await initiativesRepository.attachments(ex, row.id);
    return toInitiative(ctx.actor, { row, experts, rubric, tasks, attachments });
  }

  async get(ctx: RequestContext, id: string) {
    return this.detail(this.db, ctx, await this.visible(this.db, ctx, id));
  }

  /** Locks the row, then reads it as the caller may see it (steering only for these actions). */
  private async steeringRow(tx: Executor, ctx: RequestContext, id: string) {
    if (!isSteering(ctx.actor)) throw forbidden('initiative_steering_only');
    await initiativesRepository.lock(tx, id);
    return this.visible(tx, ctx, id);
  }

  async screen(ctx: RequestContext, id: string, body: z.infer<typeof ScreenBody>) {
    return inTransaction(this.db, async (tx) => {
      const row = await this.steeringRow(tx, ctx, id);
      if (row.status !== 'submitted') throw wrongStatus(row.status);
      const status: InitiativeStatus = body.accept ? 'catalogued' : 'screened_out';
      await initiativesRepository.update(tx, id, { status, screening_note: body.note ?? null });
      await this.audit.record(tx, ctx, {
        action: 'initiative.screen',
        entityType: 'initiative',
        entityId: id,
        before: { status: row.status },
        after: { status, note: body.note ?? null },
      });
      return this.detail(tx, ctx, (await initiativesRepository.findById(tx, id))!);
    });
  }

  async assignExperts(ctx: RequestContext, id: string, body: z.infer<typeof AssignExpertsBody>) {
    return inTransaction(this.db, async (tx) => {
      const row = await this.steeringRow(tx, ctx, id);
      if (!ASSIGNABLE.includes(row.status)) throw wrongStatus(row.status);
      const ids = [...new Set(body.userIds)];
      const experts = new Set((await initiativesRepository.usersWithExpertRole(tx, ids)).map((u) => u.id));
      const errors = body.userIds
        .map((u, i) => ({ u, i }))
        .filter(({ u }) => !experts.has(u))
        .map(({ i }) => ({ path: `userIds.${i}`, key: 'initiative_not_an_expert' as const }));
      if (errors.length) throw new AppError(400, 'validation_failed', {}, errors);
      await initiativesRepository.addExperts(tx, id, ids, ctx.actor.userId);
      // the rubric is fixed when evaluation starts: later versions do not change an evaluation under way
      const rubricId = row.rubric_id ?? (await rubricRepository.current(tx))?.id ?? null;
      const states = (await initiativesRepository.experts(tx, [id])).map(expertState);
      const status = evaluationStatus(states);
      await initiativesRepository.update(tx, id, { status, rubric_id: rubricId });
      await this.audit.record(tx, ctx, {
        action: 'initiative.assign_experts',
        entityType: 'initiative',
        entityId: id,
        before: { status: row.status },
        after: { status, userIds: ids, rubricId },
      });
      return this.detail(tx, ctx, (await initiativesRepository.findById(tx, id))!);
    });
  }

  async decide(ctx: RequestContext, id: string, body: z.infer<typeof DecideBody>) {
    return inTransaction(this.db, async (tx) => {
      const row = await this.steeringRow(tx, ctx, id);
      const refusal = decisionRefusal(row.status, body.decision);
      if (refusal) throw new AppError(409, refusal, { status: row.status });
      const taskIds = [...new Set(body.taskIds)];
      const found = new Set(
        (await tasksRepository.listTasks(tx, { scope: ctx.actor.scope, ids: taskIds })).map((t) => t.id),
      );
      const errors = body.taskIds
        .map((t, i) => ({ t, i }))
        .filter(({ t }) => !found.has(t))
        .map(({ i }) => ({ path: `taskIds.${i}`, key: 'initiative_task_not_found' as const }));
      if (errors.length) throw new AppError(400, 'validation_failed', {}, errors);
      const decidedAt = new Date();
      await initiativesRepository.update(tx, id, {
        status: 'decided',
        decision: body.decision,
        decision_note: body.note,
        follow_up: body.followUp ?? null,
        decided_by: ctx.actor.userId,
        decided_at: decidedAt,
      });
      await initiativesRepository.linkTasks(tx, id, taskIds, ctx.actor.userId);
      await this.audit.record(tx, ctx, {
        action: 'initiative.decide',
        entityType: 'initiative',
        entityId: id,
        before: { status: row.status },
        after: { decision: body.decision, note: body.note, followUp: body.followUp ?? null, taskIds },
      });
      return this.detail(tx, ctx, (await initiativesRepository.findById(tx, id))!);
    });
  }

  async expertCandidates(ctx: RequestContext) {
    if (!isSteering(ctx.actor)) throw forbidden('initiative_steering_only');
    const rows = await initiativesRepository.expertCandidates(this.db);
    return { items: rows.map((r) => ({ id: r.id, name: r.display_name, unitName: r.unit_name })) };
  }
}
