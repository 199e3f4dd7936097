/**
 * Listing assignments (GET /api/assignments): as of today, status and due filters, order and paging run in
 * SQL on the stored status (ADR 0010); as of another date the engine runs on the facts (reduced in SQL),
 * and the filters apply to its results. "Due within N days" = an unfinished deadline or a report not yet
 * received falling due in the window (reporting-state.ts, issue 8 bug 6).
 */
import { ReportingFrequency, type Assignment, type AssignmentListQuery } from '@pilotage/contracts';
import type { Db } from '../../db/database.ts';
import type { Executor } from '../../db/transaction.ts';
import type { RequestContext } from '../../http/context.ts';
import { assignmentStatuses, storedResult } from './assignment-facts.repository.ts';
import { reportingOf } from './assignment-reporting.repository.ts';
import {
  assignmentsRepository,
  type AssignmentFilter,
  type AssignmentViewRow,
  type ReportDueWindow,
} from './assignments.repository.ts';
import { addDays, periodBounds, todayVn } from './reporting-period.ts';
import { periodsDueBetween } from './reporting-state.ts';
import { isDone, type StatusResult } from './status-engine.ts';
import { catchUp } from './stored-status.ts';
import { toAssignment } from './tasks.mappers.ts';

/** The periods whose report falls due in [from, to], for every frequency and due-day setting in use. */
async function reportsDue(db: Executor, from: string, to: string): Promise<ReportDueWindow[]> {
  const out: ReportDueWindow[] = [];
  for (const dueDays of await assignmentsRepository.reportDueDays(db))
    for (const frequency of ReportingFrequency.options)
      for (const period of periodsDueBetween(frequency, dueDays, from, to))
        out.push({
          frequency,
          dueDays,
          period,
          periodStart: periodBounds(period).start,
          periodEnd: periodBounds(period).end,
        });
  return out;
}

/**
 * Visible assignments with their status as of a date. `mine=true`: the caller's own unit's. As of today,
 * status and due filters, order and paging run in SQL on the stored status (ADR 0010); as of another date
 * the engine runs on the facts (reduced in SQL), and status filters apply to its results.
 */
export async function listAssignments(db: Db, ctx: RequestContext, query: AssignmentListQuery) {
  const today = todayVn();
  const asOf = query.asOf ?? today;
  const filter: AssignmentFilter = {
    scope: ctx.actor.scope,
    unitId: query.mine === 'true' ? ctx.actor.unitId : query.unitId,
    taskId: query.taskId,
    programmeId: query.programmeId,
    parentAssignmentId: query.parentAssignmentId,
    rootsOnly: query.rootsOnly === 'true',
    q: query.q,
  };
  const page = { limit: query.limit, offset: query.offset };
  const until = query.dueWithinDays !== undefined ? addDays(asOf, query.dueWithinDays) : null;
  if (asOf === today) {
    await catchUp(db, today);
    const f: AssignmentFilter = {
      ...filter,
      status: query.status,
      dueBetween: until
        ? { from: asOf, to: until, reportsDue: await reportsDue(db, asOf, until) }
        : undefined,
    };
    const [rows, total] = [
      await assignmentsRepository.list(db, f, page),
      await assignmentsRepository.count(db, f),
    ];
    const stored = new Map(rows.map((r) => [r.id, storedResult(r)]));
    return { items: await assignmentViews(db, rows, stored, asOf, ctx.actor.unitId), total };
  }
  if (query.status === undefined && until === null) {
    const rows = await assignmentsRepository.list(db, filter, page);
    return {
      items: await presentRows(db, rows, asOf, ctx.actor.unitId),
      total: await assignmentsRepository.count(db, filter),
    };
  }
  // a past date with status filters: the engine on every matching id, then the views of one page only
  const ids = await assignmentsRepository.listIds(db, filter);
  const statuses = await assignmentStatuses(db, ids, asOf);
  const byStatus = ids.filter((id) => !query.status || statuses.get(id)!.status === query.status);
  // due soon: the deadline by the engine's result, the reports in SQL (received by the end of asOf's day)
  const reportsDueSoon =
    until === null
      ? null
      : await assignmentsRepository.reportDueIds(
          db,
          byStatus,
          { from: asOf, to: until, reportsDue: await reportsDue(db, asOf, until) },
          new Date(`${addDays(asOf, 1)}T00:00:00+07:00`),
        );
  const kept = byStatus.filter((id) => {
    if (reportsDueSoon === null) return true;
    const s = statuses.get(id)!;
    const d = s.effectiveDeadline;
    return (d !== null && d >= asOf && d <= until! && !isDone(s.status)) || reportsDueSoon.has(id);
  });
  const pageIds = kept.slice(page.offset, page.offset + page.limit);
  const rows = await assignmentsRepository.list(db, { scope: filter.scope, ids: pageIds });
  return { items: await assignmentViews(db, rows, statuses, asOf, ctx.actor.unitId), total: kept.length };
}

async function presentRows(db: Executor, rows: AssignmentViewRow[], asOf: string, viewerUnitId: string) {
  const ids = rows.map((r) => r.id);
  return assignmentViews(db, rows, await assignmentStatuses(db, ids, asOf), asOf, viewerUnitId);
}

/** API shapes: each row with its status and its reporting summary as of the date, for this viewer. */
export async function assignmentViews(
  db: Executor,
  rows: AssignmentViewRow[],
  statuses: Map<string, StatusResult>,
  asOf: string,
  /** The caller's unit: its own assignments show its internal reports in their to-do. */
  viewerUnitId: string,
): Promise<Assignment[]> {
  const reporting = await reportingOf(
    db,
    rows.map((r) => r.id),
    asOf,
    viewerUnitId,
  );
  return rows.map((r) => {
    // a completion after the date is not known yet as of it (nor the product it delivered)
    const known =
      r.completed_on !== null && r.completed_on > asOf ? { ...r, completed_on: null, product: null } : r;
    return toAssignment(known, statuses.get(r.id)!, reporting.get(r.id));
  });
}
