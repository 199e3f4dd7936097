/** Task statuses as of a date: the engine applied to the assignments that carry each task's status. */
import type { Executor } from '../../db/transaction.ts';
import { assignmentStatuses } from './assignment-facts.repository.ts';
import { assignmentsRepository } from './assignments.repository.ts';
import { rollUp, type StatusResult } from './status-engine.ts';
import type { TaskListRow } from './tasks.repository.ts';

export interface CarrierStatus {
  id: string;
  task_id: string;
  unit_id: string;
  result: StatusResult;
}

export interface TaskStatuses {
  byTask: Map<string, { result: StatusResult; assignmentCount: number }>;
  carriers: CarrierStatus[];
}

/**
 * For national staff and a task's lead unit, a task rolls up from its root assignments (those assigned
 * directly); for anyone else, from the top-most assignments they can see (a province: its own).
 */
export async function taskStatuses(
  db: Executor,
  scopeRootId: string | null,
  tasks: TaskListRow[],
  asOf: string,
): Promise<TaskStatuses> {
  const led = new Set(tasks.filter((t) => scopeRootId === null || t.led_in_scope).map((t) => t.id));
  const carriers = await assignmentsRepository.statusCarriers(
    db,
    scopeRootId,
    tasks.map((t) => t.id),
    led,
  );
  const statuses = await assignmentStatuses(
    db,
    carriers.map((c) => c.id),
    asOf,
  );
  const perTask = new Map<string, StatusResult[]>();
  const withResult: CarrierStatus[] = [];
  for (const c of carriers) {
    const result = statuses.get(c.id);
    if (!result) continue;
    withResult.push({ ...c, result });
    const list = perTask.get(c.task_id) ?? [];
    list.push(result);
    perTask.set(c.task_id, list);
  }
  const byTask = new Map<string, { result: StatusResult; assignmentCount: number }>();
  for (const t of tasks) {
    const list = perTask.get(t.id) ?? [];
    byTask.set(t.id, { result: rollUp(list), assignmentCount: list.length });
  }
  return { byTask, carriers: withResult };
}
