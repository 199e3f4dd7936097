import type { AuditQuery } from '@pilotage/contracts';
import { sql } from 'kysely';
import type { Executor, Tx } from '../../db/transaction.ts';
import { seesEverything, unitInScope, type Scope } from '../org/index.ts';

/** One stored event (append-only; its place in the chain lives in audit_seal). */
export interface EventRow {
  id: string;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_name: string | null;
  actor_unit_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  request_id: string | null;
  /** Hash of the event's own content (null only for events chained before migration 0006). */
  content_hash: string | null;
}

/** An event with its link, when sealed. */
export interface SealedRow extends EventRow {
  seq: number;
  prev_hash: string;
  hash: string;
}

export interface ListedRow extends EventRow {
  seq: number | null;
  hash: string | null;
}

const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

export const auditRepository = {
  /** Appends an event and marks it pending: no lock, so concurrent writers never wait on each other. */
  async append(tx: Tx, row: EventRow): Promise<void> {
    await tx
      .insertInto('audit_event')
      .values({ ...row, before: json(row.before), after: json(row.after) })
      .execute();
    await tx.insertInto('audit_pending').values({ event_id: row.id }).execute();
  },

  /**
   * The sealer's claim: locks the chain head row for the sealing transaction only; another sealer holding
   * it makes this one skip (undefined) instead of waiting.
   */
  async claimHead(tx: Tx): Promise<{ seq: number; hash: string } | undefined> {
    const head = await tx
      .selectFrom('audit_chain_head')
      .select(['seq', 'hash'])
      .where('id', '=', 1)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    return head && { seq: Number(head.seq), hash: head.hash };
  },

  /** The oldest pending events, in id (UUIDv7, time) order. */
  pendingBatch: (tx: Tx, size: number): Promise<EventRow[]> =>
    tx
      .selectFrom('audit_pending')
      .innerJoin('audit_event', 'audit_event.id', 'audit_pending.event_id')
      .selectAll('audit_event')
      .orderBy('audit_pending.event_id')
      .limit(size)
      .execute(),

  async seal(
    tx: Tx,
    links: { seq: number; event_id: string; prev_hash: string; hash: string }[],
    sealedAt: Date,
  ): Promise<void> {
    const last = links.at(-1);
    if (!last) return;
    await tx
      .insertInto('audit_seal')
      .values(links.map((l) => ({ ...l, sealed_at: sealedAt })))
      .execute();
    await tx
      .deleteFrom('audit_pending')
      .where(
        'event_id',
        'in',
        links.map((l) => l.event_id),
      )
      .execute();
    await tx
      .updateTable('audit_chain_head')
      .set({ seq: last.seq, hash: last.hash })
      .where('id', '=', 1)
      .execute();
  },

  async list(db: Executor, query: AuditQuery, scope: Scope) {
    let q = db
      .selectFrom('audit_event')
      .leftJoin('audit_seal', 'audit_seal.event_id', 'audit_event.id')
      .where((eb) =>
        eb.or([
          eb(unitInScope(scope, 'audit_event.actor_unit_id'), '=', true),
          // events by the system (no unit) are visible to national admins only
          eb.and([eb('audit_event.actor_unit_id', 'is', null), eb.lit(seesEverything(scope))]),
        ]),
      );
    if (query.action) q = q.where('action', '=', query.action);
    if (query.entityType) q = q.where('entity_type', '=', query.entityType);
    if (query.entityId) q = q.where('entity_id', '=', query.entityId);
    if (query.actorUserId) q = q.where('actor_user_id', '=', query.actorUserId);
    if (query.unitId) q = q.where('actor_unit_id', '=', query.unitId);
    if (query.from) q = q.where('occurred_at', '>=', new Date(`${query.from}T00:00:00Z`));
    // dates are UTC days on both bounds (computed here, not by the database, whose time zone varies)
    if (query.to) q = q.where('occurred_at', '<', new Date(Date.parse(`${query.to}T00:00:00Z`) + 86_400_000));
    const [items, count] = await Promise.all([
      q
        .selectAll('audit_event')
        .select(['audit_seal.seq', 'audit_seal.hash'])
        .orderBy('audit_event.id', 'desc')
        .limit(query.limit)
        .offset(query.offset)
        .execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return {
      items: items.map((r) => ({ ...r, seq: r.seq === null ? null : Number(r.seq) })) as ListedRow[],
      total: Number(count.n),
    };
  },

  /** Reads the sealed chain in order, a page at a time (for verification). */
  async page(db: Executor, afterSeq: number, size: number): Promise<SealedRow[]> {
    const rows = await db
      .selectFrom('audit_seal')
      .innerJoin('audit_event', 'audit_event.id', 'audit_seal.event_id')
      .selectAll('audit_event')
      .select(['audit_seal.seq', 'audit_seal.prev_hash', 'audit_seal.hash'])
      .where('audit_seal.seq', '>', afterSeq)
      .orderBy('audit_seal.seq')
      .limit(size)
      .execute();
    return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
  },

  /** Pending (not yet sealed) events, a page at a time. */
  pendingPage: (db: Executor, afterId: string, size: number): Promise<EventRow[]> =>
    db
      .selectFrom('audit_pending')
      .innerJoin('audit_event', 'audit_event.id', 'audit_pending.event_id')
      .selectAll('audit_event')
      .where('audit_pending.event_id', '>', afterId)
      .orderBy('audit_pending.event_id')
      .limit(size)
      .execute(),

  /** Events that are neither sealed nor pending (one snapshot: a write seals and unqueues in one transaction). */
  async orphans(db: Executor): Promise<number> {
    const row = await db
      .selectFrom('audit_event as e')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('audit_seal')
              .select(sql.lit(1).as('one'))
              .whereRef('audit_seal.event_id', '=', 'e.id')
              .unionAll(
                eb
                  .selectFrom('audit_pending')
                  .select(sql.lit(1).as('one'))
                  .whereRef('audit_pending.event_id', '=', 'e.id'),
              ),
          ),
        ),
      )
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  async head(db: Executor) {
    const head = await db
      .selectFrom('audit_chain_head')
      .select(['seq', 'hash'])
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
    return { seq: Number(head.seq), hash: head.hash };
  },
};
