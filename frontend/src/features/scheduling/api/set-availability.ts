import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

import type { AvailabilityWindow } from './keys';
import { scheduleChanged } from './keys';

/** Replace a doctor's weekly template (admin). */
export function useSetAvailability() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ doctor, windows }: { doctor: number; windows: AvailabilityWindow[] }) =>
      unwrap(
        await api.PUT('/api/v1/doctors/{id}/availability/', {
          params: { path: { id: doctor } },
          body: { windows },
        }),
      ),
    onSuccess: () => {
      scheduleChanged(queryClient);
    },
  });
}
