import type { Executor } from '../../db/transaction.ts';
import type { RequestContext } from '../../http/context.ts';
import { notFound } from '../../http/errors.ts';
import {
  type StatusResult,
  carrierStatuses,
  taskStatuses,
  type CarrierStatus,
  tasksRepository,
  type ProgrammeRow,
  type TaskListRow,
} from '../tasks/index.ts';
import type { Scope } from '../org/index.ts';

export interface TaskView {
  row: TaskListRow;
  result: StatusResult;
  assignmentCount: number;
}

export interface ProgrammeView {
  programme: ProgrammeRow;
  /** The caller's scope (org/scope.ts). */
  scope: Scope;
  asOf: string;
  tasks: TaskView[];
  /** The assignments that carry each task's status (the tasks core's roll-up rule). */
  carriers: CarrierStatus[];
}

/**
 * A programme's tasks visible to the caller with their status as of a date, computed by the tasks core
 * (tasks.repository listTasks + task-status taskStatuses → status-engine), so that exports and reviews
 * always agree with GET /api/tasks and /api/programmes/:id/summary.
 */
export async function loadProgrammeView(
  db: Executor,
  ctx: RequestContext,
  programmeId: string,
  asOf: string,
): Promise<ProgrammeView> {
  const programme = await tasksRepository.findProgramme(db, programmeId);
  if (!programme) throw notFound('programme_not_found');
  const scope = ctx.actor.scope;
  const rows = await tasksRepository.listTasks(db, { scope, programmeId });
  const { byTask } = await taskStatuses(db, scope, rows, asOf);
  const carriers = await carrierStatuses(db, scope, rows, asOf);
  return { programme, scope, asOf, tasks: rows.map((row) => ({ row, ...byTask.get(row.id)! })), carriers };
}
