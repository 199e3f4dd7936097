import type { HomeTodo, HomeView, Role } from '@pilotage/contracts';
import type { Db } from '../../db/database.ts';
import type { RequestContext } from '../../http/context.ts';
import { notFound } from '../../http/errors.ts';
import { daysBetween, dueOn, todayVn } from '../tasks/index.ts';
import { homeRepository, type UnitCols } from './home.repository.ts';
import { duePeriod, latePeriod, periodWindows } from './periods.ts';

/** Items shown per block; the counts are always the whole. */
const SHOWN = 8;

/** Who gets which block (mirrors who may act: reports.policy writers, reviewers, approvers). */
const WRITERS: readonly Role[] = ['officer', 'unit_lead'];
const REVIEWERS: readonly Role[] = ['reviewer', 'steering', 'admin'];
const STEERING: readonly Role[] = ['steering', 'admin'];
const has = (roles: readonly Role[], any: readonly Role[]) => roles.some((r) => any.includes(r));

const unitOf = (r: UnitCols) => ({
  id: r.unit_id,
  code: r.unit_code,
  name: r.unit_name,
  kind: r.unit_kind,
  nameEn: r.unit_name_en,
});
const num = (v: string | number | null | undefined) => Number(v ?? 0);

/**
 * The home page by role (issue 8): each block is counted in SQL from stored status, for the caller's unit
 * (its own work, its queue) or, for steering staff, through the caller's Scope. Read-only; no transaction
 * (each block is one consistent statement).
 */
export class HomeService {
  constructor(private readonly db: Db) {}

  async get(ctx: RequestContext): Promise<HomeView> {
    const { actor } = ctx;
    const today = todayVn();
    const unit = await homeRepository.unit(this.db, actor.unitId);
    if (!unit) throw notFound('not_found');
    const programmes = await homeRepository.programmes(this.db);
    return {
      today,
      unit,
      todo: has(actor.roles, WRITERS) ? await this.todo(actor.unitId, today, programmes) : null,
      review: has(actor.roles, REVIEWERS) ? await this.queue(actor.unitId, 'review') : null,
      approval: actor.roles.includes('unit_lead') ? await this.queue(actor.unitId, 'approval') : null,
      commitments: actor.roles.includes('unit_lead') ? await this.commitments(actor.unitId, today) : null,
      steering: has(actor.roles, STEERING) ? await this.steering(ctx, today, programmes) : null,
    };
  }

  private async todo(
    unitId: string,
    today: string,
    programmes: { id: string; report_due_days: number }[],
  ): Promise<NonNullable<HomeView['todo']>> {
    const overdue = await homeRepository.overdueOf(this.db, unitId, today, SHOWN);
    const windows = periodWindows(programmes, (f) => duePeriod(today, f));
    const due = windows ? await homeRepository.reportsDue(this.db, unitId, windows, SHOWN) : [];
    const returned = await homeRepository.returned(this.db, unitId, SHOWN);
    const items: HomeTodo[] = [
      ...returned.map((r) => ({
        kind: 'returned' as const,
        assignmentId: r.id,
        taskCode: r.code,
        taskTitle: r.title,
        period: r.period,
        dueOn: null,
        daysLate: 0,
        reportId: r.report_id,
      })),
      ...due.map((r) => ({
        kind: 'report_due' as const,
        assignmentId: r.id,
        taskCode: r.code,
        taskTitle: r.title,
        period: r.period,
        dueOn: r.due_on,
        daysLate: Math.max(0, daysBetween(r.due_on, today)),
        reportId: r.draft_id,
      })),
      ...overdue.map((r) => {
        // continuous work: overdue since the due date of the period judged (its report is missing)
        const since = r.deadline ?? (r.period ? dueOn(r.period, r.report_due_days) : null);
        return {
          kind: 'overdue' as const,
          assignmentId: r.id,
          taskCode: r.code,
          taskTitle: r.title,
          period: r.period,
          dueOn: since,
          daysLate: since ? Math.max(0, daysBetween(since, today)) : 0,
          reportId: null,
        };
      }),
    ];
    return {
      overdue: num(overdue[0]?.total),
      reportsDue: num(due[0]?.total),
      returned: num(returned[0]?.total),
      items,
    };
  }

  private async queue(unitId: string, awaiting: 'review' | 'approval') {
    const row = await homeRepository.queue(this.db, unitId, awaiting);
    return {
      count: num(row.count),
      oldestSince: row.oldest_at ? new Date(row.oldest_at).toISOString() : null,
      oldestReportId: row.oldest_id,
    };
  }

  private async commitments(unitId: string, today: string): Promise<NonNullable<HomeView['commitments']>> {
    const open = await homeRepository.openCommitments(this.db, unitId, SHOWN);
    const [broken] = await homeRepository.brokenCommitments(this.db, unitId, today);
    return {
      open: num(open[0]?.total),
      broken: num(broken?.n),
      items: open.map((c) => ({
        id: c.id,
        outcome: c.outcome,
        dueOn: c.due_on,
        openAssignments: num(c.open_items),
      })),
    };
  }

  private async steering(
    ctx: RequestContext,
    today: string,
    programmes: { id: string; report_due_days: number }[],
  ): Promise<NonNullable<HomeView['steering']>> {
    const scope = ctx.actor.scope;
    const byUnit = await homeRepository.overdueByUnit(this.db, scope, today, SHOWN);
    const escalations = await homeRepository.escalations(this.db, scope, today, SHOWN);
    const windows = periodWindows(programmes, (f, days) => latePeriod(today, f, days));
    const missing = windows ? await homeRepository.missingReports(this.db, scope, windows, SHOWN) : [];
    return {
      overdue: num(byUnit[0]?.total),
      byUnit: byUnit.map((r) => ({
        unit: unitOf(r),
        overdue: num(r.overdue),
        maxDaysOverdue: num(r.max_days),
        leaders: r.leaders ?? [],
      })),
      escalations: {
        count: num(escalations[0]?.total),
        items: escalations.map((r) => ({
          assignmentId: r.id,
          taskCode: r.code,
          taskTitle: r.title,
          unit: unitOf(r),
          leader: r.leader,
          daysOverdue: num(r.days),
        })),
      },
      missing: {
        units: num(missing[0]?.units),
        assignments: num(missing[0]?.assignments),
        items: missing.map((r) => ({
          unit: unitOf(r),
          missing: num(r.missing),
          period: r.period,
          dueOn: r.due_on,
        })),
      },
    };
  }
}
