/** SQL for assignments and deadline extensions (the only place these tables are queried). */
import { foldForSearch, type OrgUnitKind, type TaskStatus } from '@pilotage/contracts';
import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { AssignmentTable, DeadlineExtensionTable } from '../../db/schema.ts';
import type { Executor } from '../../db/transaction.ts';
import { likeEscape, type Scope, unitsBelow } from '../org/index.ts';
import { anyUuid, assignmentRowVisible, assignmentVisible } from './scope.ts';
import { COUNTED_REPORT_STATUSES } from './task-rules.ts';

export type AssignmentRow = Selectable<AssignmentTable>;
export type ExtensionRow = Selectable<DeadlineExtensionTable>;

/** An assignment with what its API shape needs (task, units, children). */
export interface AssignmentViewRow extends AssignmentRow {
  task_code: string;
  task_title: string;
  programme_id: string;
  is_continuous: boolean;
  unit_code: string;
  unit_name: string;
  unit_name_en: string | null;
  unit_kind: string;
  by_code: string;
  by_name: string;
  by_name_en: string | null;
  by_kind: string;
  child_count: number;
}

export interface AssignmentFilter {
  scope: Scope;
  unitId?: string | undefined;
  taskId?: string | undefined;
  taskIds?: string[] | undefined;
  programmeId?: string | undefined;
  parentAssignmentId?: string | undefined;
  rootsOnly?: boolean | undefined;
  q?: string | undefined;
  ids?: string[] | undefined;
  /** Stored status (as of today, ADR 0010). */
  status?: TaskStatus | undefined;
  /**
   * Due soon: not done with an effective deadline in [from, to] (stored status), or a report falling due in
   * [from, to] not yet received — `reportsDue` lists those periods by frequency and programme due days
   * (reporting-state.ts#periodsDueBetween).
   */
  dueBetween?: { from: string; to: string; reportsDue: ReportDueWindow[] } | undefined;
}

/** Status-filtered lists (stored status) are ordered most overdue first, along an index. */
const byDeadline = (f: AssignmentFilter) => f.status !== undefined || f.dueBetween !== undefined;

function viewQuery(db: Executor, f: AssignmentFilter) {
  // filters reach the task through sub-selects, so that counting needs the assignment table alone
  let q = db.selectFrom('assignment as a').where(assignmentVisible(f.scope));
  if (f.ids) q = f.ids.length ? q.where('a.id', '=', anyUuid(f.ids)) : q.where(sql<boolean>`false`);
  if (f.unitId) q = q.where('a.unit_id', '=', f.unitId);
  if (f.taskId) q = q.where('a.task_id', '=', f.taskId);
  if (f.taskIds)
    q = f.taskIds.length ? q.where('a.task_id', '=', anyUuid(f.taskIds)) : q.where(sql<boolean>`false`);
  if (f.programmeId)
    q = q.where('a.task_id', 'in', (eb) =>
      eb.selectFrom('task').select('id').where('programme_id', '=', f.programmeId!),
    );
  if (f.parentAssignmentId) q = q.where('a.parent_assignment_id', '=', f.parentAssignmentId);
  // top-most visible: no parent, or a parent the caller cannot see (a commune's own cascaded assignment)
  if (f.rootsOnly)
    q = q.where(
      sql<boolean>`(a.parent_assignment_id is null or not exists (select 1 from assignment pa where pa.id = a.parent_assignment_id and ${assignmentRowVisible(f.scope, 'pa')}))`,
    );
  if (f.status) q = q.where('a.status', '=', f.status);
  if (f.dueBetween) q = q.where(dueSoon(f.dueBetween));
  if (f.q) {
    const words = foldForSearch(f.q).split(' ').filter(Boolean);
    q = q.where('a.task_id', 'in', (eb) => {
      let t = eb.selectFrom('task').select('id');
      for (const w of words) t = t.where('search_key', 'like', `%${likeEscape(w)}%`);
      return t;
    });
  }
  return q;
}

export interface ReportDueWindow {
  frequency: string;
  dueDays: number;
  period: string;
  periodStart: string;
  periodEnd: string;
}

