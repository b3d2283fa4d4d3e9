import { useQuery } from '@tanstack/react-query';

import { type AdmissionsQuery, admissionsQueryOptions } from '@/lib/api/resources/admissions';

import { wholeAdmission } from './keys';

/** A page of admissions (admin: every stay, with its charges), latest first. */
export function useAdmissions(query: AdmissionsQuery) {
  return useQuery({
    ...admissionsQueryOptions(query),
    select: (page) => ({ ...page, results: page.results.map(wholeAdmission) }),
  });
}
