import {
  initiativeRoutes,
  publicInitiativeRoutes,
  type InitiativeListQuery,
  type CatalogueQuery,
} from '@pilotage/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { call } from '../../api/client.ts';

export const PAGE = 20;

export function useCatalogue(query: z.input<typeof CatalogueQuery>) {
  return useQuery({
    queryKey: ['initiatives', 'public', query],
    queryFn: () => call(publicInitiativeRoutes.catalogue, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useFacets() {
  return useQuery({
    queryKey: ['initiatives', 'facets'],
    queryFn: () => call(publicInitiativeRoutes.facets),
    staleTime: 5 * 60_000,
  });
}

export function usePublicInitiative(code: string | undefined) {
  return useQuery({
    queryKey: ['initiatives', 'public', code],
    queryFn: () => call(publicInitiativeRoutes.get, { params: { code: code! } }),
    enabled: !!code,
  });
}

export function useInitiatives(query: z.input<typeof InitiativeListQuery>) {
  return useQuery({
    queryKey: ['initiatives', 'internal', query],
    queryFn: () => call(initiativeRoutes.list, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useInitiative(id: string | undefined) {
  return useQuery({
    queryKey: ['initiatives', 'one', id],
    queryFn: () => call(initiativeRoutes.get, { params: { id: id! } }),
    enabled: !!id,
  });
}
