import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { components } from '@/lib/api/schema';
import { queryKeys } from '@/lib/query-keys';

export type AdminDashboard = components['schemas']['AdminDashboard'];
export type AppointmentDay = components['schemas']['AppointmentDay'];
export type PendingDoctor = components['schemas']['PendingDoctor'];
export type PendingPatient = components['schemas']['PendingPatient'];
export type AppointmentRequest = components['schemas']['AppointmentRequest'];

/**
 * The signed-in user's dashboard, whatever their role: one request. Every change that moves a
 * number on it (an approval, a booking, a discharge) invalidates this key.
 */
export const dashboardKeys = queryKeys.dashboard;

export const dashboardQueryOptions = queryOptions({
  queryKey: dashboardKeys.all,
  queryFn: async () => unwrap(await api.GET('/api/v1/dashboard/')),
});

/** The caller's dashboard: only the section of their role is filled. */
export function useDashboard() {
  return useQuery(dashboardQueryOptions);
}
