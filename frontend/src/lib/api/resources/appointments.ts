import type { QueryClient } from '@tanstack/react-query';
import {
  keepPreviousData,
  queryOptions,
  skipToken,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';

import { queryKeys } from '@/lib/query-keys';

import { api } from '../client';
import { unwrap } from '../errors';
import type { components, paths } from '../schema';

export type Appointment = components['schemas']['Appointment'];
export type AppointmentsQuery = NonNullable<
  paths['/api/v1/appointments/']['get']['parameters']['query']
>;
export type BookAppointmentBody =
  paths['/api/v1/appointments/']['post']['requestBody']['content']['application/json'];

/**
 * After a booking, a cancellation or a decision: appointment lists, free slots, the calendar,
 * the waitlist (a freed slot is offered to it) and the dashboard.
 */
export function appointmentChanged(queryClient: QueryClient): void {
  for (const key of [
    queryKeys.appointments.all,
    queryKeys.slots.all,
    queryKeys.scheduling.calendarAll,
    queryKeys.scheduling.waitlistAll,
    queryKeys.dashboard.all,
  ]) {
    void queryClient.invalidateQueries({ queryKey: key });
  }
}

/**
 * A page of appointments as the API scopes them to the viewer: the admin's are all of them, a
 * doctor's their confirmed ones (soonest first), a patient's their own (newest first).
 */
export function appointmentsQueryOptions(query: AppointmentsQuery) {
  return queryOptions({
    queryKey: queryKeys.appointments.list(query),
    queryFn: async () => unwrap(await api.GET('/api/v1/appointments/', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useAppointments(query: AppointmentsQuery) {
  return useQuery(appointmentsQueryOptions(query));
}

/** The doctor's free slots on one calendar day (hospital time zone), in time order. */
export function useFreeSlots(doctor: number | null, date: string | null) {
  return useQuery({
    queryKey: queryKeys.slots.free(doctor, date),
    queryFn:
      doctor === null || date === null || date === ''
        ? skipToken
        : async () =>
            unwrap(
              await api.GET('/api/v1/doctors/{id}/slots/', {
                params: { path: { id: doctor }, query: { date } },
              }),
            ),
    // Someone else may book a slot at any moment; ask again when the picker comes back.
    staleTime: 0,
    refetchOnWindowFocus: true,
  });
}

/**
 * Book a free slot. The admin's booking starts CONFIRMED; a patient's request waits (PENDING)
 * for the hospital's approval.
 */
export function useBookAppointment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: BookAppointmentBody) =>
      unwrap(await api.POST('/api/v1/appointments/', { body })),
    onSettled: () => {
      // A SLOT_TAKEN answer also means the free slots shown are out of date.
      appointmentChanged(queryClient);
    },
  });
}

/** Cancel a pending or confirmed appointment, with an optional reason; the slot is free. */
export function useCancelAppointment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, reason }: { id: number; reason: string }) =>
      unwrap(
        await api.POST('/api/v1/appointments/{id}/cancel/', {
          params: { path: { id } },
          body: { reason },
        }),
      ),
    onSettled: () => {
      appointmentChanged(queryClient);
    },
  });
}

/** One appointment with its status history (null: none chosen). */
export function useAppointment(id: number | null) {
  return useQuery({
    queryKey: queryKeys.appointments.detail(id),
    queryFn:
      id === null
        ? skipToken
        : async () =>
            unwrap(await api.GET('/api/v1/appointments/{id}/', { params: { path: { id } } })),
  });
}