/**
 * A report of a period in the window is not received (reporting-state.ts#reportingSummary's `nextDue` falls
 * in it): not completed by `from`, the period ends on/after the start, no counted report submitted before
 * `receivedBefore` (the end of the as-of day; today: any).
 */
function reportDue(d: NonNullable<AssignmentFilter['dueBetween']>, receivedBefore?: Date) {
  const w = d.reportsDue;
  if (!w.length) return sql<boolean>`false`;
  const windows = sql`unnest(${sql.val(w.map((x) => x.frequency))}::text[], ${sql.val(w.map((x) => x.dueDays))}::int[], ${sql.val(w.map((x) => x.period))}::text[], ${sql.val(w.map((x) => x.periodStart))}::date[], ${sql.val(w.map((x) => x.periodEnd))}::date[]) as w(freq, days, period, pstart, pend)`;
  const before = receivedBefore ? sql`and r.submitted_at < ${receivedBefore}` : sql``;
  return sql<boolean>`exists (
    select 1 from task t join programme p on p.id = t.programme_id cross join ${windows}
    where t.id = a.task_id
      and w.freq = coalesce(t.reporting_frequency, p.reporting_frequency) and w.days = p.report_due_days
      and w.pend >= t.start_date and (a.completed_on is null or a.completed_on > ${d.from})
      and not exists (select 1 from progress_report r where r.assignment_id = a.id and r.period = w.period
                      and r.status in (${sql.join(COUNTED_REPORT_STATUSES.map((x) => sql.lit(x)))}) ${before}))`;
}

/** The due-soon condition as of today (see AssignmentFilter.dueBetween). */
function dueSoon(d: NonNullable<AssignmentFilter['dueBetween']>) {
  const deadline = sql<boolean>`(a.effective_deadline >= ${d.from} and a.effective_deadline <= ${d.to} and a.status not in ('done_on_time', 'done_late'))`;
  return sql<boolean>`(${deadline} or ${reportDue(d)})`;
}

