import type { z } from 'zod';
import type { Commitment, CommitmentListQuery, SignCommitmentBody } from '@pilotage/contracts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import type { Executor } from '../../db/transaction.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError, notFound, type FieldError } from '../../http/errors.ts';
import type { AuditService } from '../audit/index.ts';
import { recordEvent } from '../events/index.ts';
import { identityRepository } from '../identity/index.ts';
import { canSeeUnit } from '../org/index.ts';
import { runIdempotent } from '../reports/index.ts';
import { todayVn } from '../tasks/index.ts';
import { commitmentState, contentHash, itemKept } from './commitment.state.ts';
import { assertCanSign } from './commitments.policy.ts';
import {
  commitmentsRepository,
  type CommitmentItemRow,
  type CommitmentListRow,
} from './commitments.repository.ts';

function toCommitment(c: CommitmentListRow, items: CommitmentItemRow[], asOf: string): Commitment {
  const mine = items.filter((i) => i.commitment_id === c.id);
  const hash = contentHash({
    unitId: c.unit_id,
    programmeId: c.programme_id,
    outcome: c.outcome,
    dueOn: c.due_on,
    assignmentIds: mine.map((i) => i.assignment_id),
    signerUserId: c.signer_user_id,
    signerName: c.signer_name,
    signedAt: c.signed_at.toISOString(),
  });
  return {
    id: c.id,
    unit: { id: c.unit_id, code: c.unit_code, name: c.unit_name, kind: c.unit_kind },
    programmeId: c.programme_id,
    signerUserId: c.signer_user_id,
    signerName: c.signer_name,
    signedAt: c.signed_at.toISOString(),
    outcome: c.outcome,
    dueOn: c.due_on,
    contentHash: c.content_hash,
    hashValid: hash === c.content_hash,
    asOf,
    state: commitmentState(
      mine.map((i) => ({ completedOn: i.completed_on })),
      c.due_on,
      asOf,
    ),
    items: mine.map((i) => ({
      assignmentId: i.assignment_id,
      taskId: i.task_id,
      taskCode: i.task_code,
      taskTitle: i.task_title,
      deadline: i.deadline,
      completedOn: i.completed_on,
      keptOnItem: itemKept(i.completed_on, c.due_on, asOf),
    })),
  };
}

export class CommitmentsService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
  ) {}

  private async load(
    ex: Executor,
    ctx: RequestContext,
    f: { unitId?: string | undefined; programmeId?: string | undefined; ids?: string[] },
    asOf: string,
  ) {
    const rows = await commitmentsRepository.list(ex, { scope: ctx.actor.scope, ...f });
    const items = await commitmentsRepository.items(
      ex,
      rows.map((r) => r.id),
    );
    return rows.map((r) => toCommitment(r, items, asOf));
  }

  /** A unit lead signs for their unit: every assignment must be the unit's (and of the programme, if named). */
  async sign(ctx: RequestContext, body: z.infer<typeof SignCommitmentBody>, key?: string) {
    const unitId = body.unitId ?? ctx.actor.unitId;
    assertCanSign(ctx.actor, unitId);
    if (body.dueOn < todayVn())
      throw new AppError(400, 'commitment_due_in_past', {}, [
        { path: 'dueOn', key: 'commitment_due_in_past' },
      ]);
    const ids = [...new Set(body.assignmentIds)];
    return runIdempotent(
      this.db,
      ctx,
      { key, status: 201, fingerprint: { method: 'POST', path: '/api/commitments', body } },
      async (tx) => {
        const found = new Map((await commitmentsRepository.assignments(tx, ids)).map((a) => [a.id, a]));
        const errors: FieldError[] = [];
        body.assignmentIds.forEach((id, i) => {
          const a = found.get(id);
          if (!a || a.unit_id !== unitId)
            errors.push({ path: `assignmentIds.${i}`, key: 'commitment_assignment_not_of_unit' });
          else if (body.programmeId && a.programme_id !== body.programmeId)
            errors.push({ path: `assignmentIds.${i}`, key: 'commitment_assignment_other_programme' });
        });
        if (errors.length) throw new AppError(400, 'validation_failed', {}, errors);
        const programmes = new Set([...found.values()].map((a) => a.programme_id));
        const programmeId = body.programmeId ?? (programmes.size === 1 ? [...programmes][0]! : null);
        const signer = await identityRepository.findUserById(tx, ctx.actor.userId!);
        const signedAt = new Date();
        const content = {
          unitId,
          programmeId,
          outcome: body.outcome,
          dueOn: body.dueOn,
          assignmentIds: ids,
          signerUserId: ctx.actor.userId!,
          signerName: signer?.display_name ?? ctx.actor.name,
          signedAt: signedAt.toISOString(),
        };
        const id = newId();
        const hash = contentHash(content);
        await commitmentsRepository.insert(
          tx,
          {
            id,
            unit_id: unitId,
            programme_id: programmeId,
            signer_user_id: content.signerUserId,
            signer_name: content.signerName,
            outcome: content.outcome,
            due_on: content.dueOn,
            content_hash: hash,
            signed_at: signedAt,
          },
          ids,
        );
        // key names avoid "hash" so the audit redaction keeps the value
        await this.audit.record(tx, ctx, {
          action: 'commitment.sign',
          entityType: 'commitment',
          entityId: id,
          after: { ...content, contentSha256: hash },
        });
        await recordEvent(
          tx,
          { type: 'commitment.signed', commitmentId: id, unitId, assignmentIds: ids, dueOn: body.dueOn },
          { actorUserId: ctx.actor.userId },
        );
        const [created] = await this.load(tx, ctx, { ids: [id] }, todayVn());
        return created!;
      },
    );
  }

  async list(ctx: RequestContext, query: z.infer<typeof CommitmentListQuery>) {
    if (query.unitId && !(await canSeeUnit(this.db, ctx.actor, query.unitId)))
      throw notFound('unit_not_found');
    const all = await this.load(
      this.db,
      ctx,
      { unitId: query.unitId, programmeId: query.programmeId },
      query.asOf ?? todayVn(),
    );
    const filtered = query.state ? all.filter((c) => c.state === query.state) : all;
    return { items: filtered.slice(query.offset, query.offset + query.limit), total: filtered.length };
  }

  async get(ctx: RequestContext, id: string, asOf?: string) {
    const [c] = await this.load(this.db, ctx, { ids: [id] }, asOf ?? todayVn());
    if (!c) throw notFound('commitment_not_found');
    return c;
  }
}
