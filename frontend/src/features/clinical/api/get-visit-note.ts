import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { queryKeys } from '@/lib/query-keys';

import { type VisitNote } from './keys';

export function visitNoteForAppointmentQueryOptions(appointmentId: number) {
  return queryOptions({
    queryKey: queryKeys.clinical.visitNote(appointmentId),
    queryFn: async () => {
      const page = unwrap(
        await api.GET('/api/v1/clinical/visit-notes/', {
          params: { query: { appointment: appointmentId } },
        }),
      );
      // Doctors and patients receive whole notes; only the admin gets metadata.
      return (page.results[0] as VisitNote | undefined) ?? null;
    },
  });
}

/** The visit note of one appointment (the doctor's draft or the signed note), or null. */
export function useVisitNoteForAppointment(appointmentId: number) {
  return useQuery(visitNoteForAppointmentQueryOptions(appointmentId));
}
