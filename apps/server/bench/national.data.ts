/**
 * National-size data for `npm run bench:national`, built through the project's own paths: the services
 * create the programme and its tasks, assign each to all 34 provinces and cascade every province's
 * assignment to all its communes (≈ 3,321 assignments per task); monthly reports go in through the bulk
 * repository the demo loader uses; `status:rebuild` (rebuildAll) then stores every status.
 */
import { sql, type Insertable } from 'kysely';
import type { ProgressReportTable } from '../src/db/schema.ts';
import type { Database } from '../src/db/database.ts';
import { newId } from '../src/db/ids.ts';
import { inTransaction } from '../src/db/transaction.ts';
import { systemContext } from '../src/http/context.ts';
import type { Services } from '../src/services.ts';
import { rebuildAll, refreshDue } from '../src/modules/tasks/index.ts';
import { dueOn, periodBounds } from '../src/modules/tasks/reporting-period.ts';
import { tasksBulkRepository } from '../src/modules/tasks/tasks-bulk.repository.ts';

export interface NationalData {
  programmeId: string;
  assignments: number;
  reports: number;
  timings: Record<string, number>;
}

const time = async <T>(timings: Record<string, number>, key: string, fn: () => Promise<T>) => {
  const t = performance.now();
  const out = await fn();
  timings[key] = Math.round(performance.now() - t);
  return out;
};

export async function buildNational(
  database: Database,
  services: Services,
  rootId: string,
  opts: { tasks: number; months: number; log: (m: string) => void },
): Promise<NationalData> {
  const db = database.db;
  const ctx = systemContext(rootId, 'bench:national');
  const timings: Record<string, number> = {};
  const owner = await db
    .selectFrom('org_unit')
    .select('id')
    .where('code', '=', 'BCDCP')
    .executeTakeFirstOrThrow();
  const programme = await services.tasks.programmes.create(ctx, {
    code: `NAT-${newId().slice(-8)}`,
    title: 'Benchmark: national programme',
    ownerUnitId: owner.id,
    periodStart: '2025-01-01',
    periodEnd: '2026-12-31',
    reportingFrequency: 'monthly',
    atRiskMargin: 20,
    reportDueDays: 5,
    escalationDays: 7,
  });
  const taskIds: string[] = [];
  await time(timings, 'tasksAndAssignMs', async () => {
    for (let i = 1; i <= opts.tasks; i++) {
      const continuous = i % 5 === 0;
      const task = await services.tasks.tasks.create(ctx, {
        programmeId: programme.id,
        code: `NAT-${String(i).padStart(3, '0')}`,
        title: `Nhiệm vụ quốc gia số ${i}: chuyển đổi số cấp xã`,
        category: 'digital_government',
        leadUnitId: owner.id,
        startDate: '2025-01-01',
        ...(continuous
          ? { isContinuous: true, reportingFrequency: 'monthly' as const }
          : { deadline: i % 3 === 0 ? '2025-09-30' : i % 3 === 1 ? '2026-06-30' : '2026-12-31' }),
        priority: 'normal',
      });
      taskIds.push(task.id);
      await services.tasks.assignments.assign(ctx, task.id, { allOfKind: 'province' });
    }
  });
  opts.log(`  ${opts.tasks} tasks assigned to 34 provinces (${timings.tasksAndAssignMs} ms)`);
  const roots = await db
    .selectFrom('assignment')
    .select('id')
    .where('task_id', 'in', taskIds)
    .where('parent_assignment_id', 'is', null)
    .execute();
  await time(timings, 'cascadeMs', async () => {
    for (const [i, r] of roots.entries()) {
      await services.tasks.assignments.cascade(ctx, r.id, { allChildren: true });
      if (i % 340 === 339) opts.log(`  cascaded ${i + 1} / ${roots.length}`);
    }
  });
  const all = await db
    .selectFrom('assignment')
    .select(['id', 'task_id'])
    .where('task_id', 'in', taskIds)
    .orderBy('id')
    .execute();
  opts.log(`  ${all.length.toLocaleString('en')} assignments (cascade ${timings.cascadeMs} ms)`);

  let reports = 0;
  await time(timings, 'reportsMs', async () => {
    const months = Array.from({ length: opts.months }, (_, m) => `2025-${String(m + 1).padStart(2, '0')}`);
    const CHUNK = 2000; // assignments per transaction
    for (let i = 0; i < all.length; i += CHUNK) {
      const rows: Insertable<ProgressReportTable>[] = [];
      for (const [j, a] of all.slice(i, i + CHUNK).entries()) {
        const seed = (i + j) % 97;
        months.forEach((period, m) => {
          if ((seed + m) % 11 === 0) return; // some periods never reported
          const due = dueOn(period, 5);
          const late = (seed + m) % 7 === 0;
          const submitted = new Date(`${due}T09:00:00+07:00`);
          if (late) submitted.setUTCDate(submitted.getUTCDate() + 6);
          const { start, end } = periodBounds(period);
          rows.push({
            id: newId(),
            assignment_id: a.id,
            period,
            period_start: start,
            period_end: end,
            due_on: due,
            progress: Math.min(100, (m + 1) * 8 + (seed % 10)),
            narrative: 'Đã triển khai theo kế hoạch',
            status: m === opts.months - 1 && seed % 4 === 0 ? 'submitted' : 'accepted',
            submitted_at: submitted,
            reviewed_at: submitted,
            created_at: submitted,
            updated_at: submitted,
          });
        });
      }
      await inTransaction(db, (tx) => tasksBulkRepository.insertReports(tx, rows));
      reports += rows.length;
      if ((i / CHUNK) % 20 === 19) opts.log(`  reports: ${reports.toLocaleString('en')}`);
    }
  });
  opts.log(`  ${reports.toLocaleString('en')} reports (${timings.reportsMs} ms)`);
  await time(timings, 'statusRebuildMs', () => rebuildAll(db));
  opts.log(`  status:rebuild of every assignment: ${timings.statusRebuildMs} ms`);
  // steady state after a bulk load: autovacuum would have set the visibility map and statistics (PGlite has
  // no autovacuum: its statistics come from an explicit ANALYZE)
  await sql.raw(database.kind === 'postgres' ? 'vacuum analyze' : 'analyze').execute(db);
  return { programmeId: programme.id, assignments: all.length, reports, timings };
}

/** National data left by an earlier run in the same database (BENCH_REUSE), or null. */
export async function existingNational(db: Database['db']): Promise<NationalData | null> {
  const programme = await db
    .selectFrom('programme')
    .select('id')
    .where('code', 'like', 'NAT-%')
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  if (!programme) return null;
  const count = async (table: 'assignment' | 'progress_report') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  await refreshDue(db);
  return {
    programmeId: programme.id,
    assignments: await count('assignment'),
    reports: await count('progress_report'),
    timings: {},
  };
}
