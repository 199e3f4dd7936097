import {
  reportRoutes,
  type ProgressReport,
  type RouteContract,
  type RouteInput,
  type RouteOutput,
} from '@pilotage/contracts';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { call, callWith, type CallOptions } from '../../api/client.ts';

export const reportKeys = {
  forAssignment: (id: string, asOf?: string) => ['reports', 'assignment', id, asOf ?? null] as const,
  report: (id: string) => ['reports', 'one', id] as const,
  queue: (q: object) => ['reports', 'queue', q] as const,
  timeline: (id: string) => ['reports', 'timeline', id] as const,
};

export function useAssignmentReports(assignmentId: string | undefined, asOf?: string) {
  return useQuery({
    queryKey: reportKeys.forAssignment(assignmentId ?? '', asOf),
    queryFn: () =>
      call(reportRoutes.listForAssignment, {
        params: { id: assignmentId! },
        query: asOf ? { asOf } : {},
      }),
    enabled: !!assignmentId,
    staleTime: 15_000,
  });
}

export function useReport(id: string | undefined, enabled = true) {
  return useQuery({
    queryKey: reportKeys.report(id ?? ''),
    queryFn: () => call(reportRoutes.get, { params: { id: id! } }),
    enabled: !!id && enabled,
    staleTime: 15_000,
  });
}

export function useReviewQueue(query: {
  awaiting?: 'approval' | 'review';
  q?: string;
  order?: 'oldest' | 'newest';
  limit: number;
  offset: number;
}) {
  return useQuery({
    queryKey: reportKeys.queue(query),
    queryFn: () => call(reportRoutes.reviewQueue, { query }),
    staleTime: 10_000,
    placeholderData: keepPreviousData,
  });
}

export function useTimeline(assignmentId: string | undefined) {
  return useQuery({
    queryKey: reportKeys.timeline(assignmentId ?? ''),
    queryFn: () => call(reportRoutes.timeline, { params: { id: assignmentId! } }),
    enabled: !!assignmentId,
    staleTime: 15_000,
  });
}

/** Writes with an idempotency key or a multipart body (the client holds the CSRF token and language). */
export function useSend() {
  return useCallback(
    <R extends RouteContract>(
      route: R,
      input: RouteInput<R>,
      opts: CallOptions = {},
    ): Promise<RouteOutput<R>> => callWith(route, input, opts),
    [],
  );
}

/** After a report changes: its own cache, its assignment's lists and statuses, the queue, the overview. */
export function useReportChanged() {
  const queryClient = useQueryClient();
  return useCallback(
    (report: ProgressReport) => {
      queryClient.setQueryData(reportKeys.report(report.id), report);
      void queryClient.invalidateQueries({ queryKey: ['reports'] });
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
      void queryClient.invalidateQueries({ queryKey: ['notifications'] });
    },
    [queryClient],
  );
}
