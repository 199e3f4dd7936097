import { kpiRoutes, scorecardRoutes, type RankingLevel } from '@pilotage/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client.ts';

/** KPI figures are live (the next request sees a new value): kept briefly, refetched on focus. */
const LIVE = 15_000;

export const kpiKeys = {
  all: ['kpi'] as const,
  indicators: ['kpi', 'indicators'] as const,
  values: (code: string, period: string, parent: string | undefined) =>
    ['kpi', 'values', code, period, parent] as const,
  trajectory: (code: string, unit: string | undefined) => ['kpi', 'trajectory', code, unit] as const,
  rankings: (level: RankingLevel, period: string, parent: string | undefined) =>
    ['kpi', 'rankings', level, period, parent] as const,
  detail: (code: string, period: string) => ['kpi', 'detail', code, period] as const,
  pins: ['kpi', 'pins'] as const,
};

/** Monthly DHIS2 period code of a date ('2025-12-31' → '202512'). */
export const monthOf = (date: string) => date.slice(0, 7).replace('-', '');

/** The last month of the demo and reporting year shown by default: the month before today, at most. */
export function defaultPeriod(today = new Date()): string {
  const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1));
  return monthOf(d.toISOString());
}

/** '202512' → '12/2025'. */
export const periodLabel = (p: string) => (/^\d{6}$/.test(p) ? `${p.slice(4)}/${p.slice(0, 4)}` : p);

/** The twelve months of a year, for the period picker. */
export const monthsOf = (year: number) =>
  Array.from({ length: 12 }, (_, i) => `${year}${String(i + 1).padStart(2, '0')}`);

export function useIndicators() {
  return useQuery({
    queryKey: kpiKeys.indicators,
    queryFn: () => call(kpiRoutes.listIndicators, { query: { limit: 200 } }),
    staleTime: 5 * 60_000,
  });
}

export function useIndicatorValues(code: string | undefined, period: string, parent?: string) {
  return useQuery({
    queryKey: kpiKeys.values(code ?? '', period, parent),
    queryFn: () =>
      call(kpiRoutes.indicatorValues, {
        params: { code: code! },
        query: { period, ...(parent ? { parent } : {}) },
      }),
    enabled: !!code,
    staleTime: LIVE,
    placeholderData: keepPreviousData,
  });
}

export function useProvinceValues(code: string | undefined, period: string) {
  return useQuery({
    queryKey: ['kpi', 'provinces', code, period],
    queryFn: () => call(scorecardRoutes.provinceValues, { params: { code: code! }, query: { period } }),
    enabled: !!code,
    staleTime: LIVE,
    placeholderData: keepPreviousData,
  });
}

export function useTrajectory(code: string | undefined, unit: string | undefined, from: string, to: string) {
  return useQuery({
    queryKey: [...kpiKeys.trajectory(code ?? '', unit), from, to],
    queryFn: () =>
      call(scorecardRoutes.trajectory, {
        params: { code: code! },
        query: { from, to, ...(unit ? { unit } : {}) },
      }),
    enabled: !!code,
    staleTime: LIVE,
  });
}

export function useRankings(level: RankingLevel, period: string, parent?: string) {
  return useQuery({
    queryKey: kpiKeys.rankings(level, period, parent),
    queryFn: () =>
      call(scorecardRoutes.rankings, { query: { level, period, ...(parent ? { parent } : {}) } }),
    staleTime: LIVE,
    placeholderData: keepPreviousData,
  });
}

export function useRankDetail(code: string, period: string) {
  return useQuery({
    queryKey: kpiKeys.detail(code, period),
    queryFn: () => call(scorecardRoutes.rankDetail, { params: { code }, query: { period } }),
    staleTime: LIVE,
  });
}

export function usePins() {
  return useQuery({
    queryKey: kpiKeys.pins,
    queryFn: () => call(scorecardRoutes.pins, {}),
    staleTime: 60_000,
  });
}

export function useTogglePin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ code, pinned }: { code: string; pinned: string[] }) => {
      const next = pinned.includes(code) ? pinned.filter((c) => c !== code) : [...pinned, code];
      return call(scorecardRoutes.setPins, { body: { indicators: next } });
    },
    onSuccess: (data) => qc.setQueryData(kpiKeys.pins, data),
  });
}
