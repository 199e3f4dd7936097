import { assigningUnit, deadlineBeforeStart } from './task-rules.ts';
import type { Assignment, AssignmentListQuery, AssignBody, CascadeBody } from '@pilotage/contracts';
import type { z } from 'zod';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction, type Executor } from '../../db/transaction.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError, notFound, type FieldError } from '../../http/errors.ts';
import type { AuditService } from '../audit/index.ts';
import { recordAssignmentsCreated } from './task-events.ts';
import { orgRepository, unitsInScope } from '../org/index.ts';
import { assignmentStatuses } from './assignment-facts.repository.ts';
import { assignmentViews, listAssignments } from './assignment-list.ts';
import { refreshStatuses } from './stored-status.ts';
import { assignmentsRepository, type AssignmentViewRow } from './assignments.repository.ts';
import { todayVn } from './reporting-period.ts';
import {
  assertCanAssign,
  assertCanCascade,
  assertCanSeeAssignment,
  assertCanUpdateAssignment,
  assertUnitInScope,
  assertUnitsInScope,
} from './tasks.policy.ts';
import { tasksRepository } from './tasks.repository.ts';

export type AssignInput = z.input<typeof AssignBody>;
export type CascadeInput = z.input<typeof CascadeBody>;

const invalid = (errors: FieldError[]) => new AppError(400, 'validation_failed', {}, errors);
const beforeStart = (start: string): FieldError => ({
  path: 'deadline',
  key: 'assignment_deadline_before_start',
  params: { start },
});

