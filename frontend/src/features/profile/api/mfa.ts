import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api, setEnrolmentOnly } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { queryKeys } from '@/lib/query-keys';

export const mfaStatusQueryOptions = queryOptions({
  queryKey: queryKeys.auth.mfa(),
  queryFn: async () => unwrap(await api.GET('/api/v1/auth/mfa/status/')),
});

/** Whether two-factor sign-in is on, required for the role, and the recovery codes left. */
export function useMfaStatus() {
  return useQuery(mfaStatusQueryOptions);
}

/** Start enrolment: a new secret and its otpauth:// URI (for the QR code). */
export function useEnrolMfa() {
  return useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/auth/mfa/enrol/')),
  });
}

/** Confirm enrolment with the app's code; answers the recovery codes, shown once. */
export function useConfirmMfa() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (code: string) =>
      unwrap(await api.POST('/api/v1/auth/mfa/confirm/', { body: { code } })),
    onSuccess: () => {
      // The session is a full one now (it may have been enrolment-only).
      setEnrolmentOnly(false);
      return queryClient.invalidateQueries({ queryKey: mfaStatusQueryOptions.queryKey });
    },
  });
}
