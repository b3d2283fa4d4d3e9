import { useQuery } from '@tanstack/react-query';

import { doctorsQueryOptions } from '@/lib/api/resources/doctors';

import type { SearchOption, SearchSelectProps } from './search-select';
import { SearchSelect } from './search-select';

const PAGE_SIZE = 20;

function useDoctorOptions(search: string) {
  const query = useQuery({
    ...doctorsQueryOptions({ status: 'APPROVED', search, page_size: PAGE_SIZE }),
    staleTime: 60_000,
  });
  const options: SearchOption[] = (query.data?.results ?? []).map((doctor) => ({
    value: doctor.id,
    label: doctor.full_name,
    hint: doctor.department_name,
  }));
  return { options, isFetching: query.isFetching };
}

/** Choose an approved doctor by name (admin). */
export function DoctorSelect({ label = 'Doctor', ...props }: SearchSelectProps) {
  return (
    <SearchSelect
      label={label}
      placeholder="Type a name to search"
      {...props}
      useOptions={useDoctorOptions}
      nothingFound="No approved doctor has that name."
    />
  );
}