export class AssignmentsService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
  ) {}

  /**
   * Visible assignments with their status and reporting as of a date (assignment-list.ts). `mine=true`:
   * the caller's own unit's.
   */
  list(ctx: RequestContext, query: AssignmentListQuery) {
    return listAssignments(this.db, ctx, query);
  }

  /** One assignment; 404 when the caller cannot see it. */
  async get(ctx: RequestContext, id: string, asOf?: string): Promise<Assignment> {
    const rows = await assignmentsRepository.list(this.db, { scope: ctx.actor.scope, ids: [id] });
    if (!rows.length) throw notFound('assignment_not_found');
    const [a] = await this.present(this.db, rows, asOf ?? todayVn(), ctx.actor.unitId);
    return a!;
  }

  /**
   * Assigns a task to units (one assignment each); units already holding the task are skipped. The assigning
   * unit is the caller's (the programme owner when the caller sits at the national root).
   */
  async assign(ctx: RequestContext, taskId: string, body: AssignInput) {
    assertCanAssign(ctx.actor);
    return inTransaction(this.db, async (tx) => {
      const task = await tasksRepository.findTask(tx, taskId);
      if (!task) throw notFound('task_not_found');
      const programme = (await tasksRepository.findProgramme(tx, task.programme_id))!;
      await assertUnitInScope(tx, ctx.actor, programme.owner_unit_id, 'id');

      // every unit named lies in the caller's scope; "all units of a kind" means those of the caller's scope
      const requested = body.allOfKind
        ? [
            ...(await unitsInScope(
              tx,
              ctx.actor.scope,
              await assignmentsRepository.unitIdsOfKind(tx, body.allOfKind),
            )),
          ]
        : [...new Set(body.unitIds ?? [])];
      if (!requested.length)
        throw invalid([{ path: body.allOfKind ? 'allOfKind' : 'unitIds', key: 'assignment_units_required' }]);
      const known = new Set((await assignmentsRepository.currentUnits(tx, requested)).map((u) => u.id));
      const errors: FieldError[] = [];
      requested.forEach((id, i) => {
        if (!known.has(id)) errors.push({ path: `unitIds.${i}`, key: 'unit_not_found' });
      });
      const deadline = task.is_continuous ? null : (body.deadline ?? task.deadline);
      if (!task.is_continuous && !deadline)
        errors.push({ path: 'deadline', key: 'assignment_deadline_required' });
      if (deadlineBeforeStart(deadline, task.start_date)) errors.push(beforeStart(task.start_date));
      if (errors.length) throw invalid(errors);
      await assertUnitsInScope(tx, ctx.actor, requested, (i) => `unitIds.${i}`);

      // the national root is not a unit that assigns work: its admins assign on behalf of the programme owner
      const actorUnit = await orgRepository.findById(tx, ctx.actor.unitId);
      const assignedBy = assigningUnit(actorUnit, programme.owner_unit_id);
      const existing = await assignmentsRepository.assignedUnitIds(tx, taskId);
      const targets = requested.filter((u) => !existing.has(u));
      const now = new Date();
      const inserted = targets.map((unitId) => ({
        id: newId(),
        task_id: taskId,
        unit_id: unitId,
        assigned_by_unit_id: assignedBy,
        parent_assignment_id: null,
        deadline,
        original_deadline: deadline,
        responsible_leader: body.responsibleLeader ?? null,
        updated_at: now,
      }));
      await assignmentsRepository.insertMany(tx, inserted);
      await refreshStatuses(
        tx,
        inserted.map((r) => r.id),
      );
      await recordAssignmentsCreated(tx, ctx, task, { assignedByUnitId: assignedBy, deadline }, inserted);
      await this.audit.record(tx, ctx, {
        action: 'assignment.assign',
        entityType: 'task',
        entityId: taskId,
        after: {
          assignedByUnitId: assignedBy,
          unitIds: targets,
          deadline,
          allOfKind: body.allOfKind ?? null,
        },
      });
      return { created: targets.length, skipped: requested.length - targets.length };
    });
  }

  /** Cascades an assignment to units below its unit, with a deadline no later than its own. */
  async cascade(ctx: RequestContext, assignmentId: string, body: CascadeInput) {
    return inTransaction(this.db, async (tx) => {
      const parent = await assignmentsRepository.find(tx, assignmentId);
      await assertCanSeeAssignment(tx, ctx.actor, parent);
      await assertCanCascade(tx, ctx.actor, parent!);
      const task = (await tasksRepository.findTask(tx, parent!.task_id))!;
      const requested = body.allChildren
        ? await assignmentsRepository.childUnitIds(tx, parent!.unit_id)
        : [...new Set(body.unitIds ?? [])];
      if (!requested.length) throw invalid([{ path: 'unitIds', key: 'assignment_units_required' }]);
      const below = await assignmentsRepository.unitsBelow(tx, parent!.unit_id, requested);
      const errors: FieldError[] = [];
      requested.forEach((id, i) => {
        if (!below.has(id)) errors.push({ path: `unitIds.${i}`, key: 'cascade_not_below' });
      });
      const deadline = task.is_continuous ? null : (body.deadline ?? parent!.deadline);
      if (deadline && parent!.deadline && deadline > parent!.deadline) {
        errors.push({
          path: 'deadline',
          key: 'cascade_deadline_after_parent',
          params: { deadline: parent!.deadline },
        });
      }
      if (deadlineBeforeStart(deadline, task.start_date)) errors.push(beforeStart(task.start_date));
      if (errors.length) throw invalid(errors);
      const existing = await assignmentsRepository.assignedUnitIds(tx, parent!.task_id);
      const targets = requested.filter((u) => !existing.has(u));
      const now = new Date();
      const inserted = targets.map((unitId) => ({
        id: newId(),
        task_id: parent!.task_id,
        unit_id: unitId,
        assigned_by_unit_id: parent!.unit_id,
        parent_assignment_id: parent!.id,
        deadline,
        original_deadline: deadline,
        updated_at: now,
      }));
      await assignmentsRepository.insertMany(tx, inserted);
      await recordAssignmentsCreated(
        tx,
        ctx,
        task,
        { assignedByUnitId: parent!.unit_id, deadline, parentAssignmentId: parent!.id },
        inserted,
      );
      await refreshStatuses(
        tx,
        inserted.map((r) => r.id),
      );
      await this.audit.record(tx, ctx, {
        action: 'assignment.cascade',
        entityType: 'assignment',
        entityId: parent!.id,
        after: { unitIds: targets, deadline, allChildren: body.allChildren ?? false },
      });
      return { created: targets.length, skipped: requested.length - targets.length };
    });
  }

  async update(
    ctx: RequestContext,
    id: string,
    body: { responsibleLeader?: string | null | undefined },
  ): Promise<Assignment> {
    await inTransaction(this.db, async (tx) => {
      const row = await assignmentsRepository.find(tx, id);
      await assertCanSeeAssignment(tx, ctx.actor, row);
      await assertCanUpdateAssignment(tx, ctx.actor, row!);
      if (body.responsibleLeader !== undefined) {
        const after = await assignmentsRepository.update(tx, id, {
          responsible_leader: body.responsibleLeader ?? null,
          updated_at: new Date(),
        });
        await this.audit.record(tx, ctx, {
          action: 'assignment.update',
          entityType: 'assignment',
          entityId: id,
          before: row,
          after,
        });
      }
    });
    return this.get(ctx, id);
  }

  private async present(
    db: Executor,
    rows: AssignmentViewRow[],
    asOf: string,
    viewerUnitId: string,
  ): Promise<Assignment[]> {
    const ids = rows.map((r) => r.id);
    return assignmentViews(db, rows, await assignmentStatuses(db, ids, asOf), asOf, viewerUnitId);
  }
}
