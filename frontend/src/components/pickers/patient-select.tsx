import { useQuery } from '@tanstack/react-query';

import { patientsQueryOptions } from '@/lib/api/resources/patients';

import type { SearchOption, SearchSelectProps } from './search-select';
import { SearchSelect } from './search-select';

const PAGE_SIZE = 20;

function usePatientOptions(search: string) {
  const query = useQuery({
    ...patientsQueryOptions({ status: 'APPROVED', search, page_size: PAGE_SIZE }),
    staleTime: 30_000,
  });
  const options: SearchOption[] = (query.data?.results ?? []).map((patient) => ({
    value: patient.id,
    label: patient.full_name,
    hint: [patient.username, patient.mobile, patient.is_admitted ? 'in hospital' : '']
      .filter((part) => part !== '')
      .join(' · '),
    blocked: patient.is_admitted,
  }));
  return { options, isFetching: query.isFetching };
}

/**
 * Choose an approved patient by name or symptoms (admin). With `disableBlocked`, patients in
 * hospital cannot be chosen (for admitting).
 */
export function PatientSelect({ label = 'Patient', ...props }: SearchSelectProps) {
  return (
    <SearchSelect
      label={label}
      placeholder="Type a name to search"
      {...props}
      useOptions={usePatientOptions}
      nothingFound="No approved patient matches."
    />
  );
}
