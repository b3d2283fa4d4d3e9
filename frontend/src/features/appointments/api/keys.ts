import type { QueryClient } from '@tanstack/react-query';

import type { components } from '@/lib/api/schema';

export type Appointment = components['schemas']['Appointment'];

/** After a booking or a decision: appointment lists, free slots and the dashboard. */
export function appointmentChanged(queryClient: QueryClient): void {
  for (const key of ['appointments', 'slots', 'dashboard']) {
    void queryClient.invalidateQueries({ queryKey: [key] });
  }
}
