import { dashboardRoutes, homeRoutes } from '@pilotage/contracts';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client.ts';

/** The home page's blocks: what to do now (counted by the server for the caller's roles). */
export function useHome() {
  return useQuery({
    queryKey: ['home'],
    queryFn: () => call(homeRoutes.get),
    staleTime: 30_000,
  });
}

/** The programme overview's overdue list, completion trend and sub-units, as of a date. */
export function useProgrammeDashboard(id: string | undefined, asOf: string) {
  return useQuery({
    queryKey: ['tasks', 'dashboard', id, asOf],
    queryFn: () => call(dashboardRoutes.programme, { params: { id: id! }, query: { asOf } }),
    enabled: !!id,
    staleTime: 30_000,
  });
}

/** Whole days between two instants or dates, rounded down (for "waiting 3 days"). */
export function daysSince(iso: string, now = new Date()): number {
  return Math.max(0, Math.floor((now.getTime() - new Date(iso).getTime()) / 86_400_000));
}
