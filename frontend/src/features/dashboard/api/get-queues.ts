import { useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

/** How many rows of each queue the dashboard shows; the lists hold the rest. */
export const QUEUE_SIZE = 5;

/** The oldest applications first: they have waited longest. */
export function usePendingDoctors() {
  const query = { status: 'PENDING', ordering: 'created_at', page_size: QUEUE_SIZE } as const;
  return useQuery({
    queryKey: ['doctors', 'list', query],
    queryFn: async () => unwrap(await api.GET('/api/v1/doctors/', { params: { query } })),
  });
}

export function usePendingPatients() {
  const query = { status: 'PENDING', ordering: 'created_at', page_size: QUEUE_SIZE } as const;
  return useQuery({
    queryKey: ['patients', 'list', query],
    queryFn: async () => unwrap(await api.GET('/api/v1/patients/', { params: { query } })),
  });
}

/** Requests waiting for a decision, the soonest first. */
export function usePendingAppointments() {
  const query = { status: 'PENDING', ordering: 'starts_at', page_size: QUEUE_SIZE } as const;
  return useQuery({
    queryKey: ['appointments', 'list', query],
    queryFn: async () => unwrap(await api.GET('/api/v1/appointments/', { params: { query } })),
  });
}
