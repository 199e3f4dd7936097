import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import { AuditAnchor, AuditService } from './modules/audit/index.ts';
import { CommitmentsService } from './modules/commitments/index.ts';
import { createFeedback } from './modules/feedback/index.ts';
import { createDashboard } from './modules/dashboard/index.ts';
import { EventDispatcher } from './modules/events/index.ts';
import { createNotifications, type MailTransport } from './modules/notifications/index.ts';
import { AuthService, DemoAccountsService, UsersService } from './modules/identity/index.ts';
import { createKpi } from './modules/kpi/index.ts';
import { OrgService } from './modules/org/index.ts';
import { createReporting } from './modules/reports/index.ts';
import { createScorecards } from './modules/scorecards/index.ts';
import { createInitiatives } from './modules/initiatives/index.ts';
import { RecommendationsService } from './modules/recommendations/index.ts';
import { StatisticsService } from './modules/statistics/index.ts';
import { createTaskIo } from './modules/task-io/index.ts';
import { createTasks } from './modules/tasks/index.ts';
import { createQuality } from './modules/quality/index.ts';

/** The application's services, wired once over one database. Tests build the same object. */
export function createServices(
  database: Database,
  config: Config,
  options: { mail?: MailTransport; auditAnchor?: AuditAnchor } = {},
) {
  const db = database.db;
  const audit = new AuditService(db, options.auditAnchor ?? AuditAnchor.inMemory());
  const events = new EventDispatcher(db, {
    leaseMs: config.dispatch.eventLeaseMs,
    batchSize: config.dispatch.eventBatchSize,
    maxAttempts: config.dispatch.eventMaxAttempts,
    log: (error, message) => {
      if (!process.env.VITEST) console.warn(message, error);
    },
  });
  const reporting = createReporting(db, audit);
  const feedback = createFeedback(db, audit, events, config.feedback);
  return {
    database,
    audit,
    org: new OrgService(db),
    auth: new AuthService(db, audit, config),
    users: new UsersService(db, audit, config),
    events,
    notifications: createNotifications(db, audit, events, config.dispatch, options.mail),
    demoAccounts: new DemoAccountsService(db, audit),
    reporting,
    commitments: new CommitmentsService(db, audit),
    taskIo: createTaskIo(db, audit),
    tasks: createTasks(db, audit),
    kpi: createKpi(db, audit),
    scorecards: createScorecards(db, audit),
    initiatives: createInitiatives(db, audit),
    statistics: new StatisticsService(db),
    feedback,
    recommendations: new RecommendationsService(db, audit, reporting, feedback),
    dashboard: createDashboard(db),
    quality: createQuality(db, audit),
  };
}

export type Services = ReturnType<typeof createServices>;
