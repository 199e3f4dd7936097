import { sql } from 'kysely';
import type { Tx } from '../../db/transaction.ts';

const OPEN = ['received', 'accepted', 'processing'] as const;

/** SQL of the feedback timer. */
export const jobsRepository = {
  /** Open items due before `dueBefore` not yet reminded (or escalated), locked, skipping those another instance holds. */
  claimDue(tx: Tx, change: 'due_soon' | 'overdue', dueBefore: Date, limit: number) {
    const mark = change === 'due_soon' ? 'f.reminded_at' : 'f.escalated_at';
    return tx
      .selectFrom('feedback_item as f')
      .innerJoin('org_unit as u', 'u.id', 'f.unit_id')
      .select([
        'f.id',
        'f.tracking_code',
        'f.unit_id',
        'f.title',
        'f.status',
        'f.due_at',
        'u.name as unit_name',
        'u.parent_id',
      ])
      .where('f.status', 'in', OPEN)
      .where('f.due_at', '<', dueBefore)
      .where(sql.ref(mark), 'is', null)
      .orderBy('f.due_at')
      .limit(limit)
      .forUpdate('f')
      .skipLocked()
      .execute();
  },

  async mark(tx: Tx, change: 'due_soon' | 'overdue', ids: string[], at: Date) {
    await tx
      .updateTable('feedback_item')
      .set(change === 'due_soon' ? { reminded_at: at } : { escalated_at: at, reminded_at: at })
      .where('id', 'in', ids)
      .execute();
  },

  async purgePersonalData(tx: Tx, closedBefore: Date, at: Date): Promise<number> {
    const r = await tx
      .updateTable('feedback_item')
      .set({
        contact_enc: null,
        contact_key_id: null,
        has_email: false,
        address_string: null,
        lat: null,
        long: null,
        personal_data_purged_at: at,
      })
      .where('contact_enc', 'is not', null)
      .where('closed_at', '<', closedBefore)
      .where('status', 'in', ['closed', 'rejected', 'merged'])
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  },
};
