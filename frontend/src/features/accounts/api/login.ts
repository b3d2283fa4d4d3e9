import { useMutation } from '@tanstack/react-query';

import { api, setEnrolmentOnly } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { paths } from '@/lib/api/schema';
import type { CurrentUser } from '@/lib/auth/session';
import { useSession } from '@/lib/auth/session';

type TokenBody =
  paths['/api/v1/auth/token/']['post']['requestBody']['content']['application/json'];
type TokenAnswer =
  paths['/api/v1/auth/token/']['post']['responses'][200]['content']['application/json'];

export type LoginInput = Pick<TokenBody, 'username' | 'password'>;

/** Signed in, or the password was right and a two-factor code must follow. */
export type LoginOutcome =
  | { kind: 'signed-in'; user: CurrentUser }
  | { kind: 'mfa'; mfaToken: string };

/** Keep the access token of a new session in memory and load its user. */
export async function startSession(
  answer: TokenAnswer,
  signIn: (access: string) => Promise<CurrentUser>,
): Promise<CurrentUser> {
  if (answer.access === undefined) throw new Error('The sign-in answer has no access token.');
  setEnrolmentOnly(answer.mfa_enrolment_required === true);
  return signIn(answer.access);
}

/**
 * Sign in with username and password. The API answers the access token in the body and sets the
 * refresh token as an HttpOnly cookie (`use_cookie`); the access token stays in memory. With
 * two-factor sign-in on, it answers a short-lived `mfa_token` instead (see useLoginMfa).
 */
export function useLogin() {
  const { signIn } = useSession();
  return useMutation({
    mutationFn: async ({ username, password }: LoginInput): Promise<LoginOutcome> => {
      const answer = unwrap(
        await api.POST('/api/v1/auth/token/', {
          body: { username, password, use_cookie: true },
        }),
      );
      if (answer.mfa_required === true && answer.mfa_token !== undefined) {
        return { kind: 'mfa', mfaToken: answer.mfa_token };
      }
      return { kind: 'signed-in', user: await startSession(answer, signIn) };
    },
  });
}
