/** SQL for the stored status columns of `assignment` (migration 0004, ADR 0010). */
import { sql } from 'kysely';
import type { TaskStatus } from '@pilotage/contracts';
import type { Executor } from '../../db/transaction.ts';

export interface StoredStatusRow {
  id: string;
  status: TaskStatus;
  atRisk: boolean;
  progress: number;
  effectiveDeadline: string | null;
  deadlineUsed: 'original' | 'extended' | 'none';
  judgedPeriod: string | null;
  recheckOn: string | null;
}

export const storedStatusRepository = {
  /** Writes computed statuses in one statement per call (unnest of parallel arrays). */
  async write(db: Executor, rows: readonly StoredStatusRow[], statusOn: string): Promise<void> {
    if (rows.length === 0) return;
    const col = <T>(f: (r: StoredStatusRow) => T) => sql.val(rows.map(f));
    await sql`
      update assignment a set
        status = v.status, at_risk = v.at_risk, status_progress = v.progress,
        effective_deadline = v.effective_deadline, deadline_used = v.deadline_used,
        judged_period = v.judged_period, status_on = ${statusOn}::date, status_recheck_on = v.recheck_on
      from unnest(
        ${col((r) => r.id)}::uuid[], ${col((r) => r.status)}::text[], ${col((r) => r.atRisk)}::boolean[],
        ${col((r) => r.progress)}::integer[], ${col((r) => r.effectiveDeadline)}::date[],
        ${col((r) => r.deadlineUsed)}::text[], ${col((r) => r.judgedPeriod)}::text[],
        ${col((r) => r.recheckOn)}::date[]
      ) as v(id, status, at_risk, progress, effective_deadline, deadline_used, judged_period, recheck_on)
      where a.id = v.id`.execute(db);
  },

  /**
   * Claims up to `limit` assignments whose stored status is due for recomputation on `today`. Inside a
   * transaction, rows another instance holds are skipped (SKIP LOCKED), so several instances share the work.
   */
  async claimDue(db: Executor, today: string, limit: number): Promise<string[]> {
    const rows = await db
      .selectFrom('assignment')
      .select('id')
      .where('status_recheck_on', '<=', today)
      .orderBy('status_recheck_on')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    return rows.map((r) => r.id);
  },

  anyDue: async (db: Executor, today: string): Promise<boolean> =>
    (await db
      .selectFrom('assignment')
      .select('id')
      .where('status_recheck_on', '<=', today)
      .limit(1)
      .executeTakeFirst()) !== undefined,

  countDue: async (db: Executor, today: string): Promise<number> =>
    Number(
      (
        await db
          .selectFrom('assignment')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('status_recheck_on', '<=', today)
          .executeTakeFirstOrThrow()
      ).n,
    ),

  /** Assignment ids in id order after `after` (keyset pages for a full rebuild). */
  async idsAfter(db: Executor, after: string | null, limit: number): Promise<string[]> {
    let q = db.selectFrom('assignment').select('id').orderBy('id').limit(limit);
    if (after) q = q.where('id', '>', after);
    return (await q.execute()).map((r) => r.id);
  },

  idsOfTask: async (db: Executor, taskId: string): Promise<string[]> =>
    (await db.selectFrom('assignment').select('id').where('task_id', '=', taskId).execute()).map((r) => r.id),

  countAll: async (db: Executor): Promise<number> =>
    Number(
      (
        await db
          .selectFrom('assignment')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
};
