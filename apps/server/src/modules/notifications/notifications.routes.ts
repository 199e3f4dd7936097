import type { FastifyInstance } from 'fastify';
import { notificationRoutes } from '@pilotage/contracts';
import { route } from '../../http/route.ts';
import type { NotificationsService } from './notifications.service.ts';
import type { ReminderJob } from './reminders.job.ts';

export function notificationsPlugin(notifications: NotificationsService, reminders: ReminderJob) {
  return async (app: FastifyInstance) => {
    route(app, notificationRoutes.list, ({ query }, ctx) => notifications.list(ctx, query));
    route(app, notificationRoutes.unreadCount, (_, ctx) => notifications.unreadCount(ctx));
    route(app, notificationRoutes.read, ({ params }, ctx) => notifications.read(ctx, params.id));
    route(app, notificationRoutes.readAll, (_, ctx) => notifications.readAll(ctx));
    route(app, notificationRoutes.runReminders, ({ body }, ctx) => reminders.runAsAdmin(ctx, body));
  };
}
