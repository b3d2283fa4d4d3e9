import { act, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { vi } from 'vitest';

import { users } from '@/test/fixtures';
import { http } from '@/test/http';
import { renderApp } from '@/test/render';
import { mockAuth, server } from '@/test/server';

const MINUTE = 60_000;

describe('automatic logout', () => {
  beforeEach(() => {
    // Fake clocks, but let them tick with real time so MSW and React still make progress.
    vi.useFakeTimers({ shouldAdvanceTime: true });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('signs out after 15 minutes without input, counting from the last input', async () => {
    let logouts = 0;
    server.use(
      http.post('/api/v1/auth/logout/', ({ response }) => {
        logouts += 1;
        mockAuth.refreshCookieUser = null;
        return response(204).empty();
      }),
    );
    mockAuth.refreshCookieUser = users.admin;
    const { router } = renderApp('/admin');
    expect(await screen.findByText('Welcome, Asha Nair')).toBeInTheDocument();

    await act(() => vi.advanceTimersByTimeAsync(10 * MINUTE));
    fireEvent.mouseMove(document.body);
    await act(() => vi.advanceTimersByTimeAsync(10 * MINUTE));
    fireEvent.keyDown(document.body, { key: 'a' });
    await act(() => vi.advanceTimersByTimeAsync(14 * MINUTE + 59_000));

    // 14:59 after the last key press: still signed in.
    expect(screen.getByText('Welcome, Asha Nair')).toBeInTheDocument();
    expect(logouts).toBe(0);

    await act(() => vi.advanceTimersByTimeAsync(1_000));

    expect(
      await screen.findByText('You were signed out after 15 minutes without activity.'),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(logouts).toBe(1);
    expect(mockAuth.refreshCookieUser).toBeNull();
  });

  it('does not run on the public pages', async () => {
    let logouts = 0;
    server.use(
      http.post('/api/v1/auth/logout/', ({ response }) => {
        logouts += 1;
        return response(204).empty();
      }),
    );
    renderApp('/login');
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();

    await act(() => vi.advanceTimersByTimeAsync(30 * MINUTE));

    expect(logouts).toBe(0);
    expect(screen.queryByText(/without activity/)).not.toBeInTheDocument();
  });
});
