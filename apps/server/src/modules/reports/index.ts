import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/database.ts';
import type { AuditService } from '../audit/index.ts';
import { CompletenessService } from './completeness.service.ts';
import { EvidenceService } from './evidence.service.ts';
import { reportsPlugin } from './reports.routes.ts';
import { ReportsService } from './reports.service.ts';
import { reportingSettings, type ReportingSettings } from './reports.settings.ts';
import { ReportWorkflow } from './reports.workflow.ts';
import { ReviewBulkService } from './review-bulk.service.ts';
import { TimelineService } from './timeline.service.ts';

/**
 * Wires the reporting side of task monitoring: progress reports (+ evidence, idempotency, timeline,
 * completeness). One object in `services.reporting`. The workflow records domain events; notifications
 * come from them (modules/notifications), so this module imports neither notifications nor commitments.
 */
export function createReporting(
  db: Db,
  audit: AuditService,
  settings: ReportingSettings = reportingSettings(),
) {
  const reports = new ReportsService(db, audit);
  const workflow = new ReportWorkflow(db, audit, reports);
  return {
    settings,
    reports,
    workflow,
    review: new ReviewBulkService(db, workflow),
    evidence: new EvidenceService(db, audit, reports, settings),
    timeline: new TimelineService(db),
    completeness: new CompletenessService(db),
  };
}

export type Reporting = ReturnType<typeof createReporting>;

/** Registers the routes of reports and evidence. */
export function reportingPlugin(r: Reporting) {
  return async (app: FastifyInstance) => {
    await app.register(reportsPlugin(r));
  };
}
export { CompletenessService } from './completeness.service.ts';
export { isExpected, isReceived } from './completeness.ts';
export { idempotencyRepository } from './idempotency.repository.ts';
export {
  IDEMPOTENCY_HEADER,
  IDEMPOTENCY_TTL_DAYS,
  readIdempotencyKey,
  REPLAYED_HEADER,
  runIdempotent,
} from './idempotency.ts';
export { safeFilename } from './evidence.sniff.ts';
