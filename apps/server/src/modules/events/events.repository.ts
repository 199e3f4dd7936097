import type { Executor, Tx } from '../../db/transaction.ts';
import type { DomainEvent, StoredEvent } from './events.types.ts';

export interface EventRow {
  id: string;
  event: DomainEvent;
  dedupeKey: string | null;
  actorUserId: string | null;
  occurredAt: Date;
  subjectType: string;
  subjectId: string;
}

const CHUNK = 500;

/** The only SQL on domain_event. */
export const eventsRepository = {
  /** Inserts; a row whose dedupe_key exists already is skipped. Returns the ids actually inserted. */
  async insertMany(tx: Tx, rows: EventRow[]): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < rows.length; i += CHUNK) {
      const part = await tx
        .insertInto('domain_event')
        .values(
          rows.slice(i, i + CHUNK).map((r) => ({
            id: r.id,
            type: r.event.type,
            payload: JSON.stringify(r.event),
            subject_type: r.subjectType,
            subject_id: r.subjectId,
            actor_user_id: r.actorUserId,
            dedupe_key: r.dedupeKey,
            occurred_at: r.occurredAt,
          })),
        )
        .onConflict((oc) => oc.column('dedupe_key').doNothing())
        .returning('id')
        .execute();
      ids.push(...part.map((p) => p.id));
    }
    return ids;
  },

  /** Payloads of the events of one type about these subjects (e.g. what was already said to these units). */
  async payloadsAbout(
    db: Executor,
    type: string,
    subjectType: string,
    subjectIds: readonly string[],
  ): Promise<unknown[]> {
    if (subjectIds.length === 0) return [];
    const rows = await db
      .selectFrom('domain_event')
      .select('payload')
      .where('subject_type', '=', subjectType)
      .where('subject_id', 'in', [...subjectIds])
      .where('type', '=', type)
      .execute();
    return rows.map((r) => r.payload);
  },

  async existingKeys(db: Executor, keys: string[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (let i = 0; i < keys.length; i += 1000) {
      const rows = await db
        .selectFrom('domain_event')
        .select('dedupe_key')
        .where('dedupe_key', 'in', keys.slice(i, i + 1000))
        .execute();
      for (const r of rows) if (r.dedupe_key) out.add(r.dedupe_key);
    }
    return out;
  },

  /**
   * Claims up to `limit` pending events for `token`: unprocessed, under maxAttempts, and either unclaimed or
   * claimed before `now - leaseMs` (its claimer crashed or stalled). Rows locked by another claimer are skipped,
   * so concurrent dispatchers never claim the same row in the same instant.
   */
  async claim(
    tx: Tx,
    opts: { token: string; now: Date; leaseMs: number; limit: number; maxAttempts: number },
  ): Promise<StoredEvent[]> {
    const staleBefore = new Date(opts.now.getTime() - opts.leaseMs);
    const rows = await tx
      .updateTable('domain_event')
      .set((eb) => ({
        claimed_at: opts.now,
        claim_token: opts.token,
        attempts: eb('attempts', '+', 1),
      }))
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('domain_event')
          .select('id')
          .where('processed_at', 'is', null)
          .where('attempts', '<', opts.maxAttempts)
          .where((w) => w.or([w('claimed_at', 'is', null), w('claimed_at', '<', staleBefore)]))
          .orderBy('id')
          .limit(opts.limit)
          .forUpdate()
          .skipLocked(),
      )
      .returning(['id', 'payload', 'occurred_at', 'dedupe_key', 'attempts'])
      .execute();
    return rows
      .map((r) => ({
        id: r.id,
        event: r.payload as DomainEvent,
        occurredAt: r.occurred_at,
        dedupeKey: r.dedupe_key,
        attempts: r.attempts,
      }))
      .sort((a, b) => (a.id < b.id ? -1 : 1));
  },

  /**
   * Marks processed the events still claimed by `token` (a lease taken over by another dispatcher is not
   * ours any more) and returns their ids. Runs in the transaction of the handlers' effects: both commit or
   * neither does, which is what makes each event's effect happen once.
   */
  async finish(tx: Tx, ids: string[], token: string, now: Date): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await tx
      .updateTable('domain_event')
      .set({ processed_at: now, last_error: null })
      .where('id', 'in', ids)
      .where('claim_token', '=', token)
      .where('processed_at', 'is', null)
      .returning('id')
      .execute();
    return new Set(rows.map((r) => r.id));
  },

  /** Notes a handler failure; the claim stays, so the event is retried after the lease. */
  async fail(db: Executor, id: string, token: string, error: string): Promise<void> {
    await db
      .updateTable('domain_event')
      .set({ last_error: error.slice(0, 2000) })
      .where('id', '=', id)
      .where('claim_token', '=', token)
      .execute();
  },
};
