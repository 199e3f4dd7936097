import {
  assignmentRoutes,
  programmeRoutes,
  taskRoutes,
  type AssignmentListQuery,
  type TaskListQuery,
  type TaskStatus,
} from '@pilotage/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { call } from '../../api/client.ts';

/** Today in Vietnam's time zone, as 'YYYY-MM-DD' (the default "as of" date). */
export function todayIso(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
}

/** Whole days from today to `date` (negative when past). */
export function daysFromToday(date: string): number {
  const a = Date.parse(`${todayIso()}T00:00:00Z`);
  const b = Date.parse(`${date}T00:00:00Z`);
  return Math.round((b - a) / 86_400_000);
}

/** Statuses in the order reviews present them (done first, then open work). */
export const STATUS_ORDER: readonly TaskStatus[] = [
  'done_on_time',
  'done_late',
  'in_progress',
  'overdue',
  'not_started',
];

/** Task data moves as units report: kept a short while, refetched on focus. */
const TASK_STALE = 30_000;

export const taskKeys = {
  all: ['tasks'] as const,
  programmes: ['tasks', 'programmes'] as const,
  summary: (id: string, asOf: string) => ['tasks', 'summary', id, asOf] as const,
  list: (q: Partial<TaskListQuery>) => ['tasks', 'list', q] as const,
  task: (id: string, asOf: string | undefined) => ['tasks', 'task', id, asOf ?? null] as const,
  assignments: (q: Partial<AssignmentListQuery>) => ['tasks', 'assignments', q] as const,
  assignment: (id: string, asOf?: string) => ['tasks', 'assignment', id, asOf ?? null] as const,
  extensions: (id: string) => ['tasks', 'extensions', id] as const,
};

export function useProgrammes() {
  return useQuery({
    queryKey: taskKeys.programmes,
    queryFn: () => call(programmeRoutes.list, { query: { limit: 100 } }),
    staleTime: 5 * 60_000,
  });
}

export function useProgramme(id: string | undefined) {
  return useQuery({
    queryKey: ['tasks', 'programme', id],
    queryFn: () => call(programmeRoutes.get, { params: { id: id! } }),
    enabled: !!id,
    staleTime: 5 * 60_000,
  });
}

export function useSummary(id: string | undefined, asOf: string) {
  return useQuery({
    queryKey: taskKeys.summary(id ?? '', asOf),
    queryFn: () => call(programmeRoutes.summary, { params: { id: id! }, query: { asOf } }),
    enabled: !!id,
    staleTime: TASK_STALE,
    placeholderData: keepPreviousData,
  });
}

export function useTaskList(query: Partial<TaskListQuery>, enabled = true) {
  return useQuery({
    queryKey: taskKeys.list(query),
    queryFn: () => call(taskRoutes.list, { query }),
    enabled,
    staleTime: TASK_STALE,
    placeholderData: keepPreviousData,
  });
}

export function useTask(id: string | undefined, asOf?: string) {
  return useQuery({
    queryKey: taskKeys.task(id ?? '', asOf),
    queryFn: () => call(taskRoutes.get, { params: { id: id! }, query: asOf ? { asOf } : {} }),
    enabled: !!id,
    staleTime: TASK_STALE,
  });
}

export function useAssignments(query: Partial<AssignmentListQuery>, enabled = true) {
  return useQuery({
    queryKey: taskKeys.assignments(query),
    queryFn: () => call(assignmentRoutes.list, { query }),
    enabled,
    staleTime: TASK_STALE,
    placeholderData: keepPreviousData,
  });
}

export function useAssignment(id: string | undefined, asOf?: string) {
  return useQuery({
    queryKey: taskKeys.assignment(id ?? '', asOf),
    queryFn: () => call(assignmentRoutes.get, { params: { id: id! }, query: asOf ? { asOf } : {} }),
    enabled: !!id,
    staleTime: TASK_STALE,
  });
}

export function useExtensions(id: string | undefined) {
  return useQuery({
    queryKey: taskKeys.extensions(id ?? ''),
    queryFn: () => call(assignmentRoutes.listExtensions, { params: { id: id! } }),
    enabled: !!id,
    staleTime: TASK_STALE,
  });
}
