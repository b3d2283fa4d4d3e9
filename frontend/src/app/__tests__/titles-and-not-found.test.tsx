import { render, screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, http as anyRequest } from 'msw';
import { describe, expect, it, vi } from 'vitest';

import { AppProvider } from '@/app/provider';
import { LoadError } from '@/components/list-states';
import type { PageRoute } from '@/config/paths';
import { paths } from '@/config/paths';
import { ApiError, errorMessage } from '@/lib/api/errors';
import type { CurrentUser } from '@/lib/auth/session';
import { errorBody, hospital, users } from '@/test/fixtures';
import { renderApp } from '@/test/render';
import { handlers, mockAuth, server } from '@/test/server';

type Entry = [name: string, route: PageRoute<never>];

/** Every page of the route table, named by where it sits in it (`admin.doctor`). */
function routeTable(node: object, prefix = ''): Entry[] {
  return Object.entries(node).flatMap(([key, value]: [string, unknown]): Entry[] => {
    const name = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value !== 'object' || value === null) return [];
    if ('path' in value && 'title' in value) return [[name, value as PageRoute<never>]];
    return routeTable(value, name);
  });
}

const ROLE_OF_AREA: Record<string, CurrentUser | null> = {
  admin: users.admin,
  doctor: users.doctor,
  patient: users.patient,
};

/** The page's address with every parameter filled in. */
function addressOf(route: PageRoute<never>): string {
  return route.path.replace(':kind', 'patient').replace(/:[A-Za-z]+/g, '7');
}

/** Requests the page makes that no default handler answers: "not found", quietly. */
function answerTheRestWithNotFound() {
  server.use(
    ...handlers,
    anyRequest.all('/api/*', () =>
      HttpResponse.json(errorBody('NOT_FOUND', 'Not found.'), { status: 404 }),
    ),
  );
}

// Redirects, not pages: their targets carry the title.
const REDIRECTS = new Set(['home', 'auth.signUpStart']);
const pages = routeTable(paths).filter(([name]) => !REDIRECTS.has(name));

describe('page titles', () => {
  it('covers every page of the route table, each with its own address', () => {
    const addresses = pages.map(([, route]) => route.path);
    expect(new Set(addresses).size).toBe(addresses.length);
    expect(pages.length).toBeGreaterThan(50);
    expect(pages.every(([, route]) => route.title.trim() !== '')).toBe(true);
  });

  it.each(pages)('%s is titled "<page> · <hospital>"', async (name, route) => {
    document.title = '';
    const area = name.split('.')[0] ?? '';
    mockAuth.refreshCookieUser = ROLE_OF_AREA[area] ?? null;
    answerTheRestWithNotFound();
    renderApp(addressOf(route));

    await waitFor(() => {
      expect(document.title).toBe(`${route.title} · ${hospital.name}`);
    });
  });

  it('titles the login page even before the hospital answers', async () => {
    server.use(anyRequest.get('/api/v1/hospital/', () => new Promise<never>(() => undefined)));
    renderApp(paths.auth.login.getHref());

    await waitFor(() => {
      expect(document.title).toBe('Sign in · HMS');
    });
  });
});

describe('first field focus', () => {
  it('puts the cursor in the username field of the sign-in page', async () => {
    renderApp(paths.auth.login.getHref());

    const username = await screen.findByLabelText(/^Username/);
    await waitFor(() => {
      expect(username).toHaveFocus();
    });
  });

  it('puts the cursor in the first field of the sign-up form', async () => {
    renderApp(paths.auth.signUp.getHref('patient'));

    const form = await screen.findByRole('form', { name: 'Patient sign-up' });
    const first = within(form).getAllByRole('textbox')[0];
    await waitFor(() => {
      expect(first).toHaveFocus();
    });
  });
});

describe('an address with no page', () => {
  it('shows the branded not-found page, titled, with the way back and no "Try again"', async () => {
    renderApp('/no/such/page');

    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    expect(await screen.findByText(hospital.name)).toBeVisible();
    expect(screen.getByRole('link', { name: 'Go to the start page' })).toHaveAttribute('href', '/');
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
    await waitFor(() => {
      expect(document.title).toBe(`Page not found · ${hospital.name}`);
    });
  });

  it('shows it inside the app for an unknown page of the signed-in role', async () => {
    mockAuth.refreshCookieUser = users.doctor;
    renderApp('/doctor/no-such-page');

    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeVisible();
  });
});

describe('a record that could not be loaded', () => {
  function renderError(error: unknown, onRetry: () => void) {
    render(
      <AppProvider env="test">
        <LoadError error={error} what="the doctor" onRetry={onRetry} />
      </AppProvider>,
    );
    return screen.getByRole('alert');
  }

  it('offers no "Try again" when the record does not exist', () => {
    const error = new ApiError(404, errorBody('NOT_FOUND', 'No doctor has this id.'));
    const alert = renderError(error, vi.fn());

    expect(within(alert).getByText(errorMessage(error))).toBeVisible();
    expect(within(alert).queryByRole('button')).not.toBeInTheDocument();
  });

  it('offers "Try again" when the server failed', () => {
    const alert = renderError(new ApiError(503, undefined), vi.fn());

    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeVisible();
  });
});
