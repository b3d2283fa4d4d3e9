import { keepPreviousData, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

import type { SearchOption, SearchSelectProps } from './search-select';
import { SearchSelect } from './search-select';

const PAGE_SIZE = 20;

function useDoctorOptions(search: string) {
  const query = useQuery({
    queryKey: ['doctors', 'options', { search }],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/doctors/', {
          params: { query: { status: 'APPROVED', search, page_size: PAGE_SIZE } },
        }),
      ),
    placeholderData: keepPreviousData,
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
