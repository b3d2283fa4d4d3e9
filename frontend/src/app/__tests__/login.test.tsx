import { screen, waitFor, within } from '@testing-library/react';
import { delay } from 'msw';
import { describe, expect, it, vi } from 'vitest';

import { errorBody, users } from '@/test/fixtures';
import { http } from '@/test/http';
import { renderApp } from '@/test/render';
import { mockAuth, server } from '@/test/server';

async function signIn(user: ReturnType<typeof renderApp>['user'], username: string, password: string) {
  await user.type(await screen.findByLabelText(/^Username/), username);
  await user.type(screen.getByLabelText(/^Password/), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('login', () => {
  it('signs an admin in and opens the admin dashboard with the name and role from /auth/me/', async () => {
    const { user, router } = renderApp('/login');

    await signIn(user, 'asha', 'correct-horse');

    expect(await screen.findByRole('heading', { name: 'Dashboard' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/admin');
    expect(screen.getByText('Welcome, Asha Nair')).toBeInTheDocument();
    const main = screen.getByRole('main');
    expect(within(main).getByText('Admin')).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Main' })).toHaveTextContent('Dashboard');
  });

  it('signs a doctor in and opens the doctor dashboard', async () => {
    const { user, router } = renderApp('/login');

    await signIn(user, 'drmeera', 'correct-horse');

    expect(await screen.findByText('Welcome, Meera Iyer')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/doctor');
    expect(within(screen.getByRole('main')).getByText('Doctor')).toBeInTheDocument();
  });

  it('writes nothing to localStorage or sessionStorage while signing in', async () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    const { user } = renderApp('/login');

    await signIn(user, 'ravi', 'correct-horse');
    expect(await screen.findByText('Welcome, Ravi Kumar')).toBeInTheDocument();

    expect(setItem).not.toHaveBeenCalled();
    expect(window.localStorage.length).toBe(0);
    expect(window.sessionStorage.length).toBe(0);
    // The only readable cookie is the API's session hint, which holds no token.
    expect(document.cookie).toBe('hms_session=1');
  });

  it('explains that an account awaits approval', async () => {
    mockAuth.accounts.set('newdoc', {
      password: 'correct-horse',
      user: { ...users.doctor, username: 'newdoc', status: 'PENDING' },
      loginError: 'ACCOUNT_PENDING_APPROVAL',
    });
    const { user, router } = renderApp('/login');

    await signIn(user, 'newdoc', 'correct-horse');

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Awaiting approval')).toBeInTheDocument();
    expect(alert).toHaveTextContent(
      'Your account is awaiting approval by the hospital. You can sign in once an administrator approves it.',
    );
    expect(router.state.location.pathname).toBe('/login');
  });

  it('explains that an account was not approved', async () => {
    mockAuth.accounts.set('rejected', {
      password: 'correct-horse',
      user: { ...users.patient, username: 'rejected', status: 'REJECTED' },
      loginError: 'ACCOUNT_REJECTED',
    });
    const { user } = renderApp('/login');

    await signIn(user, 'rejected', 'correct-horse');

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Not approved')).toBeInTheDocument();
    expect(alert).toHaveTextContent(
      'Your account was not approved by the hospital. Please contact the hospital if you think this is a mistake.',
    );
  });

  it('answers a wrong password with the generic message', async () => {
    const { user, router } = renderApp('/login');

    await signIn(user, 'asha', 'wrong-password');

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Sign-in failed')).toBeInTheDocument();
    expect(alert).toHaveTextContent('Wrong username or password.');
    expect(router.state.location.pathname).toBe('/login');
  });

  it('answers an unknown username with the same generic message', async () => {
    const { user } = renderApp('/login');

    await signIn(user, 'nobody', 'whatever');

    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong username or password.');
  });

  it('sends the token request once even when Sign in is clicked twice', async () => {
    let calls = 0;
    server.use(
      http.post('/api/v1/auth/token/', async ({ response }) => {
        calls += 1;
        await delay(50);
        return response(200).json({ access: mockAuth.issue(users.admin) });
      }),
    );
    const { user } = renderApp('/login');
    await user.type(await screen.findByLabelText(/^Username/), 'asha');
    await user.type(screen.getByLabelText(/^Password/), 'correct-horse');
    const button = screen.getByRole('button', { name: 'Sign in' });

    await user.click(button);
    await user.click(button);

    expect(await screen.findByText('Welcome, Asha Nair')).toBeInTheDocument();
    expect(calls).toBe(1);
  });

  it('shows the server message for throttling', async () => {
    server.use(
      http.post('/api/v1/auth/token/', ({ response }) =>
        response(429).json(errorBody('THROTTLED', 'Request was throttled.')),
      ),
    );
    const { user } = renderApp('/login');

    await signIn(user, 'asha', 'correct-horse');

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Too many attempts. Please wait a minute and try again.',
    );
  });

  it('sends an anonymous visitor to login and back to the page after signing in', async () => {
    const { user, router } = renderApp('/patient?tab=1');

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');

    await signIn(user, 'ravi', 'correct-horse');

    expect(await screen.findByText('Welcome, Ravi Kumar')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/patient');
    expect(router.state.location.search).toBe('?tab=1');
  });

  it('restores the session from the refresh cookie on start', async () => {
    mockAuth.refreshCookieUser = users.doctor;
    const { router } = renderApp('/doctor');

    expect(await screen.findByText('Welcome, Meera Iyer')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/doctor');
  });

  it('asks for no refresh on a signed-out start (no session hint): no 401 to log', async () => {
    const asked: string[] = [];
    const listener = ({ request }: { request: Request }) => {
      asked.push(new URL(request.url).pathname);
    };
    server.events.on('request:start', listener);
    try {
      const { router } = renderApp('/doctor');

      expect(await screen.findByLabelText(/^Username/)).toBeInTheDocument();
      expect(router.state.location.pathname).toBe('/login');
      expect(asked.filter((path) => path.startsWith('/api/v1/auth/'))).toEqual([]);
    } finally {
      server.events.removeListener('request:start', listener);
    }
  });

  it('signs out: calls the logout endpoint and returns to login', async () => {
    mockAuth.refreshCookieUser = users.admin;
    const { user, router } = renderApp('/admin');
    await screen.findByText('Welcome, Asha Nair');

    await user.click(screen.getByRole('button', { name: 'Sign out' }));

    expect(await screen.findByText('You have signed out.')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(mockAuth.refreshCookieUser).toBeNull();
    await waitFor(() => {
      expect(screen.queryByText('Welcome, Asha Nair')).not.toBeInTheDocument();
    });
  });

  it('returns to login when the session can no longer be refreshed', async () => {
    mockAuth.refreshCookieUser = users.admin;
    const { router, queryClient } = renderApp('/admin');
    await screen.findByText('Welcome, Asha Nair');

    // The account is revoked server-side: access tokens and the refresh cookie stop working.
    mockAuth.tokens.clear();
    mockAuth.refreshCookieUser = null;
    await queryClient.invalidateQueries({ queryKey: ['auth', 'me'] });

    expect(
      await screen.findByText('Your session has ended. Please sign in again.'),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.state).toEqual({ from: '/admin' });
  });
});
