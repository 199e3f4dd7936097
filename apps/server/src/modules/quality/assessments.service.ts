import { rm } from 'node:fs/promises';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { t } from '../../http/messages.ts';
import type { MessageKey } from '../../http/messages.ts';
import type { AuditService } from '../audit/index.ts';
import { todayVn } from '../tasks/index.ts';
import { LOST_AFTER_MS, type AssessmentRunner, type RunSource } from './assessment.runner.ts';
import { phaseOf } from './quality-score.ts';
import { toAssessment } from './quality.mappers.ts';
import { assertCanWrite } from './quality.policy.ts';
import { qualityRepository as repo } from './quality.repository.ts';
import { sniffFormat, SampleRefused } from './readers.ts';

const REFUSAL: Record<SampleRefused['reason'], { status: number; key: MessageKey }> = {
  file_type: { status: 415, key: 'quality_file_type' },
  encoding: { status: 415, key: 'quality_file_encoding' },
  empty: { status: 400, key: 'quality_file_empty' },
  too_large: { status: 413, key: 'quality_file_too_large' },
};

/** Starting assessment runs (audited: who, which database, which source) and reading them back. */
export class AssessmentsService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly runner: AssessmentRunner,
  ) {}

  /** A sample already streamed to `path` (deleted here on refusal, by the runner after the run). */
  async startFile(ctx: RequestContext, databaseId: string, path: string, fileName: string) {
    try {
      const format = await sniffFormat(path).catch((error: unknown) => {
        if (error instanceof SampleRefused) {
          const r = REFUSAL[error.reason];
          throw new AppError(r.status, r.key, {}, [{ path: 'file', key: r.key }]);
        }
        throw error;
      });
      return await this.start(
        ctx,
        databaseId,
        { kind: 'file', path, format },
        fileName || `sample.${format}`,
      );
    } catch (error) {
      await rm(path, { force: true });
      throw error;
    }
  }

  startPostgres(ctx: RequestContext, databaseId: string, body: { connectionString: string; table: string }) {
    // the label names the table only: the connection string is never stored, logged or audited
    return this.start(ctx, databaseId, { kind: 'postgres', ...body }, `postgresql: ${body.table}`);
  }

  private async start(ctx: RequestContext, databaseId: string, source: RunSource, label: string) {
    assertCanWrite(ctx.actor);
    const job = await inTransaction(this.db, async (tx) => {
      const [d] = await repo.databases(tx, ctx.actor.scope, [databaseId]);
      if (!d) throw notFound('quality_database_not_found');
      const checks = d.checks as unknown[];
      if (checks.length === 0)
        throw new AppError(409, 'quality_checks_empty', {}, [
          { path: 'checks', key: 'quality_checks_empty' },
        ]);
      const id = newId();
      const year = Number(todayVn().slice(0, 4));
      await repo.insertAssessment(tx, {
        id,
        database_id: databaseId,
        status: 'queued',
        source: source.kind,
        source_label: label.slice(0, 200),
        year,
        phase: phaseOf(year),
        checks: JSON.stringify(checks),
        checks_version: d.checks_version,
        heartbeat_at: new Date(),
        created_by: ctx.actor.userId,
      });
      await this.audit.record(tx, ctx, {
        action: 'quality.assessment_start',
        entityType: 'quality_assessment',
        entityId: id,
        after: {
          databaseId,
          database: d.name,
          ownerUnitId: d.owner_unit_id,
          source: source.kind,
          label,
          checksVersion: d.checks_version,
        },
      });
      return {
        id,
        ctx,
        checks,
        source,
        register: {
          connectedToPlatform: d.connected_to_platform,
          consumerUnits: (d.consumer_unit_ids as string[]).length,
          sharedApis: (d.shared_apis as string[]).length,
        },
      };
    });
    this.runner.launch(job);
    return { id: job.id };
  }

  async get(ctx: RequestContext, id: string) {
    let a = await repo.assessment(this.db, ctx.actor.scope, id);
    if (!a) throw notFound('quality_assessment_not_found');
    const beat = (a.heartbeat_at ?? a.created_at).getTime();
    if ((a.status === 'queued' || a.status === 'running') && Date.now() - beat > LOST_AFTER_MS) {
      await repo.finishAssessment(this.db, id, {
        status: 'failed',
        error_key: 'quality_run_lost',
        finished_at: new Date(),
      });
      a = (await repo.assessment(this.db, ctx.actor.scope, id))!;
    }
    const error = a.error_key ? t(ctx.lang, a.error_key as MessageKey) : null;
    return toAssessment(a, error);
  }
}
