import { SYSTEM_SCOPE } from '../org/index.ts';
import type { z } from 'zod';
import type { OverdueRow, ReviewQuery, ReviewReport, ReviewTaskRow, TaskStatus } from '@pilotage/contracts';
import type { Db } from '../../db/database.ts';
import type { RequestContext } from '../../http/context.ts';
import { t } from '../../http/messages.ts';
import type { CompletenessService } from '../reports/index.ts';
import {
  assignmentsRepository,
  type AssignmentViewRow,
  type ProgrammesService,
  addDays,
  daysBetween,
  dueOn,
  todayVn,
  isDone,
  judgedPeriodOf,
} from '../tasks/index.ts';
import { loadProgrammeView, type ProgrammeView, type TaskView } from './programme-view.ts';
import { rankPhrases } from './review.phrases.ts';
import { taskIoRepository } from './task-io.repository.ts';

const NOT_DONE_ORDER: TaskStatus[] = ['overdue', 'in_progress', 'not_started'];

/** End of a calendar day in Vietnam (UTC+7): reports submitted before this instant count as of that day. */
const endOfDayVn = (date: string) => new Date(`${addDays(date, 1)}T00:00:00+07:00`);

/**
 * The review report of a programme as of a date ("what was done, what was not, why"). Totals and the
 * per-unit table ARE the programme summary of the tasks core; the rest is computed from the same task
 * statuses (status-engine via task-status), the same visibility rules, and the reports module's
 * completeness for the missing reports.
 */
export class ReviewService {
  constructor(
    private readonly db: Db,
    private readonly programmes: ProgrammesService,
    private readonly completeness: CompletenessService,
  ) {}

  async review(
    ctx: RequestContext,
    programmeId: string,
    query: z.infer<typeof ReviewQuery>,
  ): Promise<ReviewReport> {
    const asOf = query.asOf ?? todayVn();
    const summary = await this.programmes.summary(ctx, programmeId, asOf);
    const view = await loadProgrammeView(this.db, ctx, programmeId, asOf);
    const before = endOfDayVn(asOf);
    // the carriers' rows (unit, leader, completion); the tasks core already decided they carry a visible status
    const carrierRows = new Map(
      (
        await assignmentsRepository.list(this.db, {
          scope: SYSTEM_SCOPE,
          ids: view.carriers.map((c) => c.id),
        })
      ).map((r) => [r.id, r]),
    );
    // what the review shows of an assignment (reasons, leader, product) only for the ones the caller may open
    const visible = await taskIoRepository.visibleAssignmentIds(
      this.db,
      view.scope,
      view.carriers.map((c) => c.id),
    );
    const byTask = new Map<string, AssignmentViewRow[]>();
    for (const c of view.carriers) {
      const list = byTask.get(c.task_id) ?? [];
      const a = carrierRows.get(c.id)!;
      list.push(visible.has(c.id) ? a : { ...a, product: null });
      byTask.set(c.task_id, list);
    }
    const row = (x: TaskView) => taskRow(x, view.asOf, byTask.get(x.row.id) ?? []);
    const done = view.tasks.filter((x) => isDone(x.result.status));
    const notDone = view.tasks
      .filter((x) => !isDone(x.result.status))
      .sort(
        (a, b) =>
          NOT_DONE_ORDER.indexOf(a.result.status) - NOT_DONE_ORDER.indexOf(b.result.status) ||
          a.row.code.localeCompare(b.row.code),
      );

    const notDoneIds = new Set(notDone.map((x) => x.row.id));
    const reasonCarriers = view.carriers.filter((c) => notDoneIds.has(c.task_id) && visible.has(c.id));
    const reasons = await taskIoRepository.latestReasons(
      this.db,
      reasonCarriers.map((c) => c.id),
      before,
    );
    const reasonOf = new Map(reasons.map((r) => [r.assignment_id, r]));
    const taskOf = new Map(view.tasks.map((x) => [x.row.id, x.row]));
    const why = reasonCarriers
      .filter((c) => reasonOf.has(c.id))
      .map((c) => {
        const r = reasonOf.get(c.id)!;
        const a = carrierRows.get(c.id)!;
        const task = taskOf.get(c.task_id)!;
        return {
          taskCode: task.code,
          taskTitle: task.title,
          unit: unitRef(a),
          period: r.period,
          difficulties: r.difficulties,
          proposals: r.proposals,
        };
      })
      .sort((a, b) => a.taskCode.localeCompare(b.taskCode) || a.unit.code.localeCompare(b.unit.code));

    const texts = await taskIoRepository.difficulties(this.db, {
      programmeId,
      scope: view.scope,
      before,
    });
    const phrases = rankPhrases(
      texts.map((r) => ({ text: r.difficulties ?? '', unitId: r.unit_id })),
      query.topPhrases,
    );

    return {
      programme: { id: view.programme.id, code: view.programme.code, title: view.programme.title },
      asOf,
      totals: {
        total: summary.total,
        completed: summary.completed,
        byStatus: summary.byStatus,
        atRisk: summary.atRisk,
        headline: t(ctx.lang, 'review_headline', { completed: summary.completed, total: summary.total }),
      },
      byUnit: summary.byUnit,
      overdue: this.overdue(view, carrierRows, visible),
      missingReports: await this.missingReports(ctx, view),
      difficulties: { reportsRead: texts.length, phrases },
      sections: { done: done.map(row), notDone: notDone.map(row), why },
    };
  }

