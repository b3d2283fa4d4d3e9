import { createHmac } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { BrowserContext, Page } from '@playwright/test';

import { E2E_DIR } from './support/paths';
import { E2E_PASSWORD, expect, loginViaApi, signUpAdmin, submitLogin, test } from './support';

/** Where the e2e server's file mail backend writes (see server.mjs). */
const MAIL_DIR = join(E2E_DIR, '.tmp', `mail-${process.env.HMS_E2E_PORT ?? ''}`);

function base32(secret: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const character of secret.replace(/=+$/, '')) {
    bits += alphabet.indexOf(character).toString(2).padStart(5, '0');
  }
  const bytes = bits.match(/.{8}/g) ?? [];
  return Buffer.from(bytes.map((byte) => parseInt(byte, 2)));
}

/** RFC 6238 TOTP (30 s steps, 6 digits, SHA-1), as an authenticator app computes it. */
function totp(secret: string, atMs: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(atMs / 1000 / 30)));
  const digest = createHmac('sha1', base32(secret)).update(counter).digest();
  const offset = digest.readUInt8(digest.length - 1) & 0x0f;
  const value = (digest.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return value.toString().padStart(6, '0');
}

async function openTabs(context: BrowserContext, count: number, path: string): Promise<Page[]> {
  const pages = await Promise.all(Array.from({ length: count }, () => context.newPage()));
  await Promise.all(pages.map((tab) => tab.goto(path)));
  return pages;
}

test('five tabs of the admin opened and reloaded together all stay signed in', async ({
  api,
  context,
  page,
}) => {
  // Six pages of one browser load the app and refresh one after another (the refresh lock).
  test.slow();
  const admin = await signUpAdmin(api);
  await loginViaApi(page, admin.username, admin.password, '/admin');

  const tabs = await openTabs(context, 5, '/admin/doctors');
  for (const tab of tabs) {
    await expect(tab.getByRole('banner').getByRole('button', { name: 'Sign out' })).toBeVisible();
  }
  await Promise.all(tabs.map((tab) => tab.reload()));

  for (const tab of tabs) {
    await expect(tab.getByRole('heading', { level: 1, name: 'Doctors' })).toBeVisible();
    await expect(tab).toHaveURL(/\/admin\/doctors$/);
  }
  await page.reload();
  await expect(page.getByRole('banner').getByRole('button', { name: 'Sign out' })).toBeVisible();
});

test('signing out in one tab sends the other tabs to sign-in on their next request', async ({
  api,
  context,
  page,
}) => {
  const admin = await signUpAdmin(api);
  await loginViaApi(page, admin.username, admin.password, '/admin');
  const other = await context.newPage();
  await other.goto('/admin');
  await expect(other.getByRole('banner').getByRole('button', { name: 'Sign out' })).toBeVisible();

  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);

  // Coming back to the tab refetches its data: that request (or, failing that, opening another
  // page) finds the session ended, the cookie gone, and leads to the sign-in page.
  await other.bringToFront();
  const doctors = other.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Doctors' });
  if (await doctors.isVisible()) await doctors.click({ timeout: 2_000 }).catch(() => undefined);
  await expect(other).toHaveURL(/\/login$/);
  await expect(other.getByText('Your session has ended. Please sign in again.')).toBeVisible();
});

test('two-factor sign-in: enrol on the profile page, then sign in with a code', async ({
  api,
  page,
}) => {
  const admin = await signUpAdmin(api);
  await loginViaApi(page, admin.username, admin.password, '/admin/profile');

  await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
  await expect(page.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible();
  const secret = (await page.getByTestId('mfa-secret').textContent()) ?? '';
  await page.getByLabel('Code from the app').fill(totp(secret, Date.now()));
  await page.getByRole('button', { name: 'Confirm' }).click();
  const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
  await expect(codes).toHaveCount(10);
  await expect(page.getByText(/^On\. Signing in asks for a code/)).toBeVisible();

  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await submitLogin(page, admin.username, admin.password);
  // The code of the next 30-second step: the one just used for enrolment counts once only.
  await page.getByLabel('Authentication code').fill(totp(secret, Date.now() + 30_000));
  await page.getByRole('button', { name: 'Verify' }).click();

  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole('banner').getByRole('button', { name: 'Sign out' })).toBeVisible();
});

test('password reset through the link in the e-mail', async ({ api, page }) => {
  const admin = await signUpAdmin(api);

  await page.goto('/login');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await page.getByLabel('Username or e-mail').fill(admin.username);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByText('Check your e-mail')).toBeVisible();

  let link = '';
  await expect(async () => {
    const mails = readdirSync(MAIL_DIR).map((name) => readFileSync(join(MAIL_DIR, name), 'utf8'));
    const mail = mails.find((text) => text.includes(`To: ${admin.username}@e2e.example`)) ?? '';
    link = /http\S+\/reset-password\?\S+/.exec(mail)?.[0] ?? '';
    expect(link).not.toBe('');
  }).toPass({ timeout: 10_000 });

  const newPassword = `${E2E_PASSWORD}-renewed`;
  await page.goto(link);
  await page.getByLabel(/^New password/).fill(newPassword);
  await page.getByLabel('Repeat the new password').fill(newPassword);
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByText('Password changed')).toBeVisible();

  // The link works once.
  await page.goto(link);
  await page.getByLabel(/^New password/).fill(`${newPassword}-again`);
  await page.getByLabel('Repeat the new password').fill(`${newPassword}-again`);
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByText('This link does not work')).toBeVisible();

  await submitLogin(page, admin.username, newPassword);
  await expect(page).toHaveURL(/\/admin$/);
});
