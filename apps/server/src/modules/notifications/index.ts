/** The notifications module's public surface: other modules import only this file (lint-enforced). */
export { createMailTransport, type MailTransport } from './mail.ts';
export { type CreatedNotification } from './notifications.repository.ts';
export { notificationsPlugin } from './notifications.routes.ts';
export { NotificationsService, type NotifyInput } from './notifications.service.ts';
export { ReminderJob } from './reminders.job.ts';
export { startReminderScheduler } from './scheduler.ts';
