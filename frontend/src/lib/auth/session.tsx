import type { QueryClient } from '@tanstack/react-query';
import { queryOptions, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { createContext, use, useCallback, useEffect, useMemo, useState } from 'react';

import { paths as pages } from '@/config/paths';

import {
  api,
  hasSessionHint,
  onSessionExpired,
  refreshSession,
  setAccessToken,
} from '../api/client';
import { unwrap } from '../api/errors';
import type { paths } from '../api/schema';
import { queryKeys } from '../query-keys';

export type CurrentUser =
  paths['/api/v1/auth/me/']['get']['responses'][200]['content']['application/json'];
export type Role = CurrentUser['role'];

/** Why the last session ended; the login page explains it. */
export type SignOutReason = 'signed-out' | 'idle' | 'expired';

export type SessionState =
  | { status: 'restoring' }
  | { status: 'anonymous'; reason: SignOutReason | null }
  | { status: 'authenticated'; user: CurrentUser };

interface SessionContextValue {
  state: SessionState;
  /** Keep the access token in memory and load the user it belongs to. */
  signIn: (access: string) => Promise<CurrentUser>;
  /** Revoke the refresh cookie and forget the access token and every cached answer. */
  signOut: (reason: SignOutReason) => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export const meQueryOptions = queryOptions({
  queryKey: queryKeys.auth.me(),
  queryFn: async () => unwrap(await api.GET('/api/v1/auth/me/')),
});

/**
 * Drop every cached answer that belongs to the user. Query keys starting with 'public' (hospital
 * settings, departments, the doctor directory) are the same for everyone and stay.
 */
function forgetPrivateData(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.public.all[0] });
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<SessionState>({ status: 'restoring' });

  const loadUser = useCallback(async () => {
    const user = await queryClient.query({ ...meQueryOptions, staleTime: 0 });
    setState({ status: 'authenticated', user });
    return user;
  }, [queryClient]);

  // On start, the refresh cookie (if any) silently restores the session. Under StrictMode this
  // runs twice; refreshSession() shares one request, so the single-use cookie is spent once.
  // Without the API's session hint there is nothing to restore, and nothing is asked.
  useEffect(() => {
    void (async () => {
      try {
        if (hasSessionHint() && (await refreshSession())) {
          await loadUser();
          return;
        }
      } catch {
        setAccessToken(null);
      }
      setState({ status: 'anonymous', reason: null });
    })();
  }, [loadUser]);

  useEffect(
    () =>
      onSessionExpired(() => {
        forgetPrivateData(queryClient);
        setState({ status: 'anonymous', reason: 'expired' });
      }),
    [queryClient],
  );

  const signIn = useCallback(
    async (access: string) => {
      setAccessToken(access);
      try {
        return await loadUser();
      } catch (error) {
        setAccessToken(null);
        throw error;
      }
    },
    [loadUser],
  );

  const signOut = useCallback(
    async (reason: SignOutReason) => {
      try {
        await api.POST('/api/v1/auth/logout/', { body: {} });
      } catch {
        // The server may be unreachable; the session still ends on this device.
      } finally {
        setAccessToken(null);
        forgetPrivateData(queryClient);
        setState({ status: 'anonymous', reason });
      }
    },
    [queryClient],
  );

  const value = useMemo(() => ({ state, signIn, signOut }), [state, signIn, signOut]);
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): SessionContextValue {
  const value = use(SessionContext);
  if (value === null) throw new Error('useSession must be used inside <SessionProvider>.');
  return value;
}

/** The signed-in user; only for screens behind the auth guard. */
export function useCurrentUser(): CurrentUser {
  const { state } = useSession();
  if (state.status !== 'authenticated') {
    throw new Error('useCurrentUser must be used behind the authentication guard.');
  }
  return state.user;
}

export const ROLE_HOME: Record<Role, string> = {
  ADMIN: pages.admin.dashboard.getHref(),
  DOCTOR: pages.doctor.dashboard.getHref(),
  PATIENT: pages.patient.dashboard.getHref(),
};

export const ROLE_LABEL: Record<Role, string> = {
  ADMIN: 'Admin',
  DOCTOR: 'Doctor',
  PATIENT: 'Patient',
};
