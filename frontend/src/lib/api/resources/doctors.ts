import { keepPreviousData, queryOptions, skipToken, useQuery } from '@tanstack/react-query';

import { queryKeys } from '@/lib/query-keys';

import { api } from '../client';
import { unwrap } from '../errors';
import type { components, paths } from '../schema';

export type Doctor = components['schemas']['Doctor'];
export type DoctorForViewer = components['schemas']['DoctorForViewer'];
export type DoctorsQuery = NonNullable<paths['/api/v1/doctors/']['get']['parameters']['query']>;

/** A page of doctors (admin), by status, department and name. */
export function doctorsQueryOptions(query: DoctorsQuery) {
  return queryOptions({
    queryKey: queryKeys.doctors.list(query),
    queryFn: async () => unwrap(await api.GET('/api/v1/doctors/', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useDoctors(query: DoctorsQuery) {
  return useQuery(doctorsQueryOptions(query));
}

/** The admin's answer is the whole profile; a patient's is only the card (no account fields). */
export function isWholeProfile(doctor: DoctorForViewer): doctor is Doctor {
  return 'username' in doctor;
}

export function doctorQueryOptions(id: number | null) {
  return queryOptions({
    queryKey: queryKeys.doctors.detail(id ?? 0),
    queryFn:
      id === null
        ? skipToken
        : async () => unwrap(await api.GET('/api/v1/doctors/{id}/', { params: { path: { id } } })),
  });
}

/** One doctor's profile as the viewer may see it (null: none chosen). */
export function useDoctor(id: number | null) {
  return useQuery(doctorQueryOptions(id));
}

export const departmentsQueryOptions = queryOptions({
  queryKey: queryKeys.public.departments(),
  queryFn: async () => unwrap(await api.GET('/api/v1/departments/')),
  staleTime: 10 * 60_000,
});

/** The hospital's departments: `code` is what a doctor's `department` holds, `name` is shown. */
export function useDepartments() {
  return useQuery(departmentsQueryOptions);
}

// The directory is small (one hospital's approved doctors); one page of the maximum size
// covers it for the choice of a doctor.
const DIRECTORY_PAGE_SIZE = 100;

export const doctorDirectoryQueryOptions = queryOptions({
  queryKey: queryKeys.public.doctorDirectory({ page_size: DIRECTORY_PAGE_SIZE }),
  queryFn: async () =>
    unwrap(
      await api.GET('/api/v1/doctors/directory/', {
        params: { query: { page_size: DIRECTORY_PAGE_SIZE } },
      }),
    ),
  staleTime: 5 * 60_000,
});

/** Approved doctors (name and department): for signing up, booking and joining a waitlist. */
export function useDoctorDirectory() {
  return useQuery(doctorDirectoryQueryOptions);
}
