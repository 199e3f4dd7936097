/**
 * Events module: the typed domain events (events.types.ts), `recordEvent(tx, event)` that workflows call in
 * their own transaction, and the dispatcher that hands recorded events to subscribers (ADR 0008).
 */
import { newId } from '../../db/ids.ts';
import type { Tx } from '../../db/transaction.ts';
import { eventsRepository } from './events.repository.ts';
import { subjectOf, type DomainEvent } from './events.types.ts';

export * from './events.types.ts';
export {
  EventDispatcher,
  type DispatchResult,
  type DispatcherOptions,
  type EventHandler,
} from './events.dispatcher.ts';
export { eventsRepository } from './events.repository.ts';

export interface RecordOptions {
  /** Makes recording the same fact twice a no-op (unique). */
  dedupeKey?: string | null;
  actorUserId?: string | null;
  occurredAt?: Date;
}

type Listener = () => void;
const listeners = new Set<Listener>();

/**
 * Called after events were recorded in this process: the dispatcher scheduler uses it to run soon after the
 * commit instead of waiting for its next tick. Returns the unsubscribe function.
 */
export function onEventsRecorded(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Records events in the caller's transaction; returns those actually inserted (a dedupe key already
 * recorded skips its event).
 */
export async function recordEvents(
  tx: Tx,
  items: { event: DomainEvent; options?: RecordOptions }[],
): Promise<{ id: string; event: DomainEvent }[]> {
  if (items.length === 0) return [];
  const now = new Date();
  const rows = items.map(({ event, options }) => {
    const subject = subjectOf(event);
    return {
      id: newId(),
      event,
      dedupeKey: options?.dedupeKey ?? null,
      actorUserId: options?.actorUserId ?? null,
      occurredAt: options?.occurredAt ?? now,
      subjectType: subject.type,
      subjectId: subject.id,
    };
  });
  const inserted = new Set(await eventsRepository.insertMany(tx, rows));
  if (inserted.size) for (const l of listeners) l();
  return rows.filter((r) => inserted.has(r.id)).map((r) => ({ id: r.id, event: r.event }));
}

/** Records one event in the caller's transaction (the same transaction as the change it describes). */
export async function recordEvent(
  tx: Tx,
  event: DomainEvent,
  options?: RecordOptions,
): Promise<string | null> {
  const [row] = await recordEvents(tx, [{ event, ...(options ? { options } : {}) }]);
  return row?.id ?? null;
}
export {
  type ReminderEventType,
  type ReminderParams,
  type ReportFacts,
  type StoredEvent,
} from './events.types.ts';
