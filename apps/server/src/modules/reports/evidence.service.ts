import { createHash } from 'node:crypto';
import type { Evidence, ReportStatus } from '@pilotage/contracts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import type { AuditService } from '../audit/index.ts';
import { evidenceRepository } from './evidence.repository.ts';
import { safeFilename, sniff } from './evidence.sniff.ts';
import { runIdempotent } from './idempotency.ts';
import { partiesOf, toEvidence } from './reports.mapper.ts';
import { canWrite, EDITABLE } from './reports.policy.ts';
import { reportsRepository } from './reports.repository.ts';
import type { ReportsService } from './reports.service.ts';
import type { ReportingSettings } from './reports.settings.ts';

export interface UploadedFile {
  filename: string | undefined;
  content: Buffer;
}

/**
 * Evidence files of a report: attached and removed by the assigned unit while the report is draft or
 * returned; downloaded by anyone who may see the report. The type is detected from the bytes; the
 * declared type and the name's extension are ignored (the stored name gets the detected extension).
 */
export class EvidenceService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly reports: ReportsService,
    readonly settings: Pick<ReportingSettings, 'evidenceMaxBytes' | 'evidenceMaxFiles'>,
  ) {}

  tooLarge(): AppError {
    const maxMb = Math.round((this.settings.evidenceMaxBytes / 1024 / 1024) * 10) / 10;
    return new AppError(413, 'evidence_too_large', { maxMb }, [
      { path: 'file', key: 'evidence_too_large', params: { maxMb } },
    ]);
  }

  async upload(
    ctx: RequestContext,
    reportId: string,
    file: UploadedFile,
    key?: string,
  ): Promise<{ value: Evidence; replayed: boolean }> {
    if (file.content.length > this.settings.evidenceMaxBytes) throw this.tooLarge();
    if (file.content.length === 0)
      throw new AppError(400, 'evidence_file_required', {}, [
        { path: 'file', key: 'evidence_file_required' },
      ]);
    const sniffed = sniff(file.content);
    if (!sniffed)
      throw new AppError(415, 'evidence_type_refused', {}, [{ path: 'file', key: 'evidence_type_refused' }]);
    const sha256 = createHash('sha256').update(file.content).digest('hex');
    const filename = safeFilename(file.filename, sniffed);
    const fingerprint = {
      method: 'POST',
      path: `/api/reports/${reportId}/evidence`,
      body: { filename: file.filename ?? null, sha256 },
    };
    return runIdempotent(this.db, ctx, { key, status: 201, fingerprint }, async (tx) => {
      // lock first, then read: the status and the file count checked below cannot change before the insert
      await reportsRepository.lockReport(tx, reportId);
      const report = await this.reports.visibleReport(tx, ctx, reportId);
      if (!canWrite(ctx.actor, partiesOf(report))) throw forbidden('report_not_writer');
      if (!EDITABLE.has(report.status as ReportStatus))
        throw new AppError(409, 'report_not_editable', { status: report.status });
      const max = this.settings.evidenceMaxFiles;
      if ((await evidenceRepository.count(tx, reportId)) >= max)
        throw new AppError(409, 'evidence_too_many', { max });
      const id = newId();
      await evidenceRepository.insert(tx, {
        id,
        report_id: reportId,
        filename,
        content_type: sniffed.mime,
        size_bytes: file.content.length,
        sha256,
        content: file.content,
        uploaded_by: ctx.actor.userId,
      });
      const meta = (await evidenceRepository.findMeta(tx, id))!;
      const evidence = toEvidence(meta);
      await this.audit.record(tx, ctx, {
        action: 'report.evidence_add',
        entityType: 'progress_report',
        entityId: reportId,
        after: {
          evidenceId: id,
          filename,
          contentType: sniffed.mime,
          sizeBytes: file.content.length,
          sha256,
        },
      });
      return evidence;
    });
  }

  /** The file, if the caller may see its report (else 404). */
  async download(ctx: RequestContext, id: string) {
    const row = await evidenceRepository.findContent(this.db, id);
    if (!row) throw notFound('evidence_not_found');
    await this.reports.visibleReport(this.db, ctx, row.report_id).catch(() => {
      throw notFound('evidence_not_found');
    });
    return {
      filename: row.filename,
      contentType: row.content_type,
      content: Buffer.from(row.content),
      sha256: row.sha256,
    };
  }

  async remove(ctx: RequestContext, id: string): Promise<{ ok: true }> {
    return inTransaction(this.db, async (tx) => {
      // the report row is locked before the file and the report are read: two removals of the same file
      // (or a removal racing a submission) are ordered, the second sees the first's outcome
      const found = await evidenceRepository.findMeta(tx, id);
      if (found) await reportsRepository.lockReport(tx, found.report_id);
      const meta = found && (await evidenceRepository.findMeta(tx, id));
      if (!meta) throw notFound('evidence_not_found');
      const report = await this.reports.visibleReport(tx, ctx, meta.report_id).catch(() => {
        throw notFound('evidence_not_found');
      });
      if (!canWrite(ctx.actor, partiesOf(report))) throw forbidden('report_not_writer');
      if (!EDITABLE.has(report.status as ReportStatus))
        throw new AppError(409, 'report_not_editable', { status: report.status });
      await evidenceRepository.delete(tx, id);
      await this.audit.record(tx, ctx, {
        action: 'report.evidence_remove',
        entityType: 'progress_report',
        entityId: meta.report_id,
        before: {
          evidenceId: id,
          filename: meta.filename,
          contentType: meta.content_type,
          sizeBytes: meta.size_bytes,
          sha256: meta.sha256,
        },
      });
      return { ok: true as const };
    });
  }
}
