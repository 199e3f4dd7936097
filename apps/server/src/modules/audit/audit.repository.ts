import type { AuditQuery } from '@pilotage/contracts';
import type { Executor, Tx } from '../../db/transaction.ts';
import { unitUnder } from '../org/index.ts';

export interface AuditRow {
  id: string;
  seq: number;
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
  prev_hash: string;
  hash: string;
}

export const auditRepository = {
  /** Locks the chain head for the rest of the transaction: audit writes are serialized, links never fork. */
  async lockHead(tx: Tx): Promise<{ seq: number; hash: string }> {
    const head = await tx
      .selectFrom('audit_chain_head')
      .select(['seq', 'hash'])
      .where('id', '=', 1)
      .forUpdate()
      .executeTakeFirstOrThrow();
    return { seq: Number(head.seq), hash: head.hash };
  },

  async append(tx: Tx, row: AuditRow): Promise<void> {
    await tx
      .insertInto('audit_event')
      .values({
        ...row,
        before: row.before === null || row.before === undefined ? null : JSON.stringify(row.before),
        after: row.after === null || row.after === undefined ? null : JSON.stringify(row.after),
      })
      .execute();
    await tx
      .updateTable('audit_chain_head')
      .set({ seq: row.seq, hash: row.hash })
      .where('id', '=', 1)
      .execute();
  },

  async list(db: Executor, query: AuditQuery, scopeRootId: string) {
    let q = db.selectFrom('audit_event').where((eb) =>
      eb.or([
        unitUnder(scopeRootId, 'actor_unit_id'),
        // events by the system (no unit) are visible to national admins only
        eb.and([
          eb('actor_unit_id', 'is', null),
          eb.exists(
            eb
              .selectFrom('org_unit')
              .select('id')
              .where('id', '=', scopeRootId)
              .where('parent_id', 'is', null),
          ),
        ]),
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
      q.selectAll().orderBy('seq', 'desc').limit(query.limit).offset(query.offset).execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: items as AuditRow[], total: Number(count.n) };
  },

  /** Reads the chain in order, a page at a time (for verification). */
  async page(db: Executor, afterSeq: number, size: number): Promise<AuditRow[]> {
    const rows = await db
      .selectFrom('audit_event')
      .selectAll()
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .limit(size)
      .execute();
    return rows;
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