  /** Overdue assignments among those carrying task statuses: responsible unit and leader, days past due. */
  private overdue(
    view: ProgrammeView,
    rows: Map<string, AssignmentViewRow>,
    visible: ReadonlySet<string>,
  ): OverdueRow[] {
    const dueDays = view.programme.report_due_days;
    return view.carriers
      .filter((c) => c.result.status === 'overdue' && visible.has(c.id))
      .map((c) => {
        const a = rows.get(c.id)!;
        const due =
          c.result.effectiveDeadline ??
          (c.result.judgedPeriod ? dueOn(c.result.judgedPeriod, dueDays) : null);
        return {
          assignmentId: c.id,
          taskId: c.task_id,
          taskCode: a.task_code,
          taskTitle: a.task_title,
          unit: unitRef(a),
          responsibleLeader: a.responsible_leader,
          deadline: c.result.effectiveDeadline,
          daysOverdue: due ? Math.max(0, daysBetween(due, view.asOf)) : 0,
          progress: c.result.progress,
        };
      })
      .sort(
        (a, b) =>
          b.daysOverdue - a.daysOverdue ||
          a.taskCode.localeCompare(b.taskCode) ||
          a.unit.code.localeCompare(b.unit.code),
      );
  }

  /** Units that did not report (all expected reports) for the last period due on or before asOf. */
  private async missingReports(
    ctx: RequestContext,
    view: ProgrammeView,
  ): Promise<ReviewReport['missingReports']> {
    const p = view.programme;
    const freq = p.reporting_frequency;
    const period = judgedPeriodOf(p.period_start, freq, view.asOf, p.report_due_days);
    if (!period) return { period: null, dueOn: null, expectedUnits: 0, units: [] };
    const report = await this.completeness.report(ctx, { programmeId: p.id, period });
    const units = report.items
      .filter((i) => i.received < i.expected)
      .map((i) => ({ unit: i.unit, expected: i.expected, received: i.received }));
    return {
      period,
      dueOn: report.dueOn,
      expectedUnits: report.items.filter((i) => i.expected > 0).length,
      units,
    };
  }
}

const unitRef = (a: AssignmentViewRow) => ({
  id: a.unit_id,
  code: a.unit_code,
  name: a.unit_name,
  kind: a.unit_kind,
});

function taskRow(x: TaskView, asOf: string, carriers: AssignmentViewRow[]): ReviewTaskRow {
  const completed = carriers.map((a) => a.completed_on).filter((d): d is string => !!d && d <= asOf);
  return {
    taskId: x.row.id,
    code: x.row.code,
    title: x.row.title,
    category: x.row.category,
    leadUnit: { id: x.row.lead_unit_id, code: x.row.lead_code, name: x.row.lead_name, kind: x.row.lead_kind },
    deadline: x.row.deadline,
    isContinuous: x.row.is_continuous,
    status: x.result.status,
    progress: x.result.progress,
    completedOn: isDone(x.result.status) && completed.length ? completed.sort().at(-1)! : null,
    product: carriers.find((a) => a.product)?.product ?? null,
  };
}
