import { useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

const RECENT = 10;

/** The patient's latest admissions (current first), for their page. */
export function usePatientAdmissions(patient: number) {
  return useQuery({
    queryKey: ['admissions', 'list', { patient, page_size: RECENT }],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/admissions/', {
          params: { query: { patient, page_size: RECENT } },
        }),
      ),
  });
}

/** The patient's latest appointments, for their page. */
export function usePatientAppointments(patient: number) {
  return useQuery({
    queryKey: ['appointments', 'list', { patient, page_size: RECENT }],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/appointments/', {
          params: { query: { patient, page_size: RECENT } },
        }),
      ),
  });
}
