/** SQL reads that import, export and review need beyond the tasks core's repositories. */
import { COUNTED_REPORT_STATUSES, assignmentVisible } from '../tasks/index.ts';
import { sql } from 'kysely';
import type { Executor } from '../../db/transaction.ts';
import { seesEverything, type Scope } from '../org/index.ts';

/** Reports that count for the status engine: submitted or accepted, submitted before the end of asOf (Vietnam time). */

export interface UnitRow {
  id: string;
  code: string;
  name: string;
  name_en: string | null;
  kind: string;
}

export const taskIoRepository = {
  /** Every current org unit (≈3,400 rows: loaded once per import to resolve codes and names in memory). */
  currentUnits(db: Executor): Promise<UnitRow[]> {
    return db
      .selectFrom('org_unit')
      .select(['id', 'code', 'name', 'name_en', 'kind'])
      .where('valid_to', 'is', null)
      .orderBy('sort_order')
      .execute();
  },

  /** Code → id of the programme's tasks. */
  async taskCodes(db: Executor, programmeId: string): Promise<Map<string, string>> {
    const rows = await db
      .selectFrom('task')
      .select(['id', 'code'])
      .where('programme_id', '=', programmeId)
      .execute();
    return new Map(rows.map((r) => [r.code.toUpperCase(), r.id]));
  },

  /** Difficulties written in the counted reports of the programme's assignments the scope can see. */
  difficulties(db: Executor, f: { programmeId: string; scope: Scope; before: Date }) {
    return db
      .selectFrom('progress_report as r')
      .innerJoin('assignment as a', 'a.id', 'r.assignment_id')
      .innerJoin('task as t', 't.id', 'a.task_id')
      .select(['r.difficulties', 'a.unit_id'])
      .where('t.programme_id', '=', f.programmeId)
      .where('r.status', 'in', COUNTED_REPORT_STATUSES)
      .where('r.submitted_at', '<', f.before)
      .where('r.difficulties', 'is not', null)
      .where(sql<boolean>`btrim(r.difficulties) <> ''`)
      .where(assignmentVisible(f.scope))
      .execute();
  },

  /**
   * The ids among `ids` of the assignments the scope can see (tasks.policy's visibility rule). A task's
   * status may be carried by assignments its caller cannot open (a ministry leading a task assigned to
   * provinces): what the review shows of those assignments (difficulties, proposals, leaders, products)
   * is limited to these.
   */
  async visibleAssignmentIds(db: Executor, scope: Scope, ids: readonly string[]) {
    const out = new Set<string>();
    if (seesEverything(scope)) return new Set(ids);
    for (let i = 0; i < ids.length; i += 1000) {
      const rows = await db
        .selectFrom('assignment as a')
        .select('a.id')
        .where('a.id', 'in', ids.slice(i, i + 1000))
        .where(assignmentVisible(scope))
        .execute();
      for (const r of rows) out.add(r.id);
    }
    return out;
  },

  /** Per assignment, its latest counted report that names difficulties or proposals. */
  async latestReasons(db: Executor, assignmentIds: string[], before: Date) {
    const out: {
      assignment_id: string;
      period: string;
      difficulties: string | null;
      proposals: string | null;
    }[] = [];
    for (let i = 0; i < assignmentIds.length; i += 1000) {
      const rows = await db
        .selectFrom('progress_report as r')
        .distinctOn('r.assignment_id')
        .select(['r.assignment_id', 'r.period', 'r.difficulties', 'r.proposals'])
        .where('r.assignment_id', 'in', assignmentIds.slice(i, i + 1000))
        .where('r.status', 'in', COUNTED_REPORT_STATUSES)
        .where('r.submitted_at', '<', before)
        .where(
          sql<boolean>`coalesce(btrim(r.difficulties), '') <> '' or coalesce(btrim(r.proposals), '') <> ''`,
        )
        .orderBy('r.assignment_id')
        .orderBy('r.period_end', 'desc')
        .orderBy('r.submitted_at', 'desc')
        .execute();
      out.push(...rows);
    }
    return out;
  },
};
