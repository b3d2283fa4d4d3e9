import { useMutation } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { paths } from '@/lib/api/schema';
import { useSession } from '@/lib/auth/session';

type TokenBody =
  paths['/api/v1/auth/token/']['post']['requestBody']['content']['application/json'];

export type LoginInput = Pick<TokenBody, 'username' | 'password'>;

/**
 * Sign in with username and password. The API answers the access token in the body and sets the
 * refresh token as an HttpOnly cookie (`use_cookie`); the access token stays in memory.
 */
export function useLogin() {
  const { signIn } = useSession();
  return useMutation({
    mutationFn: async ({ username, password }: LoginInput) => {
      const tokens = unwrap(
        await api.POST('/api/v1/auth/token/', {
          body: { username, password, use_cookie: true },
        }),
      );
      return signIn(tokens.access);
    },
  });
}
