import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/database.ts';
import type { AuditService } from '../audit/index.ts';
import { commitmentsPlugin, CommitmentsService } from '../commitments/index.ts';
import {
  createMailTransport,
  type MailTransport,
  notificationsPlugin,
  NotificationsService,
  ReminderJob,
} from '../notifications/index.ts';
import { CompletenessService } from './completeness.service.ts';
import { EvidenceService } from './evidence.service.ts';
import { reportsPlugin } from './reports.routes.ts';
import { ReportsService } from './reports.service.ts';
import { reportingSettings, type ReportingSettings } from './reports.settings.ts';
import { ReportWorkflow } from './reports.workflow.ts';
import { TimelineService } from './timeline.service.ts';

/**
 * Wires the reporting side of task monitoring: progress reports (+ evidence, idempotency, timeline,
 * completeness), commitments, notifications and the reminder job. One object in `services.reporting`.
 */
export function createReporting(
  db: Db,
  audit: AuditService,
  settings: ReportingSettings = reportingSettings(),
  mail?: MailTransport,
) {
  const notifications = new NotificationsService(db, audit, mail ?? createMailTransport(settings));
  const reports = new ReportsService(db, audit);
  return {
    settings,
    notifications,
    reminders: new ReminderJob(db, audit, notifications),
    reports,
    workflow: new ReportWorkflow(db, audit, reports, notifications),
    evidence: new EvidenceService(db, audit, reports, settings),
    timeline: new TimelineService(db),
    completeness: new CompletenessService(db),
    commitments: new CommitmentsService(db, audit),
  };
}

export type Reporting = ReturnType<typeof createReporting>;

/** Registers the routes of reports, evidence, commitments and notifications. */
export function reportingPlugin(r: Reporting) {
  return async (app: FastifyInstance) => {
    await app.register(reportsPlugin(r));
    await app.register(commitmentsPlugin(r.commitments));
    await app.register(notificationsPlugin(r.notifications, r.reminders));
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
