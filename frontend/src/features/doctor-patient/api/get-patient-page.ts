import { keepPreviousData, queryOptions, skipToken, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

export const STAYS_PAGE_SIZE = 10;
export const VISITS_PAGE_SIZE = 10;

export function patientQueryOptions(id: number) {
  return queryOptions({
    queryKey: ['patients', 'detail', id],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/patients/{id}/', { params: { path: { id } } })),
  });
}

/** One of the doctor's assigned patients (404 for any other patient). */
export function usePatient(id: number) {
  return useQuery(patientQueryOptions(id));
}

/**
 * The patient's stays the doctor attends, latest first. `null`: not yet (the patient has not
 * loaded), so nothing is read for a patient who is not the doctor's.
 */
export function usePatientStays(patient: number | null, page: number) {
  return useQuery({
    queryKey: ['admissions', 'list', { patient, page, page_size: STAYS_PAGE_SIZE }],
    queryFn:
      patient === null
        ? skipToken
        : async () =>
            unwrap(
              await api.GET('/api/v1/admissions/', {
                params: { query: { patient, page, page_size: STAYS_PAGE_SIZE } },
              }),
            ),
    placeholderData: keepPreviousData,
  });
}

/**
 * The patient's appointments with the doctor, newest first: confirmed, completed, and cancelled
 * after confirmation (the API's `history=true` for a doctor).
 */
export function usePatientVisits(patient: number | null, page: number) {
  return useQuery({
    queryKey: ['appointments', 'list', { history: true, patient, page, page_size: VISITS_PAGE_SIZE }],
    queryFn:
      patient === null
        ? skipToken
        : async () =>
            unwrap(
              await api.GET('/api/v1/appointments/', {
                params: {
                  query: { history: true, patient, page, page_size: VISITS_PAGE_SIZE },
                },
              }),
            ),
    placeholderData: keepPreviousData,
  });
}

/** One appointment with its status history, read when the doctor opens it (null: closed). */
export function useVisitHistory(id: number | null) {
  return useQuery({
    queryKey: ['appointments', 'detail', id],
    queryFn:
      id === null
        ? skipToken
        : async () =>
            unwrap(await api.GET('/api/v1/appointments/{id}/', { params: { path: { id } } })),
  });
}
