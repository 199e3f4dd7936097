import { hostname } from 'node:os';
import { rm } from 'node:fs/promises';
import type { Db } from '../../db/database.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { RequestContext } from '../../http/context.ts';
import type { MessageKey } from '../../http/messages.ts';
import type { AuditService } from '../audit/index.ts';
import { parseChecks } from './checks.ts';
import type { DictionaryService } from './dictionary.service.ts';
import { Engine } from './engine.ts';
import { readPostgresTable, SourceUnreachable } from './pg-source.ts';
import { scoreOf, type RegisterFacts } from './quality-score.ts';
import { qualityRepository as repo } from './quality.repository.ts';
import { readSample, SampleRefused, type RowSink, type SampleFormat } from './readers.ts';

/**
 * Runs assessments in the background, IN THE PROCESS THAT RECEIVED THE SAMPLE (ADR 0019): the uploaded
 * file lives on that instance's disk, so no other instance could take the job. Everything a reader needs is
 * in the database: status, progress and rows read are written at most every PROGRESS_MS, a heartbeat every
 * HEARTBEAT_MS; any instance answering GET /api/assessments/:id fails a run whose heartbeat is older than
 * LOST_AFTER_MS (its instance died). One run at a time per instance (2-core machines); later ones queue.
 */
export const PROGRESS_MS = 500;
export const HEARTBEAT_MS = 10_000;
export const LOST_AFTER_MS = 120_000;
export const INSTANCE_ID = `${hostname()}:${process.pid}`;

export type RunSource =
  | { kind: 'file'; path: string; format: SampleFormat }
  | { kind: 'postgres'; connectionString: string; table: string };

export interface RunJob {
  id: string;
  ctx: RequestContext;
  checks: unknown[];
  register: RegisterFacts;
  source: RunSource;
}

export class AssessmentRunner {
  private chain: Promise<void> = Promise.resolve();
  private readonly active = new Set<Promise<void>>();

  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly dictionary: DictionaryService,
  ) {}

  /** Queues the run; returns at once. */
  launch(job: RunJob): void {
    const heartbeat = setInterval(() => {
      void repo.updateAssessment(this.db, job.id, { heartbeat_at: new Date() }).catch(() => undefined);
    }, HEARTBEAT_MS);
    heartbeat.unref();
    const done = this.chain
      .then(() => this.run(job))
      .catch(() => undefined)
      .finally(() => {
        clearInterval(heartbeat);
        if (job.source.kind === 'file') void rm(job.source.path, { force: true });
      });
    this.chain = done;
    this.active.add(done);
    void done.finally(() => this.active.delete(done));
  }

  /** Waits for queued and running runs (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.active.size) await Promise.all([...this.active]);
  }

  private async run(job: RunJob): Promise<void> {
    const started = Date.now();
    await repo.updateAssessment(this.db, job.id, {
      status: 'running',
      instance_id: INSTANCE_ID,
      heartbeat_at: new Date(),
    });
    let errorKey: MessageKey | null = null;
    let rows = 0;
    try {
      const ctx = await this.dictionary.engineContext();
      const engine = new Engine(parseChecks(job.checks).checks, ctx);
      let last = Date.now();
      const sink: RowSink = {
        header: (names) => engine.header(names),
        row: (values, rowNo) => engine.row(values, rowNo),
        progress: async (fraction, n) => {
          rows = n;
          if (Date.now() - last < PROGRESS_MS) return;
          last = Date.now();
          await repo.updateAssessment(this.db, job.id, {
            progress: Math.min(0.99, fraction),
            rows_read: n,
            heartbeat_at: new Date(),
          });
        },
      };
      if (job.source.kind === 'file') await readSample(job.source.path, job.source.format, sink);
      else await readPostgresTable(job.source.connectionString, job.source.table, sink);
      rows = engine.rowCount;
      const measurements = engine.finish(Math.floor(Date.now() / 86_400_000));
      const score = scoreOf(measurements, job.register);
      await inTransaction(this.db, async (tx) => {
        await repo.finishAssessment(tx, job.id, {
          status: 'done',
          progress: 1,
          rows_read: rows,
          measurements: JSON.stringify(measurements),
          criteria: JSON.stringify(score.criteria),
          score: score.score,
          grade: score.grade,
          formula_version: score.formulaVersion,
          dictionary_version: ctx.version,
          finished_at: new Date(),
        });
        await this.audit.record(tx, job.ctx, {
          action: 'quality.assessment_finish',
          entityType: 'quality_assessment',
          entityId: job.id,
          after: { status: 'done', rows, score: score.score, grade: score.grade, ms: Date.now() - started },
        });
      });
      return;
    } catch (error) {
      errorKey =
        error instanceof SourceUnreachable
          ? 'quality_source_unreachable'
          : error instanceof SampleRefused
            ? error.reason === 'too_large'
              ? 'quality_file_too_large'
              : error.reason === 'encoding'
                ? 'quality_file_encoding'
                : error.reason === 'empty'
                  ? 'quality_file_empty'
                  : 'quality_file_type'
            : 'quality_run_failed';
    }
    await inTransaction(this.db, async (tx) => {
      await repo.finishAssessment(tx, job.id, {
        status: 'failed',
        rows_read: rows,
        error_key: errorKey,
        finished_at: new Date(),
      });
      await this.audit.record(tx, job.ctx, {
        action: 'quality.assessment_finish',
        entityType: 'quality_assessment',
        entityId: job.id,
        after: { status: 'failed', error: errorKey, rows },
      });
    });
  }
}
