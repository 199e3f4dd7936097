/**
 * Notifications module: in-app notifications (unit- or user-addressed, about a subject), the event handler
 * that raises them from domain events, the mail outbox and its sender, and the reminder/escalation job.
 */
import type { FastifyInstance } from 'fastify';
import type { DispatchConfig } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import type { AuditService } from '../audit/index.ts';
import type { DispatchResult, EventDispatcher } from '../events/index.ts';
import { createMailTransport, type MailTransport } from './mail.ts';
import { notificationsPlugin } from './notifications.routes.ts';
import { NotificationsService } from './notifications.service.ts';
import { raiseNotifications } from './notifications.events.ts';
import { MailOutbox, type SendResult } from './outbox.sender.ts';
import { ReminderJob } from './reminders.job.ts';

export { LoggingTransport, SmtpTransport, type MailMessage, type MailTransport } from './mail.ts';
export { MailOutbox } from './outbox.sender.ts';
export { outboxRepository } from './outbox.repository.ts';
export { startDispatchScheduler, startReminderScheduler } from './scheduler.ts';

export interface DispatchRound {
  events: DispatchResult;
  mail: SendResult;
}

export function createNotifications(
  db: Db,
  audit: AuditService,
  dispatcher: EventDispatcher,
  settings: DispatchConfig,
  mail: MailTransport = createMailTransport(settings),
) {
  const log = (error: unknown, message: string) => {
    if (!process.env.VITEST) console.warn(message, error);
  };
  const service = new NotificationsService(db, audit);
  const outbox = new MailOutbox(db, mail, {
    leaseMs: settings.mailLeaseMs,
    batchSize: settings.mailBatchSize,
    maxAttempts: settings.mailMaxAttempts,
    backoff: { baseMs: settings.mailBackoffBaseMs, maxMs: settings.mailBackoffMaxMs },
    log,
  });
  dispatcher.subscribe('notifications', async (tx, events, now) => {
    await raiseNotifications(tx, events, now);
  });

  /**
   * Handles every pending event (→ notifications, outbox rows), then sends the e-mails due at `now` until a
   * round claims less than a batch. Deterministic for tests; the scheduler calls it on every tick and kick.
   */
  async function dispatchOnce(now: Date = new Date()): Promise<DispatchRound> {
    const events = await dispatcher.drain(now);
    const total: SendResult = { claimed: 0, sent: 0, retried: 0, failed: 0 };
    for (;;) {
      const r = await outbox.sendOnce(now);
      total.claimed += r.claimed;
      total.sent += r.sent;
      total.retried += r.retried;
      total.failed += r.failed;
      if (r.claimed < settings.mailBatchSize) break;
    }
    return { events, mail: total };
  }

  const reminders = new ReminderJob(db, audit, async () => (await dispatchOnce()).mail.sent);
  return {
    settings,
    service,
    outbox,
    mail,
    reminders,
    dispatchOnce,
    plugin: () => async (app: FastifyInstance) => {
      await app.register(notificationsPlugin(service, reminders));
    },
  };
}

export type Notifications = ReturnType<typeof createNotifications>;
