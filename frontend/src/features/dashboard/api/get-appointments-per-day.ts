import { skipToken, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { addDays } from '@/lib/dates';

export interface DayCount {
  /** A calendar date, YYYY-MM-DD (hospital time zone). */
  date: string;
  confirmed: number;
  pending: number;
}

async function countOn(date: string, status: 'CONFIRMED' | 'PENDING'): Promise<number> {
  // One row is enough: the answer's `count` is the number of appointments that day.
  const page = unwrap(
    await api.GET('/api/v1/appointments/', {
      params: { query: { date_from: date, date_to: date, status, page_size: 1 } },
    }),
  );
  return page.count;
}

/**
 * Confirmed and pending appointments on each of `days` days from `firstDay`, counted by the
 * server (the day's list `count`), so a busy week costs no more than a quiet one.
 */
export function useAppointmentsPerDay(firstDay: string | null, days = 7) {
  return useQuery({
    queryKey: ['appointments', 'per-day', firstDay, days],
    queryFn:
      firstDay === null
        ? skipToken
        : async (): Promise<DayCount[]> => {
            const dates = Array.from({ length: days }, (_, index) => addDays(firstDay, index));
            return Promise.all(
              dates.map(async (date) => {
                const [confirmed, pending] = await Promise.all([
                  countOn(date, 'CONFIRMED'),
                  countOn(date, 'PENDING'),
                ]);
                return { date, confirmed, pending };
              }),
            );
          },
  });
}
