import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { users } from '@/test/fixtures';
import { renderApp } from '@/test/render';
import { mockAuth } from '@/test/server';

describe('role guard', () => {
  it('shows "Not allowed" when a doctor opens an admin page', async () => {
    mockAuth.refreshCookieUser = users.doctor;
    const { router } = renderApp('/admin');

    expect(await screen.findByRole('heading', { name: 'Not allowed' })).toBeInTheDocument();
    expect(
      screen.getByText(
        "This page is not available to your account (Doctor). If you think you should have access, ask the hospital's administrator.",
      ),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/admin');
    // The shell still works: the doctor's own menu and a way back.
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Dashboard' })).toHaveAttribute('href', '/doctor');
    expect(screen.getByRole('link', { name: 'Go to your dashboard' })).toHaveAttribute(
      'href',
      '/doctor',
    );
  });

  it('shows "Not allowed" for a nested page of another role', async () => {
    mockAuth.refreshCookieUser = users.patient;
    renderApp('/doctor/patients/12');

    expect(await screen.findByRole('heading', { name: 'Not allowed' })).toBeInTheDocument();
    expect(screen.getByText(/\(Patient\)/)).toBeInTheDocument();
  });

  it('sends a signed-in user from the login page to their dashboard', async () => {
    mockAuth.refreshCookieUser = users.patient;
    const { router } = renderApp('/login');

    expect(await screen.findByText('Welcome, Ravi Kumar')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/patient');
  });

  it('sends an anonymous visitor of the start page to login', async () => {
    const { router } = renderApp('/');

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
  });

  it('after login, does not return to a page of another role', async () => {
    const { user, router } = renderApp('/admin');
    await user.type(await screen.findByLabelText(/^Username/), 'drmeera');
    await user.type(screen.getByLabelText(/^Password/), 'correct-horse');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText('Welcome, Meera Iyer')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/doctor');
  });

  it('answers an unknown address with "Page not found"', async () => {
    renderApp('/no/such/page');

    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
  });
});

describe('unknown pages inside an area', () => {
  it('shows "Page not found" inside the shell for the right role', async () => {
    mockAuth.refreshCookieUser = users.doctor;
    renderApp('/doctor/no-such-page');

    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument();
  });
});