export const assignmentsRepository = {
  /** Of these ids, those with a report falling due in the window not received before `receivedBefore`. */
  async reportDueIds(
    db: Executor,
    ids: readonly string[],
    d: NonNullable<AssignmentFilter['dueBetween']>,
    receivedBefore: Date,
  ): Promise<Set<string>> {
    const out = new Set<string>();
    for (let i = 0; i < ids.length; i += 5000) {
      const rows = await db
        .selectFrom('assignment as a')
        .select('a.id')
        .where('a.id', '=', anyUuid(ids.slice(i, i + 5000)))
        .where(reportDue(d, receivedBefore))
        .execute();
      for (const r of rows) out.add(r.id);
    }
    return out;
  },
  /** The report due-day settings in use (few: one per programme at most). */
  async reportDueDays(db: Executor): Promise<number[]> {
    const rows = await db.selectFrom('programme').select('report_due_days').distinct().execute();
    return rows.map((r) => r.report_due_days);
  },
  async insertMany(db: Executor, rows: Insertable<AssignmentTable>[]) {
    for (let i = 0; i < rows.length; i += 1000)
      await db
        .insertInto('assignment')
        .values(rows.slice(i, i + 1000))
        .execute();
  },
  find: (db: Executor, id: string) =>
    db.selectFrom('assignment').selectAll().where('id', '=', id).executeTakeFirst(),
  update: (db: Executor, id: string, patch: Updateable<AssignmentTable>) =>
    db.updateTable('assignment').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow(),
  /** Units that already hold an assignment of this task. */
  async assignedUnitIds(db: Executor, taskId: string): Promise<Set<string>> {
    const rows = await db.selectFrom('assignment').select('unit_id').where('task_id', '=', taskId).execute();
    return new Set(rows.map((r) => r.unit_id));
  },

  /** Matching visible assignments, in task code / unit order; with limit for SQL paging, without for in-memory filters. */
  async list(db: Executor, f: AssignmentFilter, page?: { limit: number; offset: number }) {
    let q = viewQuery(db, f)
      .innerJoin('task as t', 't.id', 'a.task_id')
      .innerJoin('org_unit as u', 'u.id', 'a.unit_id')
      .innerJoin('org_unit as b', 'b.id', 'a.assigned_by_unit_id')
      .selectAll('a')
      .select([
        't.code as task_code',
        't.title as task_title',
        't.programme_id',
        't.is_continuous',
        'u.code as unit_code',
        'u.name as unit_name',
        'u.name_en as unit_name_en',
        'u.kind as unit_kind',
        'b.code as by_code',
        'b.name as by_name',
        'b.name_en as by_name_en',
        'b.kind as by_kind',
      ])
      .select(
        sql<number>`(select count(*) from assignment c where c.parent_assignment_id = a.id)`.as(
          'child_count',
        ),
      );
    q = byDeadline(f)
      ? q.orderBy(sql`a.effective_deadline asc nulls last`).orderBy('a.id')
      : q.orderBy('t.code').orderBy('u.sort_order');
    if (page) q = q.limit(page.limit).offset(page.offset);
    const rows = (await q.execute()) as AssignmentViewRow[];
    return rows.map((r) => ({ ...r, child_count: Number(r.child_count) }));
  },
  /** Ids only, in list order: status filters run the engine on these, then fetch one page of views. */
  async listIds(db: Executor, f: AssignmentFilter): Promise<string[]> {
    const rows = await viewQuery(db, f)
      .innerJoin('task as t', 't.id', 'a.task_id')
      .innerJoin('org_unit as u', 'u.id', 'a.unit_id')
      .select('a.id')
      .orderBy('t.code')
      .orderBy('u.sort_order')
      .execute();
    return rows.map((r) => r.id);
  },
  async count(db: Executor, f: AssignmentFilter): Promise<number> {
    const row = await viewQuery(db, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  // org lookups for assigning and cascading (current units only)
  currentUnits: (db: Executor, ids: string[]) =>
    ids.length
      ? db
          .selectFrom('org_unit')
          .select(['id', 'kind'])
          .where('id', '=', anyUuid(ids))
          .where('valid_to', 'is', null)
          .execute()
      : Promise.resolve([]),
  unitIdsOfKind: async (db: Executor, kind: OrgUnitKind) =>
    (
      await db
        .selectFrom('org_unit')
        .select('id')
        .where('kind', '=', kind)
        .where('valid_to', 'is', null)
        .orderBy('sort_order')
        .execute()
    ).map((r) => r.id),
  childUnitIds: async (db: Executor, unitId: string) =>
    (
      await db
        .selectFrom('org_unit')
        .select('id')
        .where('parent_id', '=', unitId)
        .where('valid_to', 'is', null)
        .orderBy('sort_order')
        .execute()
    ).map((r) => r.id),
  /** Which of `ids` lie strictly below `ancestorId`. */
  unitsBelow(db: Executor, ancestorId: string, ids: string[]): Promise<Set<string>> {
    return unitsBelow(db, ancestorId, ids);
  },

  // extensions
  /** Decides a pending request; undefined when it was no longer pending (decided concurrently). */
  decideExtension: (db: Executor, id: string, patch: Updateable<DeadlineExtensionTable>) =>
    db
      .updateTable('deadline_extension')
      .set(patch)
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .returningAll()
      .executeTakeFirst(),
  insertExtension: (db: Executor, row: Insertable<DeadlineExtensionTable>) =>
    db.insertInto('deadline_extension').values(row).returningAll().executeTakeFirstOrThrow(),
  findExtension: (db: Executor, id: string) =>
    db.selectFrom('deadline_extension').selectAll().where('id', '=', id).executeTakeFirst(),
  listExtensions: (db: Executor, assignmentId: string) =>
    db
      .selectFrom('deadline_extension')
      .selectAll()
      .where('assignment_id', '=', assignmentId)
      .orderBy('requested_at')
      .execute(),
  pendingExtension: (db: Executor, assignmentId: string) =>
    db
      .selectFrom('deadline_extension')
      .selectAll()
      .where('assignment_id', '=', assignmentId)
      .where('status', '=', 'pending')
      .executeTakeFirst(),
};
