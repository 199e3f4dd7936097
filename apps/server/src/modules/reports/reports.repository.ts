import { foldForSearch } from '@pilotage/contracts';
import { sql, type Insertable, type Updateable } from 'kysely';
import type { ProgressReportTable } from '../../db/schema.ts';
import type { Executor } from '../../db/transaction.ts';
import { likeEscape } from '../org/index.ts';

/** An assignment with what reporting needs: units, task, programme settings. */
export interface ReportAssignmentRow {
  id: string;
  unit_id: string;
  unit_code: string;
  unit_name: string;
  unit_name_en: string | null;
  unit_kind: string;
  unit_parent_id: string | null;
  assigned_by_unit_id: string;
  by_code: string;
  by_name: string;
  by_name_en: string | null;
  by_kind: string;
  task_id: string;
  task_code: string;
  task_title: string;
  is_continuous: boolean;
  start_date: string;
  task_frequency: string | null;
  programme_id: string;
  programme_frequency: string;
  programme_start: string;
  programme_end: string;
  report_due_days: number;
  progress: number;
  completed_on: string | null;
  product: string | null;
}

export type ReportRow = ReportAssignmentRow & {
  report_id: string;
  period: string;
  period_start: string;
  period_end: string;
  due_on: string;
  report_progress: number;
  narrative: string | null;
  difficulties: string | null;
  proposals: string | null;
  report_product: string | null;
  report_completed_on: string | null;
  status: string;
  approved_at: Date | null;
  submitted_at: Date | null;
  reviewed_at: Date | null;
  return_reason: string | null;
  created_at: Date;
  updated_at: Date;
  approved_by_name: string | null;
  submitted_by_name: string | null;
  reviewed_by_name: string | null;
};

function assignmentQuery(db: Executor) {
  return db
    .selectFrom('assignment as a')
    .innerJoin('task as t', 't.id', 'a.task_id')
    .innerJoin('programme as p', 'p.id', 't.programme_id')
    .innerJoin('org_unit as u', 'u.id', 'a.unit_id')
    .innerJoin('org_unit as b', 'b.id', 'a.assigned_by_unit_id')
    .select([
      'a.id',
      'a.unit_id',
      'u.code as unit_code',
      'u.name as unit_name',
      'u.name_en as unit_name_en',
      'u.kind as unit_kind',
      'u.parent_id as unit_parent_id',
      'a.assigned_by_unit_id',
      'b.code as by_code',
      'b.name as by_name',
      'b.name_en as by_name_en',
      'b.kind as by_kind',
      't.id as task_id',
      't.code as task_code',
      't.title as task_title',
      't.is_continuous',
      't.start_date',
      't.reporting_frequency as task_frequency',
      'p.id as programme_id',
      'p.reporting_frequency as programme_frequency',
      'p.period_start as programme_start',
      'p.period_end as programme_end',
      'p.report_due_days',
      'a.progress',
      'a.completed_on',
      'a.product',
    ]);
}

function reportQuery(db: Executor) {
  return assignmentQuery(db)
    .innerJoin('progress_report as r', 'r.assignment_id', 'a.id')
    .leftJoin('app_user as ua', 'ua.id', 'r.approved_by')
    .leftJoin('app_user as us', 'us.id', 'r.submitted_by')
    .leftJoin('app_user as ur', 'ur.id', 'r.reviewed_by')
    .select([
      'r.id as report_id',
      'r.period',
      'r.period_start',
      'r.period_end',
      'r.due_on',
      'r.progress as report_progress',
      'r.narrative',
      'r.difficulties',
      'r.proposals',
      'r.product as report_product',
      'r.completed_on as report_completed_on',
      'r.status',
      'r.approved_at',
      'r.submitted_at',
      'r.reviewed_at',
      'r.return_reason',
      'r.created_at',
      'r.updated_at',
      'ua.display_name as approved_by_name',
      'us.display_name as submitted_by_name',
      'ur.display_name as reviewed_by_name',
    ]);
}

