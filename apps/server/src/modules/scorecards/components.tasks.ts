import type { ReportingFrequency } from '@pilotage/contracts';
import { sql } from 'kysely';
import type { Executor } from '../../db/transaction.ts';
import { unitsUnderEach } from '../org/index.ts';
import { isExpected, isReceived } from '../reports/index.ts';
import { dueOn, periodOf } from '../tasks/index.ts';
import { pct, type ComponentContext, type ScoreComponentSource } from './score-component.ts';

/**
 * Task components, from the task module's stored status (assignment.status, ADR 0010) over each ranked
 * unit's subtree, as of today (a published league table freezes them).
 */
async function statusCounts(db: Executor, c: ComponentContext) {
  const rows = await sql<{ root_id: string; on_time: number; late: number; overdue: number; total: number }>`
    select m.root_id,
           count(*) filter (where a.status = 'done_on_time')::int as on_time,
           count(*) filter (where a.status = 'done_late')::int as late,
           count(*) filter (where a.status = 'overdue')::int as overdue,
           count(*)::int as total
    from ${unitsUnderEach(c.roots.map((r) => r.id))} m
    join assignment a on a.unit_id = m.unit_id
    group by m.root_id`.execute(db);
  return new Map(rows.rows.map((r) => [r.root_id, r]));
}

async function assignmentsWithStatus(db: Executor, unitId: string, statuses: string[], limit: number) {
  const rows = await sql<{
    id: string;
    code: string;
    title: string;
    unit: string;
    deadline: string | null;
    status: string;
  }>`
    select a.id, t.code, t.title, u.name as unit, a.effective_deadline::text as deadline, a.status
    from ${unitsUnderEach([unitId])} m
    join assignment a on a.unit_id = m.unit_id
    join task t on t.id = a.task_id
    join org_unit u on u.id = a.unit_id
    where a.status = any(${sql.val(statuses)}::text[])
    order by a.effective_deadline nulls last, t.code
    limit ${limit}`.execute(db);
  return rows.rows;
}

export const tasksOnTime: ScoreComponentSource = {
  key: 'tasks_on_time',
  name: { vi: 'Hoàn thành đúng hạn', en: 'Completed on time' },
  basis: {
    vi: 'Tỷ lệ nhiệm vụ hoàn thành đúng hạn trên số nhiệm vụ đã hoàn thành hoặc đã quá hạn',
    en: 'Assignments completed on time, of those completed or past their deadline',
  },
  async compute(db, c) {
    const counts = await statusCounts(db, c);
    return new Map(
      c.roots.map((r) => {
        const x = counts.get(r.id);
        return [r.id, x ? pct(x.on_time, x.on_time + x.late + x.overdue) : null];
      }),
    );
  },
  async records(db, _c, unitId, lang, limit) {
    const rows = await assignmentsWithStatus(db, unitId, ['done_late', 'overdue'], limit);
    const label = {
      done_late: { vi: 'hoàn thành quá hạn', en: 'completed late' },
      overdue: { vi: 'quá hạn', en: 'overdue' },
    };
    return rows.map((r) => ({
      kind: 'assignment',
      ref: r.id,
      label: `${r.code} — ${r.title}`,
      detail: `${r.unit}: ${label[r.status as 'overdue'][lang]}${r.deadline ? ` (${r.deadline})` : ''}`,
    }));
  },
};

export const tasksNotOverdue: ScoreComponentSource = {
  key: 'tasks_not_overdue',
  name: { vi: 'Không quá hạn', en: 'Not overdue' },
  basis: {
    vi: 'Tỷ lệ nhiệm vụ được giao không ở trạng thái quá hạn',
    en: 'Share of assignments that are not overdue',
  },
  async compute(db, c) {
    const counts = await statusCounts(db, c);
    return new Map(
      c.roots.map((r) => {
        const x = counts.get(r.id);
        return [r.id, x ? pct(x.total - x.overdue, x.total) : null];
      }),
    );
  },
  async records(db, _c, unitId, _lang, limit) {
    const rows = await assignmentsWithStatus(db, unitId, ['overdue'], limit);
    return rows.map((r) => ({
      kind: 'assignment',
      ref: r.id,
      label: `${r.code} — ${r.title}`,
      detail: `${r.unit}${r.deadline ? ` (${r.deadline})` : ''}`,
    }));
  },
};

