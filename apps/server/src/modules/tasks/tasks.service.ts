import { deadlineBeforeStart } from './task-rules.ts';
import type { CreateTaskBody, Task, TaskListQuery, UpdateTaskBody } from '@pilotage/contracts';
import type { z } from 'zod';
import type { Db } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction, type Executor } from '../../db/transaction.ts';
import { refreshTaskStatuses } from './stored-status.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError, notFound, type FieldError } from '../../http/errors.ts';
import type { AuditService } from '../audit/index.ts';
import { todayVn } from './reporting-period.ts';
import { taskStatuses, type TaskStatuses } from './task-status.ts';
import { toTask } from './tasks.mappers.ts';
import { assertCanManageProgrammes, assertUnitInScope, assertUnitsInScope } from './tasks.policy.ts';
import { taskSearchKey, tasksRepository, type TaskListRow } from './tasks.repository.ts';

export type CreateTaskInput = z.input<typeof CreateTaskBody>;

export class TasksService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
  ) {}

  /**
   * Tasks with their status as of a date. A task's status is the engine's roll-up of its carriers, which
   * SQL aggregates (stored status as of today): the status and at-risk filters apply to those roll-ups, and
   * only the page's tasks are presented.
   */
  async list(ctx: RequestContext, query: TaskListQuery) {
    const asOf = query.asOf ?? todayVn();
    const scope = ctx.actor.scope;
    const rows = await tasksRepository.listTasks(this.db, { scope, ...query });
    const { byTask } = await taskStatuses(this.db, scope, rows, asOf);
    const kept = rows.filter((r) => {
      const s = byTask.get(r.id)!.result;
      if (query.status && s.status !== query.status) return false;
      return !query.atRisk || s.atRisk === (query.atRisk === 'true');
    });
    const page = kept.slice(query.offset, query.offset + query.limit);
    return { items: await this.present(this.db, byTask, page), total: kept.length };
  }

  /** A task outside the caller's view answers 404. */
  async get(ctx: RequestContext, id: string, asOf?: string): Promise<Task> {
    const scope = ctx.actor.scope;
    const rows = await tasksRepository.listTasks(this.db, { scope, ids: [id] });
    if (!rows.length) throw notFound('task_not_found');
    const { byTask } = await taskStatuses(this.db, scope, rows, asOf ?? todayVn());
    const [task] = await this.present(this.db, byTask, rows);
    return task!;
  }

  async create(ctx: RequestContext, body: CreateTaskInput): Promise<Task> {
    assertCanManageProgrammes(ctx.actor);
    const programme = await tasksRepository.findProgramme(this.db, body.programmeId);
    if (!programme)
      throw new AppError(400, 'validation_failed', {}, [{ path: 'programmeId', key: 'programme_not_found' }]);
    await assertUnitInScope(this.db, ctx.actor, programme.owner_unit_id, 'programmeId');
    const isContinuous = body.isContinuous ?? false;
    const deadline = isContinuous ? null : (body.deadline ?? null);
    const errors: FieldError[] = [];
    if (!isContinuous && !deadline) errors.push({ path: 'deadline', key: 'task_deadline_required' });
    if (deadlineBeforeStart(deadline, body.startDate))
      errors.push({ path: 'deadline', key: 'task_deadline_before_start', params: { start: body.startDate } });
    const coordinating = [...new Set(body.coordinatingUnitIds ?? [])];
    const units = await tasksRepository.unitsByIds(this.db, [body.leadUnitId, ...coordinating]);
    if (!units.some((u) => u.id === body.leadUnitId))
      errors.push({ path: 'leadUnitId', key: 'unit_not_found' });
    coordinating.forEach((id, i) => {
      if (!units.some((u) => u.id === id))
        errors.push({ path: `coordinatingUnitIds.${i}`, key: 'unit_not_found' });
    });
    if (body.parentTaskId) {
      const parent = await tasksRepository.findTask(this.db, body.parentTaskId);
      if (!parent || parent.programme_id !== programme.id)
        errors.push({ path: 'parentTaskId', key: 'task_parent_invalid' });
    }
    if (errors.length) throw new AppError(400, 'validation_failed', {}, errors);
    await assertUnitInScope(this.db, ctx.actor, body.leadUnitId, 'leadUnitId');
    await assertUnitsInScope(this.db, ctx.actor, coordinating, (i) => `coordinatingUnitIds.${i}`);
    const taken = () => new AppError(409, 'task_code_taken', {}, [{ path: 'code', key: 'task_code_taken' }]);
    if (await tasksRepository.findTaskByCode(this.db, programme.id, body.code)) throw taken();

    const id = newId();
    await inTransaction(this.db, async (tx) => {
      const row = await tasksRepository
        .insertTask(tx, {
          id,
          programme_id: programme.id,
          code: body.code,
          title: body.title,
          description: body.description ?? null,
          source_clause: body.sourceClause ?? null,
          category: body.category,
          expected_product: body.expectedProduct ?? null,
          lead_unit_id: body.leadUnitId,
          start_date: body.startDate,
          deadline,
          is_continuous: isContinuous,
          reporting_frequency: body.reportingFrequency ?? null,
          priority: body.priority ?? 'normal',
          parent_task_id: body.parentTaskId ?? null,
          search_key: taskSearchKey(body.code, body.title, body.description),
          created_by: ctx.actor.userId,
          updated_at: new Date(),
        })
        .catch((e: unknown) => {
          throw isUniqueViolation(e) ? taken() : e;
        });
      if (coordinating.length)
        await tasksRepository.insertCoordinating(
          tx,
          coordinating.map((unit_id) => ({ task_id: id, unit_id })),
        );
      await this.audit.record(tx, ctx, {
        action: 'task.create',
        entityType: 'task',
        entityId: id,
        after: { ...row, coordinatingUnitIds: coordinating },
      });
    });
    return this.get(ctx, id);
  }

  async update(ctx: RequestContext, id: string, body: z.infer<typeof UpdateTaskBody>): Promise<Task> {
    assertCanManageProgrammes(ctx.actor);
    const before = await this.get(ctx, id);
    const programme = await tasksRepository.findProgramme(this.db, before.programmeId);
    await assertUnitInScope(this.db, ctx.actor, programme!.owner_unit_id, 'id');
    if (body.deadline !== undefined) {
      if (before.isContinuous)
        throw new AppError(400, 'validation_failed', {}, [
          { path: 'deadline', key: 'extension_not_applicable' },
        ]);
      if (deadlineBeforeStart(body.deadline, before.startDate)) {
        throw new AppError(400, 'validation_failed', {}, [
          { path: 'deadline', key: 'task_deadline_before_start', params: { start: before.startDate } },
        ]);
      }
    }
    await inTransaction(this.db, async (tx) => {
      const title = body.title ?? before.title;
      const description = body.description !== undefined ? body.description : before.description;
      const after = await tasksRepository.updateTask(tx, id, {
        ...(body.title !== undefined ? { title: body.title } : {}),
        ...(body.description !== undefined ? { description: body.description } : {}),
        ...(body.category !== undefined ? { category: body.category } : {}),
        ...(body.expectedProduct !== undefined ? { expected_product: body.expectedProduct } : {}),
        ...(body.priority !== undefined ? { priority: body.priority } : {}),
        ...(body.deadline !== undefined ? { deadline: body.deadline } : {}),
        search_key: taskSearchKey(before.code, title, description),
        updated_at: new Date(),
      });
      if (body.deadline !== undefined) await refreshTaskStatuses(tx, id);
      await this.audit.record(tx, ctx, {
        action: 'task.update',
        entityType: 'task',
        entityId: id,
        before,
        after,
      });
    });
    return this.get(ctx, id);
  }

  private async present(db: Executor, byTask: TaskStatuses['byTask'], rows: TaskListRow[]): Promise<Task[]> {
    const coordinating = await tasksRepository.coordinatingUnits(
      db,
      rows.map((r) => r.id),
    );
    return rows.map((r) => {
      const s = byTask.get(r.id)!;
      return toTask(r, coordinating.get(r.id) ?? [], s.result, s.assignmentCount);
    });
  }
}
