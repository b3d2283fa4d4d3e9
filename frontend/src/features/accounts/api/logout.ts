import { useMutation } from '@tanstack/react-query';

import { useSession } from '@/lib/auth/session';

/** Sign out: the API revokes the refresh cookie, and the access token is forgotten. */
export function useLogout() {
  const { signOut } = useSession();
  return useMutation({ mutationFn: () => signOut('signed-out') });
}
