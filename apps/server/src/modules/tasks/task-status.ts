/**
 * Task statuses as of a date: the status engine's roll-up over the assignments that carry each task's
 * status (carriers.repository.ts). As of today the carriers' stored statuses are aggregated in SQL
 * (ADR 0010); as of another date the engine runs on the carriers' facts, reduced in SQL.
 */
import type { StatusCounts } from '@pilotage/contracts';
import type { Executor } from '../../db/transaction.ts';
import type { Scope } from '../org/index.ts';
import { assignmentStatuses } from './assignment-facts.repository.ts';
import { carriersRepository } from './carriers.repository.ts';
import { todayVn } from './reporting-period.ts';
import { aggregateOf, rollUpAggregate, type RollUpAggregate, type StatusResult } from './status-engine.ts';
import type { TaskListRow } from './tasks.repository.ts';

export interface CarrierStatus {
  id: string;
  task_id: string;
  unit_id: string;
  result: StatusResult;
}

export interface UnitTally {
  total: number;
  byStatus: StatusCounts;
  atRisk: number;
}

export interface TaskStatuses {
  byTask: Map<string, { result: StatusResult; assignmentCount: number }>;
  byUnit: Map<string, UnitTally>;
}

const total = (c: StatusCounts) => c.done_on_time + c.done_late + c.in_progress + c.overdue + c.not_started;

function tally(a: RollUpAggregate): UnitTally {
  return { total: total(a.counts), byStatus: { ...a.counts }, atRisk: a.atRisk };
}

function ledIds(tasks: TaskListRow[]): string[] {
  return tasks.filter((t) => t.led_in_scope).map((t) => t.id);
}

export async function taskStatuses(
  db: Executor,
  scope: Scope,
  tasks: TaskListRow[],
  asOf: string,
): Promise<TaskStatuses> {
  const taskIds = tasks.map((t) => t.id);
  const led = ledIds(tasks);
  const byTaskAgg = new Map<string, RollUpAggregate>();
  const byUnit = new Map<string, UnitTally>();
  if (asOf === todayVn()) {
    const [perTask, perUnit] = [
      await carriersRepository.aggregate(db, scope, taskIds, led, 'task'),
      await carriersRepository.aggregate(db, scope, taskIds, led, 'unit'),
    ];
    for (const a of perTask) byTaskAgg.set(a.key, a);
    for (const a of perUnit) byUnit.set(a.key, tally(a));
  } else {
    const carriers = await carrierStatuses(db, scope, tasks, asOf);
    const perTask = new Map<string, StatusResult[]>();
    const perUnit = new Map<string, StatusResult[]>();
    for (const c of carriers) {
      perTask.set(c.task_id, [...(perTask.get(c.task_id) ?? []), c.result]);
      perUnit.set(c.unit_id, [...(perUnit.get(c.unit_id) ?? []), c.result]);
    }
    for (const [k, list] of perTask) byTaskAgg.set(k, aggregateOf(list));
    for (const [k, list] of perUnit) byUnit.set(k, tally(aggregateOf(list)));
  }
  const byTask = new Map<string, { result: StatusResult; assignmentCount: number }>();
  for (const t of tasks) {
    const a = byTaskAgg.get(t.id) ?? aggregateOf([]);
    byTask.set(t.id, { result: rollUpAggregate(a), assignmentCount: total(a.counts) });
  }
  return { byTask, byUnit };
}

/** The carriers themselves with their status as of a date (exports and the review list them). */
export async function carrierStatuses(
  db: Executor,
  scope: Scope,
  tasks: TaskListRow[],
  asOf: string,
): Promise<CarrierStatus[]> {
  const carriers = await carriersRepository.list(
    db,
    scope,
    tasks.map((t) => t.id),
    ledIds(tasks),
  );
  const statuses = await assignmentStatuses(
    db,
    carriers.map((c) => c.id),
    asOf,
  );
  const out: CarrierStatus[] = [];
  for (const c of carriers) {
    const result = statuses.get(c.id);
    if (result) out.push({ ...c, result });
  }
  return out;
}
