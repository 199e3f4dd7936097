import type { Notification, NotificationKind } from '@pilotage/contracts';
import type { z } from 'zod';
import type { NotificationListQuery } from '@pilotage/contracts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction, type Tx } from '../../db/transaction.ts';
import type { RequestContext } from '../../http/context.ts';
import { notFound } from '../../http/errors.ts';
import type { AuditService } from '../audit/index.ts';
import type { MailTransport } from './mail.ts';
import { AUDIENCE, kindsFor, renderNotification, type NotificationParams } from './notification.kinds.ts';
import {
  notificationsRepository,
  type CreatedNotification,
  type NotificationRow,
} from './notifications.repository.ts';

/** A notification to raise; dedupeKey makes raising it twice (two instances, a retry) a no-op. */
export interface NotifyInput {
  kind: NotificationKind;
  unitId: string;
  assignmentId: string | null;
  reportId?: string | null;
  period?: string | null;
  params: NotificationParams;
  dedupeKey: string;
}

function toNotification(row: NotificationRow, lang: RequestContext['lang']): Notification {
  const params = (row.params ?? {}) as NotificationParams;
  const kind = row.kind;
  return {
    id: row.id,
    kind,
    unitId: row.unit_id,
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
  private readonly inflight = new Set<Promise<unknown>>();

  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    readonly mail: MailTransport,
    private readonly log: (error: unknown, message: string) => void = (error, message) =>
      console.error(message, error),
  ) {}

  /** Raises notifications inside the caller's transaction; returns those actually created (for delivery). */
  async notify(tx: Tx, inputs: NotifyInput[]): Promise<CreatedNotification[]> {
    if (inputs.length === 0) return [];
    return notificationsRepository.insertMany(
      tx,
      inputs.map((n) => ({
        id: newId(),
        unit_id: n.unitId,
        user_id: null,
        kind: n.kind,
        assignment_id: n.assignmentId,
        report_id: n.reportId ?? null,
        period: n.period ?? null,
        params: JSON.stringify(n.params),
        dedupe_key: n.dedupeKey,
      })),
    );
  }

  /**
   * Emails the created notifications to the addressed units' users whose roles they are meant for. Call it
   * AFTER the transaction committed; it runs in the background (await `flush()` to wait). Failures are logged.
   */
  deliverLater(created: CreatedNotification[]): void {
    if (created.length === 0) return;
    const p = this.deliver(created)
      .catch((error: unknown) => {
        this.log(error, 'notification email delivery failed');
        return 0;
      })
      .finally(() => this.inflight.delete(p));
    this.inflight.add(p);
  }

  /** Sends the emails now; returns how many were sent. Each send failure is logged and skipped. */
  async deliver(created: CreatedNotification[]): Promise<number> {
    const users = await notificationsRepository.recipients(this.db, [
      ...new Set(created.map((c) => c.unit_id)),
    ]);
    let sent = 0;
    for (const n of created) {
      const kind = n.kind;
      const text = renderNotification('vi', kind, (n.params ?? {}) as NotificationParams, n.period);
      const en = renderNotification('en', kind, (n.params ?? {}) as NotificationParams, n.period);
      for (const u of users) {
        if (u.org_unit_id !== n.unit_id || !u.email || !AUDIENCE[kind].some((r) => u.roles.includes(r)))
          continue;
        try {
          await this.mail.send({
            to: u.email,
            subject: `[Pilotage] ${text}`.slice(0, 200),
            text: `${text}\n\n${en}\n\n— Pilotage`,
          });
          sent++;
        } catch (error) {
          this.log(error, `email to user ${u.id} failed`);
        }
      }
    }
    return sent;
  }

  /** Waits for background deliveries (tests, shutdown). */
  async flush(): Promise<void> {
    while (this.inflight.size) await Promise.all([...this.inflight]);
  }

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
