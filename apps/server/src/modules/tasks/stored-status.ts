/**
 * Stored status (ADR 0010): the status engine's result as of today, kept on each assignment so that every
 * "today" list, summary, queue and export filters, sorts, pages and aggregates in SQL.
 *
 * - `refreshStatuses(tx, ids)`: every write that changes a status fact (report submitted, approved,
 *   accepted, returned, withdrawn; completion; extension decided; deadline or dates changed; assignment
 *   created or cascaded) calls it in its own transaction, so the next request sees the change.
 * - `refreshDue(db)`: the status job — recomputes the rows whose `status_recheck_on` has come (the status
 *   clock: time alone changes them). Claims rows with SKIP LOCKED: safe with several instances.
 * - `rebuildAll(db)`: recomputes every row from the facts, in batches (`npm run status:rebuild`).
 */
import type { Db } from '../../db/database.ts';
import { inTransaction, type Executor } from '../../db/transaction.ts';
import { loadFacts } from './assignment-facts.repository.ts';
import { todayVn } from './reporting-period.ts';
import { nextChangeOn } from './status-clock.ts';
import { assignmentStatus } from './status-engine.ts';
import { storedStatusRepository, type StoredStatusRow } from './stored-status.repository.ts';

const BATCH = 2000;

/** Recomputes and stores the status of these assignments as of `today`. Returns how many were written. */
export async function refreshStatuses(
  tx: Executor,
  assignmentIds: readonly string[],
  today: string = todayVn(),
): Promise<number> {
  let written = 0;
  for (let i = 0; i < assignmentIds.length; i += BATCH) {
    const facts = await loadFacts(tx, assignmentIds.slice(i, i + BATCH), today);
    const rows: StoredStatusRow[] = [];
    for (const [id, f] of facts) {
      const opts = { atRiskMargin: f.atRiskMargin, reportDueDays: f.reportDueDays };
      const r = assignmentStatus(f, today, opts);
      rows.push({
        id,
        status: r.status,
        atRisk: r.atRisk,
        progress: r.progress,
        effectiveDeadline: r.effectiveDeadline,
        deadlineUsed: r.deadlineUsed,
        judgedPeriod: r.judgedPeriod,
        recheckOn: nextChangeOn(f, today, opts),
      });
    }
    await storedStatusRepository.write(tx, rows, today);
    written += rows.length;
  }
  return written;
}

/** Recomputes every assignment of a task (its dates, deadline or frequency changed). */
export async function refreshTaskStatuses(tx: Executor, taskId: string): Promise<number> {
  return refreshStatuses(tx, await storedStatusRepository.idsOfTask(tx, taskId));
}

/**
 * The status job: recomputes rows due on `today`, batch by batch, each in its own transaction, until no due
 * row is left to claim (rows another instance holds are skipped, it writes them). `onBatch` sees the ids each
 * batch wrote (tests count them across instances).
 */
export async function refreshDue(
  db: Db,
  today: string = todayVn(),
  onBatch?: (ids: readonly string[]) => void,
): Promise<number> {
  let total = 0;
  for (;;) {
    const { ids, n } = await inTransaction(db, async (tx) => {
      const claimed = await storedStatusRepository.claimDue(tx, today, BATCH);
      return { ids: claimed, n: await refreshStatuses(tx, claimed, today) };
    });
    onBatch?.(ids); // after the commit
    total += n;
    // a batch may come back short (rows skipped while another instance holds them): ask again until empty
    if (n === 0) return total;
  }
}

/** Recomputes every stored status from the facts (after a rule change, a restore or a bulk load). */
export async function rebuildAll(
  db: Db,
  onProgress?: (done: number, total: number) => void,
  today: string = todayVn(),
): Promise<number> {
  const total = await storedStatusRepository.countAll(db);
  let done = 0;
  let after: string | null = null;
  for (;;) {
    const ids = await storedStatusRepository.idsAfter(db, after, BATCH);
    if (ids.length === 0) break;
    await inTransaction(db, (tx) => refreshStatuses(tx, ids, today));
    done += ids.length;
    after = ids[ids.length - 1]!;
    onProgress?.(done, total);
  }
  return done;
}

/**
 * Catch-up before a "today" read: when rows are due (the job has not run since midnight), recompute one
 * bounded batch first. A cheap indexed probe when nothing is due.
 */
export async function catchUp(db: Db, today: string = todayVn()): Promise<number> {
  if (!(await storedStatusRepository.anyDue(db, today))) return 0;
  return inTransaction(db, async (tx) =>
    refreshStatuses(tx, await storedStatusRepository.claimDue(tx, today, BATCH), today),
  );
}

export const countDueStatuses = (db: Executor, today: string = todayVn()) =>
  storedStatusRepository.countDue(db, today);
