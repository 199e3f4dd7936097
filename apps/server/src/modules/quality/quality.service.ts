import type { DatabaseBody } from '@pilotage/contracts';
import type { z } from 'zod';
import type { DatabasePatch } from '@pilotage/contracts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction, type Executor } from '../../db/transaction.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { AuditService } from '../audit/index.ts';
import { parseChecks, toStored } from './checks.ts';
import { toAssessment, toDatabase, withTrend } from './quality.mappers.ts';
import { assertCanWrite, assertOwnerInScope } from './quality.policy.ts';
import { qualityRepository as repo } from './quality.repository.ts';
import type { RankingsService } from './rankings.service.ts';

type Patch = z.infer<typeof DatabasePatch>;

/** The register of databases and their declared checks. */
export class QualityService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly rankings: RankingsService,
  ) {}

  private async assertUnits(tx: Executor, ids: string[], path: string) {
    const found = new Set((await repo.unitsExist(tx, ids)).map((u) => u.id));
    const errors = ids.flatMap((id, i) =>
      found.has(id) ? [] : [{ path: `${path}.${i}`, key: 'quality_unit_unknown' as const }],
    );
    if (errors.length) throw new AppError(400, 'validation_failed', {}, errors);
  }

  async create(ctx: RequestContext, body: z.infer<typeof DatabaseBody>) {
    assertCanWrite(ctx.actor);
    return inTransaction(this.db, async (tx) => {
      await this.assertUnits(tx, [body.ownerUnitId], 'ownerUnitId');
      await assertOwnerInScope(tx, ctx.actor, body.ownerUnitId);
      await this.assertUnits(tx, body.consumerUnitIds, 'consumerUnitIds');
      const id = newId();
      await repo.insertDatabase(tx, {
        id,
        name: body.name,
        owner_unit_id: body.ownerUnitId,
        kind: body.kind,
        legal_basis: body.legalBasis ?? null,
        description: body.description ?? null,
        record_count: body.recordCount ?? null,
        update_frequency: body.updateFrequency ?? null,
        last_updated_on: body.lastUpdatedOn ?? null,
        connected_to_platform: body.connectedToPlatform,
        consumer_unit_ids: JSON.stringify([...new Set(body.consumerUnitIds)]),
        shared_apis: JSON.stringify(body.sharedApis),
      });
      await this.audit.record(tx, ctx, {
        action: 'quality.database_create',
        entityType: 'quality_database',
        entityId: id,
        after: body,
      });
      return { id };
    });
  }

  async update(ctx: RequestContext, id: string, patch: Patch) {
    assertCanWrite(ctx.actor);
    return inTransaction(this.db, async (tx) => {
      const [row] = await repo.databases(tx, ctx.actor.scope, [id], true);
      if (!row) throw notFound('quality_database_not_found');
      if (patch.ownerUnitId) {
        await this.assertUnits(tx, [patch.ownerUnitId], 'ownerUnitId');
        await assertOwnerInScope(tx, ctx.actor, patch.ownerUnitId);
      }
      if (patch.consumerUnitIds) await this.assertUnits(tx, patch.consumerUnitIds, 'consumerUnitIds');
      await repo.updateDatabase(tx, id, {
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.ownerUnitId !== undefined && { owner_unit_id: patch.ownerUnitId }),
        ...(patch.kind !== undefined && { kind: patch.kind }),
        ...(patch.legalBasis !== undefined && { legal_basis: patch.legalBasis }),
        ...(patch.description !== undefined && { description: patch.description }),
        ...(patch.recordCount !== undefined && { record_count: patch.recordCount }),
        ...(patch.updateFrequency !== undefined && { update_frequency: patch.updateFrequency }),
        ...(patch.lastUpdatedOn !== undefined && { last_updated_on: patch.lastUpdatedOn }),
        ...(patch.connectedToPlatform !== undefined && { connected_to_platform: patch.connectedToPlatform }),
        ...(patch.consumerUnitIds !== undefined && {
          consumer_unit_ids: JSON.stringify([...new Set(patch.consumerUnitIds)]),
        }),
        ...(patch.sharedApis !== undefined && { shared_apis: JSON.stringify(patch.sharedApis) }),
        updated_at: new Date(),
      });
      await this.audit.record(tx, ctx, {
        action: 'quality.database_update',
        entityType: 'quality_database',
        entityId: id,
        before: toDatabase(row, []),
        after: patch,
      });
      return { id };
    });
  }

  /** Replaces the declared checks (validated; every error names the check index and field). */
  async putChecks(ctx: RequestContext, id: string, input: unknown[]) {
    assertCanWrite(ctx.actor);
    return inTransaction(this.db, async (tx) => {
      const [row] = await repo.databases(tx, ctx.actor.scope, [id], true);
      if (!row) throw notFound('quality_database_not_found');
      const { checks, errors } = parseChecks(input);
      if (errors.length) throw new AppError(400, 'validation_failed', {}, errors);
      const stored = checks.map(toStored);
      const version = row.checks_version + 1;
      await repo.updateDatabase(tx, id, {
        checks: JSON.stringify(stored),
        checks_version: version,
        updated_at: new Date(),
      });
      await this.audit.record(tx, ctx, {
        action: 'quality.checks_update',
        entityType: 'quality_database',
        entityId: id,
        before: { checks: row.checks, version: row.checks_version },
        after: { checks: stored, version },
      });
      return { checksVersion: version, count: stored.length };
    });
  }

  async list(ctx: RequestContext) {
    const rows = await repo.databases(this.db, ctx.actor.scope);
    const summaries = await repo.summaries(
      this.db,
      rows.map((r) => r.id),
    );
    const items = rows.map((r) => toDatabase(r, withTrend(summaries.filter((s) => s.database_id === r.id))));
    return { items, total: items.length };
  }

  async get(ctx: RequestContext, id: string) {
    const [row] = await repo.databases(this.db, ctx.actor.scope, [id]);
    if (!row) throw notFound('quality_database_not_found');
    const history = withTrend(await repo.summaries(this.db, [id]));
    const base = toDatabase(row, history);
    const lastDone = [...history].reverse().find((h) => h.status === 'done');
    const latest = lastDone ? await repo.assessment(this.db, ctx.actor.scope, lastDone.id) : undefined;
    const rank = lastDone ? await this.rankings.rankOf(id, lastDone.year) : null;
    return { ...base, history, rank, latestResult: latest ? toAssessment(latest, null) : null };
  }
}
