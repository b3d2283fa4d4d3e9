import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

import { DEMO_PASSWORD } from './demo';

/** Where each role lands after signing in (the SPA's ROLE_HOME). */
export const ROLE_HOME = { ADMIN: '/admin', DOCTOR: '/doctor', PATIENT: '/patient' } as const;

const SIGNED_IN_AREA = /\/(admin|doctor|patient)(\/|$|\?)/;

/** Open the sign-in page, fill the form and submit it; does not wait for the outcome. */
export async function submitLogin(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByLabel('Username').fill(username);
  await form.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await form.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * Sign in through the login page as a real user would, and wait for the signed-in app (the role's
 * area and the "Sign out" button). Use this when the journey is about what a user sees.
 */
export async function loginAs(
  page: Page,
  username: string,
  password: string = DEMO_PASSWORD,
): Promise<void> {
  await submitLogin(page, username, password);
  await expect(page).toHaveURL(SIGNED_IN_AREA);
  await expect(page.getByRole('banner').getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/**
 * Sign in without the login page: the API sets the refresh cookie in this page's browser context
 * (exactly what the login form does), then the SPA restores the session from it on `path`.
 * Faster than {@link loginAs}; use it when signing in is not what the journey tests.
 */
export async function loginViaApi(
  page: Page,
  username: string,
  password: string = DEMO_PASSWORD,
  path = '/',
): Promise<void> {
  const response = await page.request.post('/api/v1/auth/token/', {
    data: { username, password, use_cookie: true },
  });
  expect(response.status(), `login of ${username}: ${await response.text()}`).toBe(200);
  await page.goto(path);
  await expect(page.getByRole('banner').getByRole('button', { name: 'Sign out' })).toBeVisible();
}

const ROLE_LABEL = { ADMIN: 'Admin', DOCTOR: 'Doctor', PATIENT: 'Patient' } as const;

/** The app shell's header names the signed-in user and their role, on the role's home page. */
export async function expectSignedInAs(
  page: Page,
  fullName: string,
  role: keyof typeof ROLE_HOME,
): Promise<void> {
  await expect(page).toHaveURL(new RegExp(`${ROLE_HOME[role]}$`));
  const header = page.getByRole('banner');
  await expect(header.getByText(fullName, { exact: true })).toBeVisible();
  await expect(header.getByText(ROLE_LABEL[role], { exact: true })).toBeVisible();
}

/** Sign out from the app's header and wait for the login page. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
}

/** Wait until the page has stopped loading: no request in flight, no "Loading…" spinner. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('[role="status"] .mantine-Loader-root')).toHaveCount(0);
}
