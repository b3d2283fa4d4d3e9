import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from './api/client';
import { unwrap } from './api/errors';
import type { paths } from './api/schema';
import { formatDate, formatDateTime, formatMoney, formatPhone, formatTime } from './format';
import { queryKeys } from './query-keys';

export type Hospital =
  paths['/api/v1/hospital/']['get']['responses'][200]['content']['application/json'];

export const hospitalQueryOptions = queryOptions({
  queryKey: queryKeys.public.hospital(),
  queryFn: async () => unwrap(await api.GET('/api/v1/hospital/')),
  // The hospital's settings change with a deployment, not during a visit.
  staleTime: Infinity,
});

/** The hospital's public settings: name, time zone, currency, sign-up policy, slot length. */
export function useHospital() {
  return useQuery(hospitalQueryOptions);
}

/**
 * Formatters bound to the hospital's time zone and currency. Until the settings load, times
 * fall back to UTC and money to the bare amount; screens that show money wait for the hospital.
 */
export function useHospitalFormat() {
  const { data } = useHospital();
  const timeZone = data?.time_zone ?? 'UTC';
  return {
    hospital: data,
    money: (amount: string) =>
      data === undefined ? amount : formatMoney(amount, data.currency),
    dateTime: (iso: string) => formatDateTime(iso, timeZone),
    time: (iso: string) => formatTime(iso, timeZone),
    date: (isoDate: string) => formatDate(isoDate),
    phone: formatPhone,
  };
}