export const reportsRepository = {
  findAssignment(db: Executor, id: string): Promise<ReportAssignmentRow | undefined> {
    return assignmentQuery(db).where('a.id', '=', id).executeTakeFirst();
  },

  findReport(db: Executor, id: string): Promise<ReportRow | undefined> {
    return reportQuery(db).where('r.id', '=', id).executeTakeFirst();
  },

  /** Locks the report row for the rest of the transaction (workflow transitions are serialized). */
  async lockReport(db: Executor, id: string): Promise<{ status: string } | undefined> {
    return db
      .selectFrom('progress_report')
      .select('status')
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
  },

  findByPeriod(db: Executor, assignmentId: string, period: string) {
    return db
      .selectFrom('progress_report')
      .select(['id'])
      .where('assignment_id', '=', assignmentId)
      .where('period', '=', period)
      .executeTakeFirst();
  },

  listForAssignment(db: Executor, assignmentId: string): Promise<ReportRow[]> {
    return reportQuery(db).where('a.id', '=', assignmentId).orderBy('r.period_end', 'desc').execute();
  },

  /** Inserts unless the id or the (assignment, period) exists; false when skipped (waits for a concurrent insert). */
  async insert(db: Executor, row: Insertable<ProgressReportTable>): Promise<boolean> {
    const done = await db
      .insertInto('progress_report')
      .values(row)
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    return done !== undefined;
  },

  async update(db: Executor, id: string, patch: Updateable<ProgressReportTable>): Promise<void> {
    await db.updateTable('progress_report').set(patch).where('id', '=', id).execute();
  },

  /** Latest period end among the assignment's accepted reports other than this one. */
  async latestAcceptedEnd(db: Executor, assignmentId: string, exceptId: string): Promise<string | null> {
    const row = await db
      .selectFrom('progress_report')
      .select((eb) => eb.fn.max('period_end').as('end'))
      .where('assignment_id', '=', assignmentId)
      .where('status', '=', 'accepted')
      .where('id', '!=', exceptId)
      .executeTakeFirst();
    return (row?.end as string | null | undefined) ?? null;
  },

  async updateAssignment(
    db: Executor,
    id: string,
    patch: { progress: number; completed_on: string | null; product: string | null },
  ) {
    await db
      .updateTable('assignment')
      .set({ ...patch, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  },

  /**
   * Review queue: reports submitted to the caller's unit (review), and for unit leads the caller's unit's
   * reports waiting for approval. Oldest first (first in, first reviewed).
   */
  async queue(
    db: Executor,
    f: {
      unitId: string;
      review: boolean;
      approval: boolean;
      programmeId?: string | undefined;
      reportingUnitId?: string | undefined;
      q?: string | undefined;
      order?: 'oldest' | 'newest' | undefined;
      limit: number;
      offset: number;
    },
  ) {
    // filter and count on the lean join (report × assignment, plus task/unit only for text search), then
    // fetch the full rows of one page by id
    let q = db
      .selectFrom('progress_report as r')
      .innerJoin('assignment as a', 'a.id', 'r.assignment_id')
      .where((eb) =>
        eb.or([
          ...(f.review
            ? [eb.and([eb('r.status', '=', 'submitted'), eb('a.assigned_by_unit_id', '=', f.unitId)])]
            : []),
          ...(f.approval
            ? [eb.and([eb('r.status', '=', 'pending_approval'), eb('a.unit_id', '=', f.unitId)])]
            : []),
          sql<boolean>`false`,
        ]),
      );
    if (f.programmeId)
      q = q.where('a.task_id', 'in', (eb) =>
        eb.selectFrom('task').select('id').where('programme_id', '=', f.programmeId!),
      );
    if (f.reportingUnitId) q = q.where('a.unit_id', '=', f.reportingUnitId);
    const words = foldForSearch(f.q ?? '')
      .split(' ')
      .filter(Boolean);
    if (words.length) {
      let search = q
        .innerJoin('task as t', 't.id', 'a.task_id')
        .innerJoin('org_unit as u', 'u.id', 'a.unit_id');
      for (const w of words) {
        const like = `%${likeEscape(w)}%`;
        search = search.where((eb) =>
          eb.or([eb('t.search_key', 'like', like), eb('u.search_key', 'like', like)]),
        );
      }
      q = search;
    }
    const direction = f.order === 'newest' ? 'desc' : 'asc';
    const page = await q
      .select('r.id')
      // waiting since: sent to the reviewer (submitted_at) or to the lead (its last change)
      .orderBy(sql`coalesce(r.submitted_at, r.updated_at)`, direction)
      .orderBy('r.id', direction)
      .limit(f.limit)
      .offset(f.offset)
      .execute();
    const count = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const ids = page.map((r) => r.id);
    const rows = ids.length ? await reportQuery(db).where('r.id', 'in', ids).execute() : [];
    const byId = new Map(rows.map((r) => [r.report_id, r]));
    const items = ids.map((id) => byId.get(id)!).filter(Boolean);
    return { items, total: Number(count.n) };
  },
};
