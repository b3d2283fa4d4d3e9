import { useMutation } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

/** Set a new password for the doctor's account (admin); every session of theirs ends. */
export function useSetDoctorPassword(id: number) {
  return useMutation({
    mutationFn: async (password: string) => {
      unwrap(
        await api.POST('/api/v1/doctors/{id}/set-password/', {
          params: { path: { id } },
          body: { password },
        }),
      );
    },
  });
}

/** End every session of the doctor's account (admin). */
export function useEndDoctorSessions(id: number) {
  return useMutation({
    mutationFn: async () =>
      unwrap(await api.POST('/api/v1/doctors/{id}/sessions/revoke/', { params: { path: { id } } })),
  });
}

/** Turn the doctor's two-factor sign-in off (admin); every session of theirs ends. */
export function useResetDoctorMfa(id: number) {
  return useMutation({
    mutationFn: async () => {
      unwrap(await api.POST('/api/v1/doctors/{id}/mfa/reset/', { params: { path: { id } } }));
    },
  });
}
