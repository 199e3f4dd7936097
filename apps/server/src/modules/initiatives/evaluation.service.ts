import type { z } from 'zod';
import type { CreateRubricBody, DeclareConflictBody, ScoreBody } from '@pilotage/contracts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction, type Tx } from '../../db/transaction.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError, forbidden, notFound, type FieldError } from '../../http/errors.ts';
import type { AuditService } from '../audit/index.ts';
import { expertState, rubricOf, toRubric } from './initiatives.mapper.ts';
import { EVALUATING, evaluationStatus, isExpert, isSteering } from './initiatives.policy.ts';
import { initiativesRepository } from './initiatives.repository.ts';
import type { InitiativesService } from './initiatives.service.ts';
import { rubricRepository } from './rubric.repository.ts';
import { checkCriteria, checkScores, scoreRefusal, weightedScore } from './rubric.ts';

/** The experts' side: conflict declarations and scores; the rubric versions. */
export class EvaluationService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly initiatives: InitiativesService,
  ) {}

  /** Locks the initiative, reads it as the expert may see it, and their own assignment. */
  private async expertRow(tx: Tx, ctx: RequestContext, id: string) {
    if (!isExpert(ctx.actor)) throw forbidden('initiative_expert_only');
    await initiativesRepository.lock(tx, id);
    const row = await this.initiatives.visible(tx, ctx, id);
    if (!EVALUATING.includes(row.status))
      throw new AppError(409, 'initiative_wrong_status', { status: row.status });
    const experts = await initiativesRepository.experts(tx, [id]);
    const mine = experts.find((e) => e.user_id === ctx.actor.userId);
    if (!mine) throw notFound('initiative_not_found');
    return { row, mine };
  }

  /** Declaring a conflict takes the expert out of the evaluation for good; "none" lets them score. */
  async declare(ctx: RequestContext, id: string, body: z.infer<typeof DeclareConflictBody>) {
    return inTransaction(this.db, async (tx) => {
      const { row, mine } = await this.expertRow(tx, ctx, id);
      if (mine.scored_at || mine.conflict === 'declared') throw new AppError(409, 'expert_already_declared');
      if (body.conflict && !body.reason)
        throw new AppError(400, 'validation_failed', {}, [{ path: 'reason', key: 'expert_conflict_reason' }]);
      const conflict = body.conflict ? 'declared' : 'none';
      await initiativesRepository.setExpert(tx, id, ctx.actor.userId!, {
        conflict,
        conflict_reason: body.conflict ? (body.reason ?? null) : null,
        declared_at: new Date(),
      });
      const status = evaluationStatus((await initiativesRepository.experts(tx, [id])).map(expertState));
      if (status !== row.status) await initiativesRepository.update(tx, id, { status });
      await this.audit.record(tx, ctx, {
        action: 'initiative.declare_conflict',
        entityType: 'initiative',
        entityId: id,
        before: { conflict: mine.conflict },
        after: { conflict, reason: body.reason ?? null, status },
      });
      return this.initiatives.detail(tx, ctx, (await initiativesRepository.findById(tx, id))!);
    });
  }

  /** Scores every criterion of the initiative's rubric; may be revised until the decision. */
  async score(ctx: RequestContext, id: string, body: z.infer<typeof ScoreBody>) {
    return inTransaction(this.db, async (tx) => {
      const { row, mine } = await this.expertRow(tx, ctx, id);
      const refusal = scoreRefusal(expertState(mine));
      if (refusal) throw new AppError(refusal === 'expert_not_assigned' ? 404 : 409, refusal);
      const rubricRow = row.rubric_id ? await rubricRepository.byId(tx, row.rubric_id) : undefined;
      if (!rubricRow) throw new AppError(409, 'initiative_wrong_status', { status: row.status });
      const rubric = rubricOf(rubricRow);
      const problems = checkScores(rubric, body.scores);
      if (problems.length)
        throw new AppError(
          400,
          'validation_failed',
          {},
          problems.map((p): FieldError => ({
            path: p.path,
            key: p.key,
            params: 'max' in p ? { max: p.max } : {},
          })),
        );
      await initiativesRepository.setExpert(tx, id, ctx.actor.userId!, {
        scores: JSON.stringify(body.scores),
        comment: body.comment ?? null,
        scored_at: new Date(),
      });
      const status = evaluationStatus((await initiativesRepository.experts(tx, [id])).map(expertState));
      if (status !== row.status) await initiativesRepository.update(tx, id, { status });
      await this.audit.record(tx, ctx, {
        action: 'initiative.score',
        entityType: 'initiative',
        entityId: id,
        before: mine.scored_at ? { revised: true } : undefined,
        after: {
          rubricVersion: rubricRow.version,
          scores: body.scores,
          weighted: weightedScore(rubric, body.scores),
          status,
        },
      });
      return this.initiatives.detail(tx, ctx, (await initiativesRepository.findById(tx, id))!);
    });
  }

  async rubric(ctx: RequestContext) {
    if (!isSteering(ctx.actor) && !isExpert(ctx.actor)) throw forbidden('initiative_forbidden');
    const r = await rubricRepository.current(this.db);
    if (!r) throw notFound('initiative_not_found');
    return toRubric(r);
  }

  async createRubric(ctx: RequestContext, body: z.infer<typeof CreateRubricBody>) {
    return inTransaction(this.db, async (tx) => {
      if (!isSteering(ctx.actor)) throw forbidden('initiative_steering_only');
      const problems = checkCriteria(body.criteria);
      if (problems.length)
        throw new AppError(
          400,
          'validation_failed',
          {},
          problems.map((path) => ({ path, key: 'rubric_criteria_invalid' as const })),
        );
      const created = await rubricRepository.insert(tx, {
        id: newId(),
        criteria: body.criteria,
        scaleMax: body.scaleMax,
        by: ctx.actor.userId,
      });
      await this.audit.record(tx, ctx, {
        action: 'initiative.rubric_create',
        entityType: 'initiative_rubric',
        entityId: created.id,
        after: { version: created.version, criteria: body.criteria, scaleMax: body.scaleMax },
      });
      return toRubric(created);
    });
  }
}
