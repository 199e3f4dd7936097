/**
 * Feedback module (issue 10): public intake without an account, routing, the workflow on a working-day
 * clock, answers approved and published, ratings, Open311, the reminder/escalation and purge jobs.
 * Other modules, app.ts and services.ts import only this file.
 */
import { randomBytes } from 'node:crypto';
import type { FeedbackConfig } from '../../config.feedback.ts';
import type { Db } from '../../db/database.ts';
import type { AuditService } from '../audit/index.ts';
import type { EventDispatcher } from '../events/index.ts';
import { FeedbackAdminService } from './admin.service.ts';
import { feedbackMailer } from './feedback.mailer.ts';
import { FeedbackJobs } from './feedback.jobs.ts';
import { IntakeService } from './intake.service.ts';
import { Keyring } from './personal-data.ts';
import { TrackingService } from './tracking.service.ts';
import { WorkflowService } from './workflow.service.ts';

export { feedbackPlugin } from './feedback.routes.ts';
export { open311Plugin, OPEN311_BASE } from './open311.routes.ts';
export { feedbackMessages } from './feedback.messages.ts';
// seams for statistics and recommendations promoted from reports (modules/statistics, modules/recommendations)
export { addDays, dueAt, isWorkingDay, vnDay } from './working-calendar.ts';
export { routeItem } from './routing.ts';
export { workingDaysFor } from './reference.ts';
export { normaliseForSimilarity } from './similarity.ts';
export { hashSecret, newTrackingCode } from './intake.service.ts';
export { startFeedbackJobs } from './feedback.jobs.ts';

export function createFeedback(db: Db, audit: AuditService, events: EventDispatcher, config: FeedbackConfig) {
  const keyring = Keyring.fromConfig(config.keys);
  const powSecret = config.powSecret ? Buffer.from(config.powSecret) : randomBytes(32);
  const intake = new IntakeService(db, audit, config, keyring, powSecret);
  const reference = intake.reference;
  events.subscribe('feedback-mail', feedbackMailer(keyring));
  return {
    config,
    keyring,
    powSecret,
    intake,
    tracking: new TrackingService(db, audit, config, reference),
    workflow: new WorkflowService(db, audit, reference, keyring),
    admin: new FeedbackAdminService(db, audit, reference),
    jobs: new FeedbackJobs(db, audit, config, reference),
  };
}

export type Feedback = ReturnType<typeof createFeedback>;
