import { z } from 'zod';
import { DerivedDate, IdParams, IsoDate, IsoDateTime, Uuid } from './common.ts';
import { defineRoutes } from './route.ts';
import { AsOfQuery, UnitStatusRow } from './tasks/programmes.ts';
import { UnitRef } from './tasks/tasks.ts';

/**
 * Pages that tell each person what to do (issue 8): the home page's blocks by role, and the programme
 * overview's overdue list, completion trend and the units below the caller's unit.
 */

/** A unit named on these pages, with its English name when it has one (communes do not). */
export const HomeUnit = UnitRef.extend({ nameEn: z.string().nullable() });

/** One thing the caller's unit has to do, one tap from the report form. */
export const HomeTodo = z.object({
  kind: z.enum(['overdue', 'report_due', 'returned']),
  assignmentId: Uuid,
  taskCode: z.string(),
  taskTitle: z.string(),
  /** Reporting period (`2026-11`): of the report, or the period judged for overdue continuous work. */
  period: z.string().nullable(),
  /**
   * Overdue: the deadline in force, or for continuous work the due date of the period judged; report_due:
   * the report's due date; returned: null.
   */
  dueOn: DerivedDate.nullable(),
  /** Days past dueOn (0 when not yet due). */
  daysLate: z.number().int(),
  /** The report to open (a returned report or a draft already started). */
  reportId: Uuid.nullable(),
});
export type HomeTodo = z.infer<typeof HomeTodo>;

export const HomeQueue = z.object({
  count: z.number().int(),
  /** When the report waiting longest was sent. */
  oldestSince: IsoDateTime.nullable(),
  oldestReportId: Uuid.nullable(),
});

export const HomeOverdueUnit = z.object({
  unit: HomeUnit,
  overdue: z.number().int(),
  maxDaysOverdue: z.number().int(),
  /** Responsible leaders named on the unit's overdue assignments (at most 3). */
  leaders: z.array(z.string()),
});

export const HomeEscalation = z.object({
  assignmentId: Uuid,
  taskCode: z.string(),
  taskTitle: z.string(),
  unit: HomeUnit,
  leader: z.string().nullable(),
  daysOverdue: z.number().int(),
});

export const HomeView = z.object({
  today: IsoDate,
  unit: HomeUnit,
  /** Officers and leads: the unit's own work (overdue, reports due, returned reports). */
  todo: z
    .object({
      overdue: z.number().int(),
      reportsDue: z.number().int(),
      returned: z.number().int(),
      items: z.array(HomeTodo),
    })
    .nullable(),
  /** Reviewers, steering staff, admins: reports their unit must review. */
  review: HomeQueue.nullable(),
  /** Unit leads: reports waiting for their approval. */
  approval: HomeQueue.nullable(),
  /** Unit leads: the unit's commitments still open. */
  commitments: z
    .object({
      open: z.number().int(),
      broken: z.number().int(),
      items: z.array(
        z.object({ id: Uuid, outcome: z.string(), dueOn: IsoDate, openAssignments: z.number().int() }),
      ),
    })
    .nullable(),
  /** Steering staff and admins: overdue work by unit, escalations, units that did not report. */
  steering: z
    .object({
      overdue: z.number().int(),
      byUnit: z.array(HomeOverdueUnit),
      escalations: z.object({ count: z.number().int(), items: z.array(HomeEscalation) }),
      missing: z.object({
        units: z.number().int(),
        assignments: z.number().int(),
        items: z.array(
          z.object({ unit: HomeUnit, missing: z.number().int(), period: z.string(), dueOn: DerivedDate }),
        ),
      }),
    })
    .nullable(),
});
export type HomeView = z.infer<typeof HomeView>;

export const OverdueCarrier = z.object({
  assignmentId: Uuid,
  taskId: Uuid,
  taskCode: z.string(),
  taskTitle: z.string(),
  unit: HomeUnit,
  leader: z.string().nullable(),
  deadline: IsoDate.nullable(),
  daysOverdue: z.number().int(),
});
export type OverdueCarrier = z.infer<typeof OverdueCarrier>;

export const ProgrammeDashboard = z.object({
  programmeId: Uuid,
  asOf: IsoDate,
  /** Overdue assignments carrying task statuses, most days overdue first (at most 20), and their number. */
  overdue: z.object({ total: z.number().int(), items: z.array(OverdueCarrier) }),
  /** Tasks completed by each month's end (the last point is asOf). */
  trend: z.array(z.object({ date: IsoDate, completed: z.number().int(), total: z.number().int() })),
  /** The units directly below the caller's unit (a province: its communes), with their statuses. */
  subUnits: z.array(UnitStatusRow),
});
export type ProgrammeDashboard = z.infer<typeof ProgrammeDashboard>;

export const homeRoutes = defineRoutes({
  get: {
    method: 'GET',
    path: '/api/home',
    summary: "The caller's home page: what to do now, by role (counted from stored status)",
    tags: ['tasks'],
    response: HomeView,
  },
});

export const dashboardRoutes = defineRoutes({
  programme: {
    method: 'GET',
    path: '/api/programmes/:id/dashboard',
    summary: 'Overdue list, completion trend and sub-units of a programme as of a date',
    tags: ['tasks'],
    params: IdParams,
    query: AsOfQuery,
    response: ProgrammeDashboard,
  },
});
