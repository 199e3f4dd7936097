import type { OverdueCarrier, ProgrammeDashboard, StatusCounts } from '@pilotage/contracts';
import type { Db } from '../../db/database.ts';
import type { RequestContext } from '../../http/context.ts';
import { notFound } from '../../http/errors.ts';
import {
  addDays,
  assignmentStatuses,
  carrierStatuses,
  type CarrierStatus,
  daysBetween,
  dueOn,
  isDone,
  loadFacts,
  periodBounds,
  periodOf,
  rollUp,
  type StatusResult,
  statusesFromFacts,
  tasksRepository,
  todayVn,
} from '../tasks/index.ts';
import { dashboardRepository } from './dashboard.repository.ts';

/** Rows of the overdue list. */
const OVERDUE_SHOWN = 20;

const emptyCounts = (): StatusCounts => ({
  done_on_time: 0,
  done_late: 0,
  in_progress: 0,
  overdue: 0,
  not_started: 0,
});

/**
 * The day work became overdue: its deadline in force, or for continuous work the due date of the period
 * judged (its report is missing). '' when neither is known.
 */
export function overdueSince(r: StatusResult, reportDueDays: number): string {
  return r.effectiveDeadline ?? (r.judgedPeriod ? dueOn(r.judgedPeriod, reportDueDays) : '');
}

/** Month ends from the month of `start` up to (not including) `asOf`'s month, then `asOf` itself. */
export function trendDates(start: string, asOf: string): string[] {
  const out: string[] = [];
  let month = periodOf(start, 'monthly');
  for (let i = 0; i < 240; i++) {
    const end = periodBounds(month).end;
    if (end >= asOf) break;
    out.push(end);
    month = periodOf(addDays(end, 1), 'monthly');
  }
  return [...out, asOf];
}

/**
 * The programme overview's lists and charts (issue 8), as of a date, with the same visibility and status
 * rule as the summary (the carriers of the tasks the caller sees).
 */
export class DashboardService {
  constructor(private readonly db: Db) {}

  async programme(
    ctx: RequestContext,
    id: string,
    asOfParam: string | undefined,
  ): Promise<ProgrammeDashboard> {
    const asOf = asOfParam ?? todayVn();
    const programme = await tasksRepository.findProgramme(this.db, id);
    if (!programme) throw notFound('programme_not_found');
    const scope = ctx.actor.scope;
    const tasks = await tasksRepository.listTasks(this.db, { scope, programmeId: id });
    const carriers = await carrierStatuses(this.db, scope, tasks, asOf);

    const late = carriers
      .filter((c) => c.result.status === 'overdue')
      .map((c) => ({ c, since: overdueSince(c.result, programme.report_due_days) }))
      .sort((a, b) => a.since.localeCompare(b.since) || a.c.id.localeCompare(b.c.id))
      .map((x) => x.c);
    const shown = late.slice(0, OVERDUE_SHOWN);
    const details = new Map(
      (
        await dashboardRepository.details(
          this.db,
          shown.map((c) => c.id),
        )
      ).map((d) => [d.id, d]),
    );
    const overdue: OverdueCarrier[] = shown.flatMap((c) => {
      const d = details.get(c.id);
      if (!d) return [];
      const deadline = c.result.effectiveDeadline;
      const since = overdueSince(c.result, programme.report_due_days);
      return [
        {
          assignmentId: c.id,
          taskId: d.task_id,
          taskCode: d.task_code,
          taskTitle: d.task_title,
          unit: {
            id: d.unit_id,
            code: d.unit_code,
            name: d.unit_name,
            kind: d.unit_kind,
            nameEn: d.unit_name_en,
          },
          leader: d.responsible_leader,
          deadline,
          daysOverdue: since ? Math.max(0, daysBetween(since, asOf)) : 0,
        },
      ];
    });

    const trend = await this.trend(programme.period_start, asOf, tasks.length, carriers);

    return {
      programmeId: id,
      asOf,
      overdue: { total: late.length, items: overdue },
      trend,
      subUnits: scope.kind === 'subtree' ? await this.subUnits(id, ctx.actor.unitId, asOf) : [],
    };
  }

  /**
   * Tasks completed at each month's end: the status engine over the carriers' facts (all their counted
   * reports, loaded once), rolled up per task as the summary does — so the last point equals its figure.
   */
  private async trend(start: string, asOf: string, total: number, carriers: CarrierStatus[]) {
    const facts = await loadFacts(
      this.db,
      carriers.map((c) => c.id),
    );
    return trendDates(start, asOf).map((date) => {
      const statuses = statusesFromFacts(facts, date);
      const byTask = new Map<string, StatusResult[]>();
      for (const c of carriers) {
        const s = statuses.get(c.id);
        if (s) byTask.set(c.task_id, [...(byTask.get(c.task_id) ?? []), s]);
      }
      let completed = 0;
      for (const results of byTask.values()) if (isDone(rollUp(results).status)) completed += 1;
      return { date, total, completed };
    });
  }

  /** Status counts of the units directly below the caller's unit (a province sees its communes). */
  private async subUnits(programmeId: string, unitId: string, asOf: string) {
    const rows = await dashboardRepository.childAssignments(this.db, programmeId, unitId);
    const statuses = await assignmentStatuses(
      this.db,
      rows.map((r) => r.id),
      asOf,
    );
    const units = new Map<string, ProgrammeDashboard['subUnits'][number]>();
    for (const r of rows) {
      const s = statuses.get(r.id);
      if (!s) continue;
      const u = units.get(r.unit_id) ?? {
        unitId: r.unit_id,
        unitName: r.unit_name,
        unitKind: r.unit_kind,
        total: 0,
        byStatus: emptyCounts(),
        atRisk: 0,
      };
      u.total += 1;
      u.byStatus[s.status] += 1;
      if (s.atRisk) u.atRisk += 1;
      units.set(r.unit_id, u);
    }
    return [...units.values()];
  }
}
