import { orgRoutes, type Lang, type OrgUnit } from '@pilotage/contracts';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client.ts';
import { useLang } from '../../i18n/index.tsx';

/** A unit as pages get it: an org unit, or a UnitRef of a task, assignment or report. */
export type NamedUnit = Pick<OrgUnit, 'name'> & { nameEn?: string | null | undefined };

/**
 * THE way a unit's name is shown: Vietnamese in the Vietnamese UI, its English name in the English UI
 * (ministries and central bodies have one; provinces and communes keep their proper names).
 */
export function unitName(unit: NamedUnit, lang: Lang): string {
  return lang === 'en' ? (unit.nameEn ?? unit.name) : unit.name;
}

export function useUnitName(): (unit: NamedUnit) => string {
  const [lang] = useLang();
  return (unit) => unitName(unit, lang);
}

/** Organisation data changes rarely (reference data): cached for the session. */
const ORG_STALE = 10 * 60_000;

/** One unit with its ancestors. */
export function useOrgUnit(id: string | undefined) {
  return useQuery({
    queryKey: ['org-unit', id],
    queryFn: () => call(orgRoutes.get, { params: { id: id! } }),
    enabled: !!id,
    staleTime: ORG_STALE,
  });
}

export function useOrgChildren(id: string | undefined) {
  return useQuery({
    queryKey: ['org-children', id],
    queryFn: () => call(orgRoutes.children, { params: { id: id! } }),
    enabled: !!id,
    staleTime: ORG_STALE,
  });
}

/** Diacritic-insensitive search on the server ("dak lak" finds "Đắk Lắk"), within the caller's scope. */
export function useOrgSearch(q: string, limit = 20) {
  const query = q.trim();
  return useQuery({
    queryKey: ['org-search', query, limit],
    queryFn: () => call(orgRoutes.list, { query: { q: query, limit } }),
    enabled: query.length > 0,
    staleTime: ORG_STALE,
    placeholderData: (previous) => previous,
  });
}

/** Provinces of the caller's scope by id, to say which province a commune belongs to. */
export function useProvinceNames(): Map<string, OrgUnit> {
  const { data } = useQuery({
    queryKey: ['org-provinces'],
    queryFn: () => call(orgRoutes.list, { query: { kind: 'province', limit: 100 } }),
    staleTime: ORG_STALE,
  });
  return new Map((data?.items ?? []).map((u) => [u.id, u]));
}
