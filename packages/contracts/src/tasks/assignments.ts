import { z } from 'zod';
import { IdParams, IsoDate, IsoDateTime, Pagination, Uuid, listOf } from '../common.ts';
import { defineRoutes } from '../route.ts';
import { ExtensionStatus, TaskStatus } from './enums.ts';
import { PeriodKey } from './reports.schemas.ts';
import { UnitRef } from './tasks.ts';

/**
 * What the assigned unit has to do about its reports as of the date (tasks/reporting-state.ts): periods
 * whose report is missing (count, oldest), returned reports (count, oldest), the next report due, and the
 * latest report awaiting review — its progress is shown apart: only ACCEPTED reports set `progress`
 * (ADR 0013).
 */
export const AssignmentReporting = z.object({
  missingCount: z.number().int(),
  oldestMissing: z.object({ period: PeriodKey, dueOn: IsoDate }).nullable(),
  nextDue: z.object({ period: PeriodKey, dueOn: IsoDate }).nullable(),
  returnedCount: z.number().int(),
  oldestReturned: z.object({ reportId: Uuid, period: PeriodKey }).nullable(),
  awaitingReview: z
    .object({ reportId: Uuid, period: PeriodKey, progress: z.number().int(), submittedAt: IsoDateTime })
    .nullable(),
  /** Only for the assigned unit itself: its oldest report waiting for the unit lead's approval. */
  awaitingApproval: z.object({ reportId: Uuid, period: PeriodKey }).nullable(),
});
export type AssignmentReporting = z.infer<typeof AssignmentReporting>;

export const Assignment = z.object({
  id: Uuid,
  taskId: Uuid,
  taskCode: z.string(),
  taskTitle: z.string(),
  programmeId: Uuid,
  unit: UnitRef,
  assignedByUnit: UnitRef,
  parentAssignmentId: Uuid.nullable(),
  deadline: IsoDate.nullable(),
  originalDeadline: IsoDate.nullable(),
  isContinuous: z.boolean(),
  responsibleLeader: z.string().nullable(),
  progress: z.number().int(),
  completedOn: IsoDate.nullable(),
  product: z.string().nullable(),
  status: TaskStatus,
  atRisk: z.boolean(),
  /** Which deadline the status engine used as of the date. */
  deadlineUsed: z.enum(['original', 'extended', 'none']),
  effectiveDeadline: IsoDate.nullable(),
  /** Continuous work: the reporting period its status judges (its report missing → overdue). */
  judgedPeriod: PeriodKey.nullable(),
  childCount: z.number().int(),
  reporting: AssignmentReporting,
});
export type Assignment = z.infer<typeof Assignment>;

export const AssignBody = z
  .strictObject({
    unitIds: z.array(Uuid).max(5000).optional(),
    /** Assign to every current unit of this kind (e.g. every ministry, every province). */
    allOfKind: z.enum(['ministry', 'province']).optional(),
    deadline: IsoDate.nullable().optional(),
    responsibleLeader: z.string().trim().max(200).nullable().optional(),
  })
  .refine((b) => (b.unitIds && b.unitIds.length > 0) || b.allOfKind, {
    path: ['unitIds'],
    message: 'assignment_units_required',
  });

export const CascadeBody = z
  .strictObject({
    unitIds: z.array(Uuid).max(5000).optional(),
    /** Cascade to every direct child unit (a province to all its communes). */
    allChildren: z.boolean().optional(),
    deadline: IsoDate.nullable().optional(),
  })
  .refine((b) => (b.unitIds && b.unitIds.length > 0) || b.allChildren, {
    path: ['unitIds'],
    message: 'assignment_units_required',
  });

export const UpdateAssignmentBody = z.strictObject({
  responsibleLeader: z.string().trim().max(200).nullable().optional(),
});

export const Extension = z.object({
  id: Uuid,
  assignmentId: Uuid,
  previousDeadline: IsoDate,
  requestedDeadline: IsoDate,
  reason: z.string(),
  status: ExtensionStatus,
  requestedAt: IsoDateTime,
  decidedAt: IsoDateTime.nullable(),
  effectiveOn: IsoDate.nullable(),
  decisionNote: z.string().nullable(),
});
export type Extension = z.infer<typeof Extension>;

export const RequestExtensionBody = z.strictObject({
  requestedDeadline: IsoDate,
  reason: z.string().trim().min(1).max(2000),
});
export const DecideExtensionBody = z.strictObject({
  approve: z.boolean(),
  note: z.string().trim().max(2000).nullable().optional(),
});

export const AssignmentListQuery = z.strictObject({
  mine: z.enum(['true', 'false']).optional(),
  taskId: Uuid.optional(),
  programmeId: Uuid.optional(),
  unitId: Uuid.optional(),
  status: TaskStatus.optional(),
  asOf: IsoDate.optional(),
  /**
   * Due soon: unfinished assignments whose effective deadline, or a report not yet received, falls due
   * within this many days of asOf.
   */
  dueWithinDays: z.coerce.number().int().min(0).max(366).optional(),
  parentAssignmentId: Uuid.optional(),
  /** Only the top-most assignments the caller can see (cascaded ones are reached through their parent). */
  rootsOnly: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(100).optional(),
  ...Pagination,
});
export type AssignmentListQuery = z.infer<typeof AssignmentListQuery>;

export const assignmentRoutes = defineRoutes({
  list: {
    method: 'GET',
    path: '/api/assignments',
    summary: "Assignments; mine=true gives the caller's unit's own",
    tags: ['tasks'],
    query: AssignmentListQuery,
    response: listOf(Assignment),
  },
  get: {
    method: 'GET',
    path: '/api/assignments/:id',
    summary: 'One assignment with its status as of a date',
    tags: ['tasks'],
    params: IdParams,
    query: z.strictObject({ asOf: IsoDate.optional() }),
    response: Assignment,
  },
  assign: {
    method: 'POST',
    path: '/api/tasks/:id/assignments',
    summary: 'Assign a task to units (one assignment per unit)',
    tags: ['tasks'],
    params: IdParams,
    body: AssignBody,
    response: z.object({ created: z.number().int(), skipped: z.number().int() }),
    status: 201,
  },
  cascade: {
    method: 'POST',
    path: '/api/assignments/:id/cascade',
    summary: 'Cascade an assignment to units below (deadline no later than its own)',
    tags: ['tasks'],
    params: IdParams,
    body: CascadeBody,
    response: z.object({ created: z.number().int(), skipped: z.number().int() }),
    status: 201,
  },
  update: {
    method: 'PATCH',
    path: '/api/assignments/:id',
    summary: 'Set the responsible leader',
    tags: ['tasks'],
    params: IdParams,
    body: UpdateAssignmentBody,
    response: Assignment,
  },
  listExtensions: {
    method: 'GET',
    path: '/api/assignments/:id/extensions',
    summary: 'Deadline extension requests of an assignment',
    tags: ['tasks'],
    params: IdParams,
    response: listOf(Extension),
  },
  requestExtension: {
    method: 'POST',
    path: '/api/assignments/:id/extensions',
    summary: 'Request a deadline extension (assigned unit)',
    tags: ['tasks'],
    params: IdParams,
    body: RequestExtensionBody,
    response: Extension,
    status: 201,
  },
  decideExtension: {
    method: 'POST',
    path: '/api/extensions/:id/decision',
    summary: 'Approve or reject an extension (assigning unit); the original deadline stays on record',
    tags: ['tasks'],
    params: IdParams,
    body: DecideExtensionBody,
    response: Extension,
  },
});