const FREQUENCY: Record<string, ReportingFrequency> = {
  monthly: 'monthly',
  quarterly: 'quarterly',
  six_monthly: 'semiannual',
  yearly: 'annual',
};

/** Progress reports expected for the period (the reports module's completeness rule), received, on time. */
async function reportFacts(db: Executor, c: ComponentContext, rootIds: string[]) {
  const key = periodOf(c.period.start, FREQUENCY[c.period.type]!);
  const rows = await sql<{
    root_id: string;
    start_date: string;
    completed_on: string | null;
    programme_start: string;
    programme_end: string;
    report_status: string | null;
    submitted_on: string | null;
    due_days: number;
    n: number;
  }>`
    select m.root_id, t.start_date::text, a.completed_on::text, p.period_start::text as programme_start,
           p.period_end::text as programme_end, r.status as report_status,
           (((r.submitted_at at time zone 'UTC') + interval '7 hours')::date)::text as submitted_on,
           p.report_due_days as due_days, count(*)::int as n
    from ${unitsUnderEach(rootIds)} m
    join assignment a on a.unit_id = m.unit_id
    join task t on t.id = a.task_id
    join programme p on p.id = t.programme_id
    left join progress_report r on r.assignment_id = a.id and r.period = ${key}
    where coalesce(t.reporting_frequency, p.reporting_frequency) = ${FREQUENCY[c.period.type]!}
    group by 1, 2, 3, 4, 5, 6, 7, 8`.execute(db);
  const out = new Map<string, { expected: number; received: number; onTime: number }>();
  for (const r of rows.rows) {
    const f = {
      startDate: r.start_date,
      completedOn: r.completed_on,
      programmeStart: r.programme_start,
      programmeEnd: r.programme_end,
    };
    if (!isExpected(f, c.period)) continue;
    const t = out.get(r.root_id) ?? { expected: 0, received: 0, onTime: 0 };
    t.expected += r.n;
    if (isReceived(r.report_status)) {
      t.received += r.n;
      if (r.submitted_on && r.submitted_on <= dueOn(key, r.due_days)) t.onTime += r.n;
    }
    out.set(r.root_id, t);
  }
  return { key, out };
}

/** Half completeness, half timeliness (DHIS2's two reporting rates). */
export const reportingRate = (t: { expected: number; received: number; onTime: number } | undefined) =>
  t && t.expected > 0 ? (50 * (t.received + t.onTime)) / t.expected : null;

export const reportingTasks: ScoreComponentSource = {
  key: 'reporting_tasks',
  name: { vi: 'Báo cáo tiến độ nhiệm vụ', en: 'Task progress reporting' },
  basis: {
    vi: 'Báo cáo tiến độ của kỳ: một nửa theo tỷ lệ đã nộp, một nửa theo tỷ lệ nộp đúng hạn',
    en: "The period's progress reports: half the share received, half the share received on time",
  },
  async compute(db, c) {
    const { out } = await reportFacts(
      db,
      c,
      c.roots.map((r) => r.id),
    );
    return new Map(c.roots.map((r) => [r.id, reportingRate(out.get(r.id))]));
  },
  async records(db, c, unitId, lang) {
    const { key, out } = await reportFacts(db, c, [unitId]);
    const t = out.get(unitId);
    if (!t) return [];
    const label = lang === 'vi' ? `Kỳ ${key}` : `Period ${key}`;
    const detail =
      lang === 'vi'
        ? `phải nộp ${t.expected}, đã nộp ${t.received}, đúng hạn ${t.onTime}`
        : `expected ${t.expected}, received ${t.received}, on time ${t.onTime}`;
    return [{ kind: 'reporting', ref: key, label, detail }];
  },
};
