import { z } from 'zod';
import { IdParams, IsoDate, Pagination, Uuid, listOf } from '../common.ts';
import { defineRoutes } from '../route.ts';
import { Priority, ReportingFrequency, TaskCategory, TaskStatus } from './enums.ts';

export const UnitRef = z.object({
  id: Uuid,
  code: z.string(),
  name: z.string(),
  /** English name (ministries and central bodies); the English UI shows it instead of `name`. */
  nameEn: z.string().nullable().optional(),
  kind: z.string(),
});
export type UnitRef = z.infer<typeof UnitRef>;

export const Task = z.object({
  id: Uuid,
  programmeId: Uuid,
  code: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  sourceClause: z.string().nullable(),
  category: TaskCategory,
  expectedProduct: z.string().nullable(),
  leadUnit: UnitRef,
  coordinatingUnits: z.array(UnitRef),
  startDate: IsoDate,
  deadline: IsoDate.nullable(),
  isContinuous: z.boolean(),
  reportingFrequency: ReportingFrequency.nullable(),
  priority: Priority,
  parentTaskId: Uuid.nullable(),
  /** Rolled up from the task's direct assignments, as of the requested date. */
  status: TaskStatus,
  atRisk: z.boolean(),
  progress: z.number().int(),
  assignmentCount: z.number().int(),
});
export type Task = z.infer<typeof Task>;

export const TaskListQuery = z.strictObject({
  programmeId: Uuid.optional(),
  status: TaskStatus.optional(),
  unitId: Uuid.optional(),
  category: TaskCategory.optional(),
  q: z.string().trim().max(100).optional(),
  asOf: IsoDate.optional(),
  deadlineFrom: IsoDate.optional(),
  deadlineTo: IsoDate.optional(),
  atRisk: z.enum(['true', 'false']).optional(),
  ...Pagination,
});
export type TaskListQuery = z.infer<typeof TaskListQuery>;

export const CreateTaskBody = z
  .strictObject({
    programmeId: Uuid,
    code: z.string().trim().min(1).max(40),
    title: z.string().trim().min(1).max(1000),
    description: z.string().trim().max(10_000).nullable().optional(),
    sourceClause: z.string().trim().max(200).nullable().optional(),
    category: TaskCategory,
    expectedProduct: z.string().trim().max(500).nullable().optional(),
    leadUnitId: Uuid,
    coordinatingUnitIds: z.array(Uuid).max(200).default([]),
    startDate: IsoDate,
    deadline: IsoDate.nullable().optional(),
    isContinuous: z.boolean().default(false),
    reportingFrequency: ReportingFrequency.nullable().optional(),
    priority: Priority.default('normal'),
    parentTaskId: Uuid.nullable().optional(),
  })
  .refine((t) => t.isContinuous || !!t.deadline, { path: ['deadline'], message: 'task_deadline_required' })
  .refine((t) => !t.deadline || t.deadline >= t.startDate, {
    path: ['deadline'],
    message: 'deadline_before_start',
  });

export const UpdateTaskBody = z.strictObject({
  title: z.string().trim().min(1).max(1000).optional(),
  description: z.string().trim().max(10_000).nullable().optional(),
  category: TaskCategory.optional(),
  expectedProduct: z.string().trim().max(500).nullable().optional(),
  priority: Priority.optional(),
  deadline: IsoDate.optional(),
});

export const taskRoutes = defineRoutes({
  list: {
    method: 'GET',
    path: '/api/tasks',
    summary:
      'Tasks with their status as of a date; filters by programme, status, unit, category, deadline, text',
    tags: ['tasks'],
    query: TaskListQuery,
    response: listOf(Task),
  },
  create: {
    method: 'POST',
    path: '/api/tasks',
    summary: 'Create a task',
    tags: ['tasks'],
    body: CreateTaskBody,
    response: Task,
    status: 201,
  },
  get: {
    method: 'GET',
    path: '/api/tasks/:id',
    summary: 'One task with its status as of a date',
    tags: ['tasks'],
    params: IdParams,
    query: z.strictObject({ asOf: IsoDate.optional() }),
    response: Task,
  },
  update: {
    method: 'PATCH',
    path: '/api/tasks/:id',
    summary: 'Change a task',
    tags: ['tasks'],
    params: IdParams,
    body: UpdateTaskBody,
    response: Task,
  },
});
