import { newId } from '../../db/ids.ts';
import type { Tx } from '../../db/transaction.ts';
import type { StoredEvent } from '../events/index.ts';
import { AUDIENCE, renderNotification, type NotificationParams } from './notification.kinds.ts';
import { notificationsFor } from './notification.mapping.ts';
import { notificationsRepository, type CreatedNotification } from './notifications.repository.ts';
import { outboxRepository } from './outbox.repository.ts';

/**
 * The notifications module's event handler, run by the dispatcher inside the transaction that marks the
 * events processed: raise the notifications each event maps to (unique dedupe keys: a repeat is a no-op) and
 * enqueue one outbox e-mail per newly raised notification and recipient with an address and a role the
 * kind is meant for (unique `<notification>:<user>` keys).
 */
export async function raiseNotifications(
  tx: Tx,
  events: StoredEvent[],
  now: Date = new Date(),
): Promise<{ created: CreatedNotification[]; mails: number }> {
  const inputs = events.flatMap(notificationsFor);
  if (inputs.length === 0) return { created: [], mails: 0 };
  const created = await notificationsRepository.insertMany(
    tx,
    inputs.map((n) => ({
      id: newId(),
      unit_id: n.unitId,
      user_id: n.userId ?? null,
      kind: n.kind,
      subject_type: n.subjectType,
      subject_id: n.subjectId,
      event_id: n.eventId ?? null,
      assignment_id: n.assignmentId,
      report_id: n.reportId ?? null,
      period: n.period ?? null,
      params: JSON.stringify(n.params),
      dedupe_key: n.dedupeKey,
    })),
  );
  const mails = await enqueueMails(tx, created, now);
  return { created, mails };
}

async function enqueueMails(tx: Tx, created: CreatedNotification[], now: Date): Promise<number> {
  if (created.length === 0) return 0;
  const units = [...new Set(created.flatMap((c) => (c.unit_id ? [c.unit_id] : [])))];
  const users = [...new Set(created.flatMap((c) => (c.user_id ? [c.user_id] : [])))];
  const people = await notificationsRepository.recipients(tx, units, users);
  const byUnit = new Map<string, typeof people>();
  for (const p of people) {
    const list = byUnit.get(p.org_unit_id);
    if (list) list.push(p);
    else byUnit.set(p.org_unit_id, [p]);
  }
  const rows = [];
  for (const n of created) {
    const kind = n.kind;
    const to = n.user_id
      ? people.filter((p) => p.id === n.user_id)
      : (byUnit.get(n.unit_id ?? '') ?? []).filter((p) => AUDIENCE[kind].some((r) => p.roles.includes(r)));
    if (to.length === 0) continue;
    const params = (n.params ?? {}) as NotificationParams;
    const vi = renderNotification('vi', kind, params, n.period);
    const en = renderNotification('en', kind, params, n.period);
    for (const p of to) {
      rows.push({
        id: newId(),
        dedupe_key: `${n.id}:${p.id}`,
        event_id: n.event_id,
        notification_id: n.id,
        recipient_user_id: p.id,
        to_address: p.email!,
        subject: `[Pilotage] ${vi}`.slice(0, 200),
        body: `${vi}\n\n${en}\n\n— Pilotage`,
        created_at: now,
        next_attempt_at: now,
      });
    }
  }
  return outboxRepository.enqueue(tx, rows);
}
