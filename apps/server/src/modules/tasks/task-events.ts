import type { Tx } from '../../db/transaction.ts';
import type { RequestContext } from '../../http/context.ts';
import { recordEvent } from '../events/index.ts';
import { orgRepository } from '../org/index.ts';
import { tasksRepository } from './tasks.repository.ts';

/**
 * The domain events of the tasks module (assignments, cascades, extensions), recorded in the caller's
 * transaction. Each builds its payload from the rows at hand plus the names consumers show.
 */
interface AssignmentRef {
  id: string;
  task_id: string;
  unit_id: string;
  assigned_by_unit_id: string;
}

export async function recordAssignmentsCreated(
  tx: Tx,
  ctx: RequestContext,
  task: { id: string; code: string; title: string },
  batch: { assignedByUnitId: string; deadline: string | null; parentAssignmentId?: string | null },
  created: { id: string; unit_id: string }[],
): Promise<void> {
  if (created.length === 0) return;
  const common = {
    taskId: task.id,
    taskCode: task.code,
    taskTitle: task.title,
    assignedByUnitId: batch.assignedByUnitId,
    deadline: batch.deadline,
    assignments: created.map((a) => ({ id: a.id, unitId: a.unit_id })),
  };
  await recordEvent(
    tx,
    batch.parentAssignmentId
      ? { type: 'assignment.cascaded', parentAssignmentId: batch.parentAssignmentId, ...common }
      : { type: 'assignment.created', ...common },
    { actorUserId: ctx.actor.userId },
  );
}

async function extensionFacts(tx: Tx, extensionId: string, a: AssignmentRef) {
  const [task, unit] = await Promise.all([
    tasksRepository.findTask(tx, a.task_id),
    orgRepository.findById(tx, a.unit_id),
  ]);
  return {
    extensionId,
    assignmentId: a.id,
    unitId: a.unit_id,
    unitName: unit?.name ?? '',
    assignedByUnitId: a.assigned_by_unit_id,
    taskCode: task?.code ?? '',
    taskTitle: task?.title ?? '',
  };
}

export async function recordExtensionRequested(
  tx: Tx,
  ctx: RequestContext,
  a: AssignmentRef,
  ext: { id: string; requestedDeadline: string; reason: string },
): Promise<void> {
  await recordEvent(
    tx,
    {
      type: 'extension.requested',
      ...(await extensionFacts(tx, ext.id, a)),
      requestedDeadline: ext.requestedDeadline,
      reason: ext.reason,
    },
    { actorUserId: ctx.actor.userId },
  );
}

export async function recordExtensionDecided(
  tx: Tx,
  ctx: RequestContext,
  a: AssignmentRef,
  decision: { extensionId: string; approved: boolean; deadline: string | null },
): Promise<void> {
  await recordEvent(
    tx,
    {
      type: 'extension.decided',
      ...(await extensionFacts(tx, decision.extensionId, a)),
      approved: decision.approved,
      deadline: decision.deadline,
    },
    { actorUserId: ctx.actor.userId },
  );
}
