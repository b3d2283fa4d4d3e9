import { useMutation } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

/** Set a new password for the patient's account (admin); every session of theirs ends. */
export function useSetPatientPassword(id: number) {
  return useMutation({
    mutationFn: async (password: string) => {
      unwrap(
        await api.POST('/api/v1/patients/{id}/set-password/', {
          params: { path: { id } },
          body: { password },
        }),
      );
    },
  });
}

/** End every session of the patient's account (admin). */
export function useEndPatientSessions(id: number) {
  return useMutation({
    mutationFn: async () =>
      unwrap(await api.POST('/api/v1/patients/{id}/sessions/revoke/', { params: { path: { id } } })),
  });
}

/** Turn the patient's two-factor sign-in off (admin); every session of theirs ends. */
export function useResetPatientMfa(id: number) {
  return useMutation({
    mutationFn: async () => {
      unwrap(await api.POST('/api/v1/patients/{id}/mfa/reset/', { params: { path: { id } } }));
    },
  });
}
