import { keepPreviousData, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { paths } from '@/lib/api/schema';

import { admissionKeys, wholeAdmission } from './keys';

export type AdmissionsQuery = NonNullable<
  paths['/api/v1/admissions/']['get']['parameters']['query']
>;

/** A page of admissions, latest first, by status, doctor or patient. */
export function useAdmissions(query: AdmissionsQuery) {
  return useQuery({
    queryKey: admissionKeys.list(query),
    queryFn: async () => {
      const page = unwrap(await api.GET('/api/v1/admissions/', { params: { query } }));
      return { ...page, results: page.results.map(wholeAdmission) };
    },
    placeholderData: keepPreviousData,
  });
}
