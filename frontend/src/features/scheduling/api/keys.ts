import type { QueryClient } from '@tanstack/react-query';

import type { components } from '@/lib/api/schema';
import { queryKeys } from '@/lib/query-keys';

type Schemas = components['schemas'];
export type Calendar = Schemas['Calendar'];
export type CalendarDoctor = Schemas['CalendarDoctor'];
export type CalendarAppointment = Schemas['CalendarAppointment'];
export type Slot = Schemas['Slot'];
export type AvailabilityWindow = Schemas['AvailabilityWindowRequest'];
export type WaitlistEntry = Schemas['WaitlistEntry'];

/** After any change to bookings, availability or the waitlist: every view that shows them. */
export function scheduleChanged(queryClient: QueryClient): void {
  for (const key of [
    queryKeys.scheduling.calendarAll,
    queryKeys.appointments.all,
    queryKeys.slots.all,
    queryKeys.scheduling.availabilityAll,
    queryKeys.scheduling.timeOffAll,
    queryKeys.scheduling.waitlistAll,
    queryKeys.dashboard.all,
  ]) {
    void queryClient.invalidateQueries({ queryKey: key });
  }
}
