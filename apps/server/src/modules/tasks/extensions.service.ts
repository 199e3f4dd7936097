import type { Extension } from '@pilotage/contracts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction } from '../../db/transaction.ts';
import { refreshStatuses } from './stored-status.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { AuditService } from '../audit/index.ts';
import { recordExtensionDecided, recordExtensionRequested } from './task-events.ts';
import { assignmentsRepository } from './assignments.repository.ts';
import { todayVn } from './reporting-period.ts';
import { toExtension } from './tasks.mappers.ts';
import {
  assertCanDecideExtension,
  assertCanRequestExtension,
  assertCanSeeAssignment,
} from './tasks.policy.ts';
import { tasksRepository } from './tasks.repository.ts';

/**
 * Deadline extensions: requested by the assigned unit, decided by the assigning unit. On approval the
 * assignment's deadline in force becomes the new one from the decision date (effective_on); its
 * original_deadline never changes, and the status engine says which deadline it used for a given date.
 */
export class ExtensionsService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
  ) {}

  async list(ctx: RequestContext, assignmentId: string) {
    await assertCanSeeAssignment(this.db, ctx.actor, await assignmentsRepository.find(this.db, assignmentId));
    const rows = await assignmentsRepository.listExtensions(this.db, assignmentId);
    return { items: rows.map(toExtension), total: rows.length };
  }

  async request(
    ctx: RequestContext,
    assignmentId: string,
    body: { requestedDeadline: string; reason: string },
  ): Promise<Extension> {
    const a = await assignmentsRepository.find(this.db, assignmentId);
    await assertCanSeeAssignment(this.db, ctx.actor, a);
    assertCanRequestExtension(ctx.actor, a!);
    const task = (await tasksRepository.findTask(this.db, a!.task_id))!;
    if (task.is_continuous || !a!.deadline || a!.completed_on) {
      throw new AppError(400, 'validation_failed', {}, [
        { path: 'requestedDeadline', key: 'extension_not_applicable' },
      ]);
    }
    if (body.requestedDeadline <= a!.deadline) {
      throw new AppError(400, 'validation_failed', {}, [
        { path: 'requestedDeadline', key: 'extension_not_later', params: { deadline: a!.deadline } },
      ]);
    }
    if (a!.parent_assignment_id) {
      const parent = await assignmentsRepository.find(this.db, a!.parent_assignment_id);
      if (parent?.deadline && body.requestedDeadline > parent.deadline) {
        throw new AppError(400, 'validation_failed', {}, [
          {
            path: 'requestedDeadline',
            key: 'extension_beyond_parent',
            params: { deadline: parent.deadline },
          },
        ]);
      }
    }
    return inTransaction(this.db, async (tx) => {
      if (await assignmentsRepository.pendingExtension(tx, assignmentId))
        throw new AppError(409, 'extension_pending_exists');
      const row = await assignmentsRepository.insertExtension(tx, {
        id: newId(),
        assignment_id: assignmentId,
        previous_deadline: a!.deadline!,
        requested_deadline: body.requestedDeadline,
        reason: body.reason,
        status: 'pending',
        requested_by: ctx.actor.userId,
        requested_at: new Date(),
      });
      const ext = toExtension(row);
      await this.audit.record(tx, ctx, {
        action: 'extension.request',
        entityType: 'deadline_extension',
        entityId: ext.id,
        after: ext,
      });
      await recordExtensionRequested(tx, ctx, a!, { id: ext.id, ...body });
      return ext;
    });
  }

  async decide(
    ctx: RequestContext,
    extensionId: string,
    body: { approve: boolean; note?: string | null | undefined },
  ): Promise<Extension> {
    const decidedOn = todayVn();
    return inTransaction(this.db, async (tx) => {
      const ext = await assignmentsRepository.findExtension(tx, extensionId);
      if (!ext) throw notFound('extension_not_found');
      const a = await assignmentsRepository.find(tx, ext.assignment_id);
      await assertCanSeeAssignment(tx, ctx.actor, a).catch(() => {
        throw notFound('extension_not_found');
      });
      assertCanDecideExtension(ctx.actor, a!);
      if (ext.status !== 'pending') throw new AppError(409, 'extension_not_pending');
      const row = await assignmentsRepository.decideExtension(tx, extensionId, {
        status: body.approve ? 'approved' : 'rejected',
        decided_by: ctx.actor.userId,
        decided_at: new Date(),
        effective_on: body.approve ? decidedOn : null,
        decision_note: body.note ?? null,
      });
      if (!row) throw new AppError(409, 'extension_not_pending');
      if (body.approve) {
        await assignmentsRepository.update(tx, a!.id, {
          deadline: ext.requested_deadline,
          updated_at: new Date(),
        });
        await refreshStatuses(tx, [a!.id]);
      }
      const after = toExtension(row);
      await this.audit.record(tx, ctx, {
        action: body.approve ? 'extension.approve' : 'extension.reject',
        entityType: 'deadline_extension',
        entityId: extensionId,
        before: toExtension(ext),
        after: {
          ...after,
          assignmentDeadline: body.approve ? ext.requested_deadline : a!.deadline,
          originalDeadline: a!.original_deadline,
        },
      });
      await recordExtensionDecided(tx, ctx, a!, {
        extensionId,
        approved: body.approve,
        deadline: body.approve ? ext.requested_deadline : a!.deadline,
      });
      return after;
    });
  }
}
