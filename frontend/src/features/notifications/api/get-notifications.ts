import { keepPreviousData, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { queryKeys } from '@/lib/query-keys';

export const NOTIFICATIONS_PAGE_SIZE = 25;
/** How often the bell asks for the unread count while the tab is visible. */
export const UNREAD_POLL_MS = 30_000;

/** The signed-in user's notifications, newest first; `unread` keeps only the unread ones. */
export function useNotifications(page: number, unread: boolean) {
  return useQuery({
    queryKey: queryKeys.notifications.list({ page, unread }),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/notifications/', {
          params: {
            query: { page, page_size: NOTIFICATIONS_PAGE_SIZE, ...(unread ? { unread: true } : {}) },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/**
 * The unread count the bell shows, polled every 30 s. TanStack Query stops the interval while
 * the tab is hidden (refetchIntervalInBackground is off) and refetches when it is shown again.
 */
export function useUnreadCount() {
  return useQuery({
    queryKey: queryKeys.notifications.unreadCount(),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/notifications/', {
          params: { query: { unread: true, page_size: 1 } },
        }),
      ).count,
    refetchInterval: UNREAD_POLL_MS,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
  });
}
