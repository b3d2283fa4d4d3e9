import { useMutation } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { useSession } from '@/lib/auth/session';

import { startSession } from './login';

export interface LoginMfaInput {
  mfaToken: string;
  code: string;
}

/** The second step of a two-factor sign-in: a code from the app, or a recovery code. */
export function useLoginMfa() {
  const { signIn } = useSession();
  return useMutation({
    mutationFn: async ({ mfaToken, code }: LoginMfaInput) => {
      const answer = unwrap(
        await api.POST('/api/v1/auth/token/mfa/', {
          body: { mfa_token: mfaToken, code, use_cookie: true },
        }),
      );
      return startSession(answer, signIn);
    },
  });
}
