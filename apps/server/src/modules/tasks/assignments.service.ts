import { assigningUnit, deadlineBeforeStart } from './task-rules.ts';
import {
  ReportingFrequency,
  type Assignment,
  type AssignmentListQuery,
  type AssignBody,
  type CascadeBody,
} from '@pilotage/contracts';
import type { z } from 'zod';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction, type Executor } from '../../db/transaction.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError, notFound, type FieldError } from '../../http/errors.ts';
import type { AuditService } from '../audit/index.ts';
import { recordAssignmentsCreated } from './task-events.ts';
import { orgRepository, unitsInScope } from '../org/index.ts';
import { assignmentStatuses, storedResult } from './assignment-facts.repository.ts';
import { catchUp, refreshStatuses } from './stored-status.ts';
import { isDone, type StatusResult } from './status-engine.ts';
import { reportingOf } from './assignment-reporting.repository.ts';
import {
  assignmentsRepository,
  type AssignmentFilter,
  type AssignmentViewRow,
  type ReportDueWindow,
} from './assignments.repository.ts';
import { periodsDueBetween } from './reporting-state.ts';
import { addDays, periodBounds, todayVn } from './reporting-period.ts';
import { toAssignment } from './tasks.mappers.ts';
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

/** The periods whose report falls due in [from, to], for every frequency and due-day setting in use. */
async function reportsDue(db: Executor, from: string, to: string): Promise<ReportDueWindow[]> {
  const out: ReportDueWindow[] = [];
  for (const dueDays of await assignmentsRepository.reportDueDays(db))
    for (const frequency of ReportingFrequency.options)
      for (const period of periodsDueBetween(frequency, dueDays, from, to))
        out.push({
          frequency,
          dueDays,
          period,
          periodStart: periodBounds(period).start,
          periodEnd: periodBounds(period).end,
        });
  return out;
}

export class AssignmentsService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
  ) {}

  /**
   * Visible assignments with their status as of a date. `mine=true`: the caller's own unit's. As of today,
   * status and due filters, order and paging run in SQL on the stored status (ADR 0010); as of another date
   * the engine runs on the facts (reduced in SQL), and status filters apply to its results.
   */
  async list(ctx: RequestContext, query: AssignmentListQuery) {
    const today = todayVn();
    const asOf = query.asOf ?? today;
    const filter: AssignmentFilter = {
      scope: ctx.actor.scope,
      unitId: query.mine === 'true' ? ctx.actor.unitId : query.unitId,
      taskId: query.taskId,
      programmeId: query.programmeId,
      parentAssignmentId: query.parentAssignmentId,
      rootsOnly: query.rootsOnly === 'true',
      q: query.q,
    };
    const page = { limit: query.limit, offset: query.offset };
    const until = query.dueWithinDays !== undefined ? addDays(asOf, query.dueWithinDays) : null;
    if (asOf === today) {
      await catchUp(this.db, today);
      const f: AssignmentFilter = {
        ...filter,
        status: query.status,
        dueBetween: until
          ? { from: asOf, to: until, reportsDue: await reportsDue(this.db, asOf, until) }
          : undefined,
      };
      const [rows, total] = [
        await assignmentsRepository.list(this.db, f, page),
        await assignmentsRepository.count(this.db, f),
      ];
      const stored = new Map(rows.map((r) => [r.id, storedResult(r)]));
      return { items: await this.views(this.db, rows, stored, asOf), total };
    }
    if (query.status === undefined && until === null) {
      const rows = await assignmentsRepository.list(this.db, filter, page);
      return {
        items: await this.present(this.db, rows, asOf),
        total: await assignmentsRepository.count(this.db, filter),
      };
    }
    // a past date with status filters: the engine on every matching id, then the views of one page only
    const ids = await assignmentsRepository.listIds(this.db, filter);
    const statuses = await assignmentStatuses(this.db, ids, asOf);
    const byStatus = ids.filter((id) => !query.status || statuses.get(id)!.status === query.status);
    const reporting = until === null ? null : await reportingOf(this.db, byStatus, asOf);
    const kept = byStatus.filter((id) => {
      if (until === null) return true;
      const s = statuses.get(id)!;
      const d = s.effectiveDeadline;
      const next = reporting!.get(id)?.nextDue?.dueOn;
      return (d !== null && d >= asOf && d <= until && !isDone(s.status)) || (!!next && next <= until);
    });
    const pageIds = kept.slice(page.offset, page.offset + page.limit);
    const rows = await assignmentsRepository.list(this.db, { scope: filter.scope, ids: pageIds });
    return { items: await this.views(this.db, rows, statuses, asOf), total: kept.length };
  }

  /** One assignment; 404 when the caller cannot see it. */
  async get(ctx: RequestContext, id: string, asOf?: string): Promise<Assignment> {
    const rows = await assignmentsRepository.list(this.db, { scope: ctx.actor.scope, ids: [id] });
    if (!rows.length) throw notFound('assignment_not_found');
    const [a] = await this.present(this.db, rows, asOf ?? todayVn());
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

  private async present(db: Executor, rows: AssignmentViewRow[], asOf: string): Promise<Assignment[]> {
    const statuses = await assignmentStatuses(
      db,
      rows.map((r) => r.id),
      asOf,
    );
    return this.views(db, rows, statuses, asOf);
  }

  /** API shapes: each row with its status and its reporting summary as of the date. */
  private async views(
    db: Executor,
    rows: AssignmentViewRow[],
    statuses: Map<string, StatusResult>,
    asOf: string,
  ): Promise<Assignment[]> {
    const reporting = await reportingOf(
      db,
      rows.map((r) => r.id),
      asOf,
    );
    return rows.map((r) => toAssignment(r, statuses.get(r.id)!, reporting.get(r.id)));
  }
}
