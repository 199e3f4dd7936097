import type { Notification } from '@pilotage/contracts';
import type { z } from 'zod';
import type { NotificationListQuery } from '@pilotage/contracts';
import type { Db } from '../../db/database.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { RequestContext } from '../../http/context.ts';
import { notFound } from '../../http/errors.ts';
import type { AuditService } from '../audit/index.ts';
import { kindsFor, renderNotification, type NotificationParams } from './notification.kinds.ts';
import { notificationsRepository, type NotificationRow } from './notifications.repository.ts';

function toNotification(row: NotificationRow, lang: RequestContext['lang']): Notification {
  const params = (row.params ?? {}) as NotificationParams;
  const kind = row.kind;
  return {
    id: row.id,
    kind,
    unitId: row.unit_id,
    userId: row.user_id,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    assignmentId: row.assignment_id,
    reportId: row.report_id,
    period: row.period,
    params,
    message: renderNotification(lang, kind, params, row.period),
    createdAt: row.created_at.toISOString(),
    readAt: row.user_read_at ? new Date(row.user_read_at).toISOString() : null,
  };
}

export class NotificationsService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
  ) {}

  private filter(ctx: RequestContext) {
    return { unitId: ctx.actor.unitId, userId: ctx.actor.userId, kinds: kindsFor(ctx.actor.roles) };
  }

  async list(ctx: RequestContext, query: z.infer<typeof NotificationListQuery>) {
    const { items, total, unread } = await notificationsRepository.list(
      this.db,
      { ...this.filter(ctx), unread: query.unread === 'true', kind: query.kind },
      query,
    );
    return { items: items.map((r) => toNotification(r, ctx.lang)), total, unread };
  }

  async unreadCount(ctx: RequestContext) {
    return { count: await notificationsRepository.unreadCount(this.db, this.filter(ctx)) };
  }

  /** Marks read for the caller (idempotent: reading twice keeps the first time). API keys have no read state. */
  async read(ctx: RequestContext, id: string): Promise<Notification> {
    const f = this.filter(ctx);
    return inTransaction(this.db, async (tx) => {
      const row = await notificationsRepository.findVisible(tx, f, id);
      if (!row) throw notFound('notification_not_found');
      if (ctx.actor.userId && !row.user_read_at) {
        await notificationsRepository.markRead(tx, id, ctx.actor.userId, new Date());
        await this.audit.record(tx, ctx, {
          action: 'notification.read',
          entityType: 'notification',
          entityId: id,
        });
      }
      return toNotification((await notificationsRepository.findVisible(tx, f, id))!, ctx.lang);
    });
  }

  async readAll(ctx: RequestContext) {
    const userId = ctx.actor.userId;
    if (!userId) return { updated: 0 };
    return inTransaction(this.db, async (tx) => {
      const updated = await notificationsRepository.markAllRead(
        tx,
        { ...this.filter(ctx), userId },
        new Date(),
      );
      if (updated > 0) {
        await this.audit.record(tx, ctx, {
          action: 'notification.read_all',
          entityType: 'notification',
          entityId: null,
          after: { updated },
        });
      }
      return { updated };
    });
  }
}
