import { notificationRoutes } from '@pilotage/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { call } from '../../api/client.ts';

/** The bell asks every minute; a weak connection only pays for a tiny JSON answer. */
const POLL_MS = 60_000;

export function useUnreadCount() {
  return useQuery({
    queryKey: ['notifications', 'unread'],
    queryFn: () => call(notificationRoutes.unreadCount),
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: false,
    staleTime: POLL_MS / 2,
    retry: false,
  });
}

export function useNotifications(query: { unread?: 'true'; limit: number; offset: number }) {
  return useQuery({
    queryKey: ['notifications', 'list', query],
    queryFn: () => call(notificationRoutes.list, { query }),
    staleTime: 15_000,
    placeholderData: keepPreviousData,
  });
}
