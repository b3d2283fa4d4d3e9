import { screen, within } from '@testing-library/react';
import { http as rawHttp, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { signInAsAdmin } from '@/test/admin-fixtures';
import { errorBody, users } from '@/test/fixtures';
import { renderApp } from '@/test/render';
import { mockAuth, server } from '@/test/server';

interface FakeTab {
  opener: unknown;
  location: { href: string };
  close: ReturnType<typeof vi.fn>;
}

function fakeTab(): FakeTab {
  return { opener: window, location: { href: 'about:blank' }, close: vi.fn() };
}

function openSpy(tab: FakeTab | null) {
  return vi.spyOn(window, 'open').mockImplementation(() => tab as unknown as Window);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('API documentation link', () => {
  it('sets the docs cookie with the admin token, then opens Swagger UI in the new tab', async () => {
    signInAsAdmin();
    const sessions: (string | null)[] = [];
    server.use(
      rawHttp.post('/api/docs/session/', ({ request }) => {
        sessions.push(mockAuth.userOf(request)?.username ?? null);
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const tab = fakeTab();
    const open = openSpy(tab);
    const { user } = renderApp('/admin');

    const nav = await screen.findByRole('navigation', { name: 'Main' });
    const link = within(nav).getByRole('link', { name: /API documentation/ });
    expect(link).toHaveAttribute('href', '/api/docs/');
    await user.click(link);

    await vi.waitFor(() => {
      expect(tab.location.href).toBe('/api/docs/');
    });
    expect(open).toHaveBeenCalledExactlyOnceWith('about:blank', '_blank');
    expect(sessions).toEqual([users.admin.username]);
    expect(tab.opener).toBeNull();
    expect(tab.close).not.toHaveBeenCalled();
  });

  it('closes the new tab and says why when the API refuses', async () => {
    signInAsAdmin();
    server.use(
      rawHttp.post('/api/docs/session/', () =>
        HttpResponse.json(errorBody('PERMISSION_DENIED', 'No.'), { status: 403 }),
      ),
    );
    const tab = fakeTab();
    openSpy(tab);
    const { user } = renderApp('/admin');

    const nav = await screen.findByRole('navigation', { name: 'Main' });
    await user.click(within(nav).getByRole('link', { name: /API documentation/ }));

    expect(await screen.findByText('The API documentation did not open')).toBeVisible();
    expect(screen.getByText('You are not allowed to do this.')).toBeVisible();
    expect(tab.close).toHaveBeenCalledOnce();
    expect(tab.location.href).toBe('about:blank');
  });

  it('is not offered to doctors', async () => {
    mockAuth.refreshCookieUser = users.doctor;
    renderApp('/doctor');

    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'My profile' })).toBeVisible();
    expect(within(nav).queryByRole('link', { name: /API documentation/ })).toBeNull();
  });
});
