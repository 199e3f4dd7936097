import { sql } from 'kysely';
import type { Executor } from '../../db/transaction.ts';

/** SQL of the reviewer's tools: the reasons a unit returned reports with, and savepoints for bulk review. */
export const reviewRepository = {
  /** Distinct return reasons of reports the unit assigned (so its reviewers wrote them), most used first. */
  async returnReasons(db: Executor, unitId: string, limit = 20) {
    const rows = await db
      .selectFrom('progress_report as r')
      .innerJoin('assignment as a', 'a.id', 'r.assignment_id')
      .where('a.assigned_by_unit_id', '=', unitId)
      .where('r.return_reason', 'is not', null)
      .select((eb) => [
        'r.return_reason as text',
        eb.fn.countAll<number>().as('uses'),
        eb.fn.max('r.updated_at').as('last'),
      ])
      .groupBy('r.return_reason')
      .orderBy('uses', 'desc')
      .orderBy('last', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ text: r.text ?? '', uses: Number(r.uses) }));
  },

  /** One report of a bulk decision runs between these: a failure undoes that report only. */
  savepoint: (tx: Executor) => sql`savepoint bulk_review_item`.execute(tx),
  release: (tx: Executor) => sql`release savepoint bulk_review_item`.execute(tx),
  rollbackTo: (tx: Executor) => sql`rollback to savepoint bulk_review_item`.execute(tx),
};
